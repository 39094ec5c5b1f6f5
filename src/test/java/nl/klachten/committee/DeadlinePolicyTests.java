package nl.klachten.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.BiFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table tests for the terms (R7, R9, R10, R11, R20, R23) in Europe/Amsterdam: month ends,
 * leap years, both DST changes, UTC times that are already the next local day, and the
 * exact second a deadline passes. The current time is always an explicit instant, as a
 * fixed {@code Clock} gives.
 */
class DeadlinePolicyTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	private final DeadlinePolicy policy = new DeadlinePolicy(new TermsSettings(AMSTERDAM, Period.ofDays(14),
			Period.ofDays(28), Period.ofDays(56), Period.ofMonths(12), Period.ofYears(1)));

	private final DeadlinePolicy monthly = new DeadlinePolicy(new TermsSettings(AMSTERDAM, Period.ofWeeks(2),
			Period.ofMonths(1), Period.ofMonths(2), Period.ofYears(1), Period.ofMonths(12)));

	@ParameterizedTest(name = "{0}: {1} -> {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			decision        | 2026-01-31T10:00+01:00 | 2026-02-28 | Jan 31 + 28 days is Feb 28 in a common year
			decision        | 2028-01-31T10:00+01:00 | 2028-02-28 | Jan 31 + 28 days is Feb 28 in a leap year too
			decision        | 2028-02-01T09:00+01:00 | 2028-02-29 | lands on the leap day
			decision        | 2026-12-10T12:00+01:00 | 2027-01-07 | crosses the year end
			acknowledge     | 2026-12-25T12:00+01:00 | 2027-01-08 | two weeks over the year end
			acknowledge     | 2026-03-29T01:30+01:00 | 2026-04-12 | submitted just before the spring DST jump
			decision        | 2026-03-29T01:30+01:00 | 2026-04-26 | spring DST day counts as one calendar day
			decision        | 2026-10-25T02:30+02:00 | 2026-11-22 | first 02:30 of the autumn DST day
			decision        | 2026-10-25T02:30+01:00 | 2026-11-22 | second 02:30 of the autumn DST day
			decision        | 2026-06-30T23:30Z      | 2026-07-29 | 23:30 UTC in summer is already July 1 local
			decision        | 2026-01-31T23:30Z      | 2026-03-01 | 23:30 UTC in winter is already Feb 1 local
			decision        | 2026-01-31T22:59Z      | 2026-02-28 | 22:59 UTC in winter is still Jan 31 local
			acknowledge     | 2026-03-28T23:30Z      | 2026-04-12 | UTC evening before the DST day is the DST day local
			extensionNotice | 2026-01-31T10:00+01:00 | 2026-02-28 | notice by the original due date
			extensionNotice | 2026-06-30T23:30Z      | 2026-07-29 | notice counted from the local submission date
			appeal          | 2026-01-05T10:00+01:00 | 2026-03-02 | eight weeks over a short February
			appeal          | 2027-12-31T23:30Z      | 2028-02-26 | filed on New Year's Eve UTC, Jan 1 local
			retention       | 2028-02-29T12:00+01:00 | 2029-02-28 | leap day plus one year is Feb 28
			retention       | 2027-02-28T12:00+01:00 | 2028-02-28 | Feb 28 plus one year stays Feb 28
			retention       | 2026-12-31T23:30Z      | 2028-01-01 | handled on Jan 1 local
			""")
	void shouldComputeDueDateWhenTermStartsAt(String term, OffsetDateTime start, LocalDate expected, String why) {
		BiFunction<DeadlinePolicy, OffsetDateTime, LocalDate> rule = switch (term) {
			case "acknowledge" -> DeadlinePolicy::acknowledgeDue;
			case "decision" -> DeadlinePolicy::decisionDue;
			case "extensionNotice" -> DeadlinePolicy::extensionNoticeBy;
			case "appeal" -> DeadlinePolicy::appealDue;
			case "retention" -> DeadlinePolicy::retentionUntil;
			default -> throw new IllegalArgumentException(term);
		};
		assertThat(rule.apply(this.policy, start)).as(why).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} + P1M -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-01-31T10:00+01:00 | 2026-02-28
			2028-01-31T10:00+01:00 | 2028-02-29
			2026-03-31T10:00+02:00 | 2026-04-30
			2026-01-30T23:30Z      | 2026-02-28
			""")
	void shouldClampToMonthEndWhenHandlingTermIsAMonth(OffsetDateTime submitted, LocalDate expected) {
		assertThat(this.monthly.decisionDue(submitted)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "arose {0}, filed {1} -> late {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2025-03-15 | 2026-03-15T12:00+01:00 | false | exactly twelve months later is in time
			2025-03-15 | 2026-03-16T00:30+01:00 | true  | the day after the twelve months is late
			2025-03-15 | 2026-03-15T23:30Z      | true  | 23:30 UTC is already the next local day
			2025-03-15 | 2026-03-15T22:30Z      | false | 22:30 UTC is still the last local day
			2027-02-28 | 2028-02-28T10:00+01:00 | false | Feb 28 to Feb 28 over a leap year
			2027-02-28 | 2028-02-29T10:00+01:00 | true  | filed on the leap day after Feb 28
			2028-02-29 | 2029-02-28T10:00+01:00 | false | the leap day plus twelve months is Feb 28
			2028-02-29 | 2029-03-01T10:00+01:00 | true  | and Mar 1 is late
			2025-10-25 | 2026-10-25T02:30+01:00 | false | last day falls on the autumn DST day
			2026-05-01 | 2026-05-01T09:00+02:00 | false | filed the day it arose
			""")
	void shouldFlagLateWhenFiledAfterTheWindow(LocalDate aroseOn, OffsetDateTime submitted, boolean late, String why) {
		assertThat(this.policy.late(aroseOn, submitted)).as(why).isEqualTo(late);
	}

	@ParameterizedTest(name = "due {0}, now {1} -> overdue {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-03-29 | 2026-03-29T21:59:59Z     | false | 23:59:59+02 on the spring DST day
			2026-03-29 | 2026-03-29T21:59:59.500Z | true  | past 23:59:59 is past
			2026-03-29 | 2026-03-29T22:00:00Z     | true  | 00:00 next day
			2026-10-25 | 2026-10-25T22:00:00Z     | false | 23:00+01 on the autumn DST day
			2026-10-25 | 2026-10-25T22:59:59Z     | false | 23:59:59+01 on the autumn DST day
			2026-10-25 | 2026-10-25T23:00:00Z     | true  | 00:00 next day
			2026-01-15 | 2026-01-15T22:59:59Z     | false | 23:59:59 in winter
			2026-01-15 | 2026-01-15T23:00:00Z     | true  | 00:00 next day in winter
			2026-07-15 | 2026-07-15T21:59:59Z     | false | 23:59:59 in summer
			2026-07-15 | 2026-07-14T08:00:00Z     | false | the day before
			""")
	void shouldBeOverdueWhenEndOfDueDayHasPassed(LocalDate due, Instant now, boolean overdue, String why) {
		assertThat(this.policy.overdue(due, now)).as(why).isEqualTo(overdue);
	}

	@ParameterizedTest(name = "due {0}, now {1} -> {2} days left")
	@CsvSource(delimiter = '|', textBlock = """
			2026-03-29 | 2026-03-28T23:30:00Z | 0  | true  | true
			2026-03-29 | 2026-03-28T22:30:00Z | 1  | true  | false
			2026-04-01 | 2026-03-29T12:00:00Z | 3  | true  | false
			2026-04-02 | 2026-03-29T12:00:00Z | 4  | false | false
			2026-03-01 | 2026-03-01T23:00:00Z | -1 | false | false
			2026-10-25 | 2026-10-25T22:30:00Z | 0  | true  | true
			""")
	void shouldCountCalendarDaysLeftWhenNowIsLocalDay(LocalDate due, Instant now, long daysLeft, boolean withinThree,
			boolean withinZero) {
		assertThat(this.policy.daysLeft(due, now)).isEqualTo(daysLeft);
		assertThat(this.policy.dueWithin(due, now, 3)).isEqualTo(withinThree);
		assertThat(this.policy.dueWithin(due, now, 0)).isEqualTo(withinZero);
	}

	@ParameterizedTest(name = "handled {0}, now {1} -> purge {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-03-10T15:00+01:00 | 2027-03-10T22:59:59Z | false
			2026-03-10T15:00+01:00 | 2027-03-10T23:00:00Z | true
			2028-02-29T10:00+01:00 | 2029-02-28T12:00:00Z | false
			2028-02-29T10:00+01:00 | 2029-02-28T23:00:00Z | true
			2026-06-30T23:30Z      | 2027-07-01T21:00:00Z | false
			2026-06-30T23:30Z      | 2027-07-01T22:00:00Z | true
			""")
	void shouldPurgeWhenRetentionDayHasEnded(OffsetDateTime handledAt, Instant now, boolean purge) {
		assertThat(this.policy.purgeDue(handledAt, now)).isEqualTo(purge);
	}

	@ParameterizedTest(name = "{0} ends at {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-03-29 | 2026-03-29T23:59:59+02:00
			2026-10-25 | 2026-10-25T23:59:59+01:00
			2026-01-15 | 2026-01-15T23:59:59+01:00
			""")
	void shouldEndAtLocalMidnightMinusOneSecondWhenOffsetChangesThatDay(LocalDate date, OffsetDateTime end) {
		ZonedDateTime actual = this.policy.endOf(date);
		assertThat(actual.toOffsetDateTime()).isEqualTo(end);
		assertThat(actual.getZone()).isEqualTo(AMSTERDAM);
	}

	@ParameterizedTest(name = "{0} is local {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-06-30T22:00:00Z | 2026-07-01
			2026-01-31T22:59:00Z | 2026-01-31
			2026-10-25T00:30:00Z | 2026-10-25
			2026-03-29T00:30:00Z | 2026-03-29
			""")
	void shouldGiveLocalDateWhenAskedForToday(Instant now, LocalDate today) {
		assertThat(this.policy.today(now)).isEqualTo(today);
	}

}
