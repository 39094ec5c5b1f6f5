package nl.klachten.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a daily job is due by the application's clock (D7 digest at 08:00, the nightly
 * purge), DST included: a time that does not exist on the day clocks go forward (02:30 on
 * 29 March) has no run that day, as in cron.
 */
class DailyScheduleTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@ParameterizedTest(name = "{0} on {1}: due at {2}")
	@CsvSource(nullValues = "none", textBlock = """
			0 0 8 * * *,        2026-11-30, 2026-11-30T07:00:00Z
			0 0 8 * * *,        2026-07-01, 2026-07-01T06:00:00Z
			0 0 8 * * *,        2026-03-29, 2026-03-29T06:00:00Z
			0 0 8 * * *,        2026-10-25, 2026-10-25T07:00:00Z
			0 30 2 * * *,       2026-03-29, none
			0 30 3 * * *,       2026-10-25, 2026-10-25T02:30:00Z
			0 0 0 * * *,        2026-12-01, 2026-11-30T23:00:00Z
			0 0 8 * * MON-FRI,  2026-12-05, none
			0 0 0 31 2 *,       2027-02-28, none
			""")
	void shouldFindTheJobsTimeOnADayWhenTheCronFiresThatDay(String cron, LocalDate day, Instant due) {
		assertThat(new DailySchedule(cron, AMSTERDAM).dueOn(day).orElse(null)).isEqualTo(due);
	}

	@ParameterizedTest(name = "{0}: due {1}")
	@CsvSource(textBlock = """
			2026-11-30T06:59:59Z, false
			2026-11-30T07:00:00Z, true
			2026-11-30T22:59:59Z, true
			2026-11-30T23:00:00Z, false
			""")
	void shouldBeDueFromItsTimeToTheEndOfThatDay(Instant now, boolean due) {
		assertThat(new DailySchedule("0 0 8 * * *", AMSTERDAM).isDue(now)).isEqualTo(due);
	}

}
