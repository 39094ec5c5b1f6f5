package nl.klachten.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.register.DigestData;
import nl.klachten.register.Retention;

/**
 * Reads what a day's digest covers from the register and has {@link DigestBuilder} turn
 * it into a {@link Digest}: the open cases, questions and appeals, and what came in,
 * bounced or was purged since the day before the last digest (or since yesterday when
 * there was none).
 */
final class DigestAssembler {

	private final DigestData data;

	private final Retention retention;

	private final DigestBuilder builder;

	private final ZoneId zone;

	private final Clock clock;

	DigestAssembler(DigestData data, Retention retention, DeadlinePolicy policy, ZoneId zone, Clock clock) {
		this.data = data;
		this.retention = retention;
		this.builder = new DigestBuilder(policy);
		this.zone = zone;
		this.clock = clock;
	}

	Digest build(LocalDate day) {
		Instant now = asOf(day);
		LocalDate from = day.minusDays(1);
		Optional<Instant> last = this.data.lastRunBefore(day);
		if (last.isPresent()) {
			from = last.get().atZone(this.zone).toLocalDate().minusDays(1);
		}
		List<Digest.Purge> purged = this.retention.purgedSince(from)
			.stream()
			.map((p) -> new Digest.Purge(p.reference(), p.purgedOn()))
			.toList();
		List<Digest.Purge> coming = this.retention.dueWithin(day, 30)
			.stream()
			.map((p) -> new Digest.Purge(p.reference(), p.retainedUntil()))
			.toList();
		DigestBuilder.Input input = new DigestBuilder.Input(this.data.openCases(), this.data.waitingForAnswer(),
				this.data.openAppeals(), this.data.handledWithoutMeasure(), this.data.registeredFrom(from), last,
				purged, coming, this.data.undeliveredFrom(from));
		return this.builder.build(input, now);
	}

	/** Today: now. Another day: that day at the current local time of day. */
	private Instant asOf(LocalDate day) {
		Instant now = this.clock.instant();
		ZonedDateTime local = now.atZone(this.zone);
		if (local.toLocalDate().equals(day)) {
			return now;
		}
		return ZonedDateTime.of(day, LocalTime.from(local), this.zone).toInstant();
	}

}
