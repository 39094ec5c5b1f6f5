package nl.klachten.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import nl.klachten.outbound.SmtpServerState;
import nl.klachten.register.Vitals;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Sending, read from the outbox: the last mail sent, how many wait, how long the oldest
 * has waited and how many were refused for every recipient. DOWN when a mail has waited
 * longer than {@code outbox-stale}: the SMTP server has been refusing or unreachable for
 * that long, and DOWN while the server cannot be reached and mail waits (issue 13), with
 * since when and the next try.
 */
class SmtpHealth implements HealthIndicator {

	private final Supplier<Vitals.OutboxFigures> outbox;

	private final HealthSettings settings;

	private final Clock clock;

	private final Supplier<SmtpServerState.Figures> server;

	SmtpHealth(Supplier<Vitals.OutboxFigures> outbox, HealthSettings settings, Clock clock) {
		this(outbox, () -> new SmtpServerState.Figures(null, null, 0), settings, clock);
	}

	SmtpHealth(Supplier<Vitals.OutboxFigures> outbox, Supplier<SmtpServerState.Figures> server, HealthSettings settings,
			Clock clock) {
		this.server = server;
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Vitals.OutboxFigures outbox = this.outbox.get();
		Duration waited = outbox.oldestWaiting() == null ? Duration.ZERO
				: Duration.between(outbox.oldestWaiting(), this.clock.instant());
		SmtpServerState.Figures server = this.server.get();
		boolean down = waited.compareTo(this.settings.outboxStale()) > 0 || server.down() && outbox.waiting() > 0;
		Health.Builder health = down ? Health.down() : Health.up();
		health.withDetail("server", server.down() ? "unreachable" : "reachable");
		if (server.down()) {
			health.withDetail("unreachableSince", server.downSince().toString())
				.withDetail("nextTry", server.nextTry().toString())
				.withDetail("failedTries", server.failures());
		}
		return health.withDetail("lastSent", outbox.lastSent() == null ? "none" : outbox.lastSent().toString())
			.withDetail("outboxDepth", outbox.waiting())
			.withDetail("oldestWaitingSeconds", Math.max(0, waited.toSeconds()))
			.withDetail("failedRecipients", outbox.refused())
			.build();
	}

}
