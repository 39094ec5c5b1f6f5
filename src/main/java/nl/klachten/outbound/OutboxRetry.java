package nl.klachten.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import nl.klachten.register.Outbox;
import nl.klachten.register.QueuedMail;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The next try of a mail that could not go, by SMTP or into the notices folder alike:
 * exponential backoff from 5 s, doubling to at most 30 min, counted from the mail's tries
 * so far; never given up (a lost acknowledgement is a broken promise of R9, a lost notice
 * a case the chair never sees).
 */
final class OutboxRetry {

	private final Outbox outbox;

	private final Clock clock;

	private final ExponentialBackOff backOff = new ExponentialBackOff(5_000, 2.0);

	OutboxRetry(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
		this.backOff.setMaxInterval(Duration.ofMinutes(30).toMillis());
	}

	/**
	 * The mail waits; {@code cause} null means it was not tried because an earlier one
	 * failed.
	 */
	void defer(QueuedMail mail, Exception cause) {
		deferBecause(mail, cause == null ? "deferred" : cause.getClass().getSimpleName());
	}

	/**
	 * The mail waits, {@code error} saying why (a reply code or an exception's class
	 * name).
	 */
	void deferBecause(QueuedMail mail, String error) {
		BackOffExecution execution = this.backOff.start();
		long wait = execution.nextBackOff();
		for (int i = 0; i < mail.attempts(); i++) {
			wait = execution.nextBackOff();
		}
		Instant next = this.clock.instant().plusMillis(wait);
		this.outbox.markRetry(mail.id(), next, error == null ? "deferred" : error);
	}

}
