package nl.klachten.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.klachten.committee.TermsSettings;
import nl.klachten.register.Vitals;

/**
 * The gauges read from the register: the outbox depth and the deadlines breached (open
 * cases past their decision's due date, acknowledgements past theirs and not sent). Each
 * figure is one small query, kept for a few seconds so that a scrape every second costs a
 * query every few.
 */
class RegisterGauges {

	static final Duration CACHE = Duration.ofSeconds(5);

	private final Vitals vitals;

	private final TermsSettings terms;

	private final Clock clock;

	/** Held here: a Micrometer gauge keeps only a weak reference to what it reads. */
	private final Cached outbox;

	private final Cached decisions;

	private final Cached acknowledgements;

	RegisterGauges(Vitals vitals, TermsSettings terms, Clock clock, MeterRegistry registry) {
		this.vitals = vitals;
		this.terms = terms;
		this.clock = clock;
		this.outbox = new Cached(() -> this.vitals.outbox().waiting());
		this.decisions = new Cached(() -> this.vitals.decisionsPastDue(today()));
		this.acknowledgements = new Cached(() -> this.vitals.acknowledgementsPastDue(today()));
		Gauge.builder("complaints.outbox.depth", this.outbox, Cached::value)
			.description("Mails waiting in the outbox")
			.register(registry);
		Gauge.builder("complaints.deadlines.breached", this.decisions, Cached::value)
			.description("Open cases past a due date")
			.tag("deadline", "decision")
			.register(registry);
		Gauge.builder("complaints.deadlines.breached", this.acknowledgements, Cached::value)
			.description("Open cases past a due date")
			.tag("deadline", "acknowledgement")
			.register(registry);
	}

	private LocalDate today() {
		return this.clock.instant().atZone(this.terms.zone()).toLocalDate();
	}

	/**
	 * A figure read at most once per {@link #CACHE}, timed on the monotonic clock; NaN
	 * when the read fails.
	 */
	static final class Cached {

		private final Supplier<Long> read;

		private long readAt;

		private double value = Double.NaN;

		private boolean fresh;

		Cached(Supplier<Long> read) {
			this.read = read;
		}

		synchronized double value() {
			long now = System.nanoTime();
			if (!this.fresh || now - this.readAt >= CACHE.toNanos()) {
				try {
					this.value = this.read.get();
				}
				catch (RuntimeException ex) {
					this.value = Double.NaN;
				}
				this.readAt = now;
				this.fresh = true;
			}
			return this.value;
		}

	}

}
