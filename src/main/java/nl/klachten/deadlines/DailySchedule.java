package nl.klachten.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a daily job is due, read from the application's clock rather than the scheduler's:
 * the pipeline only asks every few seconds whether the job is due, so a test that fixes
 * or moves the clock decides when the digest and the purge run, and the wall clock never
 * does. A day on which the cron does not fire has no due time.
 */
final class DailySchedule {

	private final CronExpression cron;

	private final ZoneId zone;

	DailySchedule(String cron, ZoneId zone) {
		this.cron = CronExpression.parse(cron);
		this.zone = zone;
	}

	/** The day of {@code now} in the schedule's zone. */
	LocalDate day(Instant now) {
		return now.atZone(this.zone).toLocalDate();
	}

	/**
	 * The job's first time on {@code day}, or empty when the cron does not fire that day.
	 */
	Optional<Instant> dueOn(LocalDate day) {
		ZonedDateTime dayStart = day.atStartOfDay(this.zone);
		ZonedDateTime next = this.cron.next(dayStart.minusSeconds(1));
		if (next == null || !next.toLocalDate().equals(day)) {
			return Optional.empty();
		}
		return Optional.of(next.toInstant());
	}

	/** True when the job's time on the day of {@code now} has come. */
	boolean isDue(Instant now) {
		return dueOn(day(now)).filter((due) -> !due.isAfter(now)).isPresent();
	}

}
