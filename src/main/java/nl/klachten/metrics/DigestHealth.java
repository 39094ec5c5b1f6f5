package nl.klachten.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import nl.klachten.deadlines.DigestSender;
import nl.klachten.register.Vitals;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The daily digest: the last day one went; DOWN when today's is due, has not gone and is late by
 * more than {@code digest-late}.
 */
class DigestHealth implements HealthIndicator {

	private final DigestSender digest;

	private final Vitals vitals;

	private final HealthSettings settings;

	private final Clock clock;

	DigestHealth(DigestSender digest, Vitals vitals, HealthSettings settings, Clock clock) {
		this.digest = digest;
		this.vitals = vitals;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Optional<Instant> due = this.digest.dueAndUnsent();
		boolean late = due.isPresent()
				&& Duration.between(due.get(), this.clock.instant()).compareTo(this.settings.digestLate()) > 0;
		Health.Builder health = late ? Health.down() : Health.up();
		health.withDetail("lastSentDay", this.vitals.lastDigestDay().map(Object::toString).orElse("none"));
		due.ifPresent((at) -> health.withDetail("dueSince", at.toString()));
		return health.build();
	}

}
