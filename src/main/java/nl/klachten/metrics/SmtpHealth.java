package nl.klachten.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import nl.klachten.register.Vitals;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Sending, read from the outbox: the last mail sent, how many wait, how long the oldest has waited
 * and how many were refused for every recipient. DOWN when a mail has waited longer than
 * {@code outbox-stale}: the SMTP server has been refusing or unreachable for that long.
 */
class SmtpHealth implements HealthIndicator {

	private final Supplier<Vitals.OutboxFigures> outbox;

	private final HealthSettings settings;

	private final Clock clock;

	SmtpHealth(Supplier<Vitals.OutboxFigures> outbox, HealthSettings settings, Clock clock) {
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Vitals.OutboxFigures outbox = this.outbox.get();
		Duration waited = outbox.oldestWaiting() == null ? Duration.ZERO
				: Duration.between(outbox.oldestWaiting(), this.clock.instant());
		Health.Builder health = waited.compareTo(this.settings.outboxStale()) > 0 ? Health.down() : Health.up();
		return health.withDetail("lastSent", outbox.lastSent() == null ? "none" : outbox.lastSent().toString())
			.withDetail("outboxDepth", outbox.waiting())
			.withDetail("oldestWaitingSeconds", Math.max(0, waited.toSeconds()))
			.withDetail("failedRecipients", outbox.refused())
			.build();
	}

}
