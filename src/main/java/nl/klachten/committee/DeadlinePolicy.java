package nl.klachten.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The regulation's terms as calendar dates in the configured zone (R10: calendar days,
 * deadline at end of day Europe/Amsterdam). A term counts from the <em>local</em> date of
 * its start, so a mail received at 23:30 UTC in summer counts from the next day. A
 * deadline ends at 23:59:59 local time of its date; periods are added with
 * {@link LocalDate#plus}, so a month or year that overshoots a month's end lands on its
 * last day (2028-02-29 + P1Y is 2029-02-28).
 */
public final class DeadlinePolicy {

	private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	private final TermsSettings terms;

	public DeadlinePolicy(TermsSettings terms) {
		this.terms = terms;
	}

	public ZoneId zone() {
		return this.terms.zone();
	}

	/** R9: the acknowledgement is due this day at the latest. */
	public LocalDate acknowledgeDue(OffsetDateTime submittedAt) {
		return localDate(submittedAt).plus(this.terms.acknowledge());
	}

	/** R10: the decision is due this day at the latest, before any extension. */
	public LocalDate decisionDue(OffsetDateTime submittedAt) {
		return localDate(submittedAt).plus(this.terms.handling());
	}

	/**
	 * R11: an extension must be announced "within those four weeks", so by the original
	 * due date.
	 */
	public LocalDate extensionNoticeBy(OffsetDateTime submittedAt) {
		return decisionDue(submittedAt);
	}

	/**
	 * R7: late when the submission's local date is after the day it arose plus the
	 * window.
	 */
	public boolean late(LocalDate aroseOn, OffsetDateTime submittedAt) {
		return localDate(submittedAt).isAfter(aroseOn.plus(this.terms.submissionWindow()));
	}

	/**
	 * R23: the appeals committee decides by this day, counted from the appeal's receipt.
	 */
	public LocalDate appealDue(OffsetDateTime appealFiledAt) {
		return localDate(appealFiledAt).plus(this.terms.appeal());
	}

	/** R20: how long a handled case is kept. */
	public Period retention() {
		return this.terms.retention();
	}

	/** R20: the case is kept up to and including this day. */
	public LocalDate retentionUntil(OffsetDateTime handledAt) {
		return localDate(handledAt).plus(this.terms.retention());
	}

	/** R20: the retention day has ended, so the case is to be purged. */
	public boolean purgeDue(OffsetDateTime handledAt, Instant now) {
		return overdue(retentionUntil(handledAt), now);
	}

	public ZonedDateTime endOf(LocalDate date) {
		return date.atTime(END_OF_DAY).atZone(zone());
	}

	/** Strictly after 23:59:59 local time of the due date. */
	public boolean overdue(LocalDate due, Instant now) {
		return now.isAfter(endOf(due).toInstant());
	}

	/**
	 * Calendar days from today (local) to the due date: 0 on the day itself, negative
	 * once past.
	 */
	public long daysLeft(LocalDate due, Instant now) {
		return ChronoUnit.DAYS.between(today(now), due);
	}

	/** Not yet overdue and due within {@code days} calendar days (0 = due today). */
	public boolean dueWithin(LocalDate due, Instant now, int days) {
		return !overdue(due, now) && daysLeft(due, now) <= days;
	}

	public LocalDate today(Instant now) {
		return now.atZone(zone()).toLocalDate();
	}

	private LocalDate localDate(OffsetDateTime at) {
		return at.atZoneSameInstant(zone()).toLocalDate();
	}

}
