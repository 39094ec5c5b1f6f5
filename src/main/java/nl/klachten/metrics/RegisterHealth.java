package nl.klachten.metrics;

import nl.klachten.register.Vitals;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The register: the SQLite file answers {@code SELECT 1}; details the schema version. */
class RegisterHealth implements HealthIndicator {

	private final Vitals vitals;

	RegisterHealth(Vitals vitals) {
		this.vitals = vitals;
	}

	@Override
	public Health health() {
		try {
			if (!this.vitals.answers()) {
				return Health.down().build();
			}
			return Health.up().withDetail("schemaVersion", this.vitals.schemaVersion().orElse("none")).build();
		}
		catch (RuntimeException ex) {
			return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
	}

}
