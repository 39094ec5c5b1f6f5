package nl.klachten.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The daily digest: the last day one went; DOWN when today's is due, has not gone and is
 * late by more than {@code digest-late}.
 */
class DigestHealth implements HealthIndicator {

	private final Supplier<Optional<Instant>> dueAndUnsent;

	private final Supplier<Optional<LocalDate>> lastSentDay;

	private final HealthSettings settings;

	private final Clock clock;

	/**
	 * {@code dueAndUnsent}: when today's digest fell due if it has not gone
	 * ({@code DigestSender.dueAndUnsent}); {@code lastSentDay}: the register's last
	 * digest day.
	 */
	DigestHealth(Supplier<Optional<Instant>> dueAndUnsent, Supplier<Optional<LocalDate>> lastSentDay,
			HealthSettings settings, Clock clock) {
		this.dueAndUnsent = dueAndUnsent;
		this.lastSentDay = lastSentDay;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Optional<Instant> due = this.dueAndUnsent.get();
		boolean late = due.isPresent()
				&& Duration.between(due.get(), this.clock.instant()).compareTo(this.settings.digestLate()) > 0;
		Health.Builder health = late ? Health.down() : Health.up();
		health.withDetail("lastSentDay", this.lastSentDay.get().map(Object::toString).orElse("none"));
		due.ifPresent((at) -> health.withDetail("dueSince", at.toString()));
		return health.build();
	}

}
