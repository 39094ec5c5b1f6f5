package nl.klachten.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Whether the SMTP server can be talked to, and when it is tried next (issue 13). While
 * it cannot, the sender backs off at the server level: every waiting mail is held until
 * the next server try and they all go then, in the order they were queued, instead of
 * each mail keeping its own schedule and overtaking the others when the server is back.
 * Backoff from 5 s, doubling to at most 30 min, on the injected clock. Read by the SMTP
 * health indicator.
 */
public final class SmtpServerState {

	private final Clock clock;

	private final ExponentialBackOff backOff = new ExponentialBackOff(5_000, 2.0);

	private BackOffExecution execution;

	private Instant downSince;

	private Instant nextTry;

	private int failures;

	SmtpServerState(Clock clock) {
		this.clock = clock;
		this.backOff.setMaxInterval(Duration.ofMinutes(30).toMillis());
	}

	/** What health shows: {@code downSince} null when the server answered last time. */
	public record Figures(Instant downSince, Instant nextTry, int failures) {

		public boolean down() {
			return this.downSince != null;
		}

	}

	public synchronized Figures figures() {
		return new Figures(this.downSince, this.nextTry, this.failures);
	}

	/** True while the next server try has not come yet: mail waits without trying. */
	synchronized boolean holding() {
		return this.nextTry != null && this.clock.instant().isBefore(this.nextTry);
	}

	/** The moment held mail is tried next. */
	synchronized Instant nextTry() {
		return this.nextTry == null ? this.clock.instant() : this.nextTry;
	}

	/**
	 * The server could not be reached or the connection broke: returns the next server
	 * try.
	 */
	synchronized Instant failed() {
		if (this.execution == null) {
			this.execution = this.backOff.start();
			this.downSince = this.clock.instant();
		}
		this.failures++;
		this.nextTry = this.clock.instant().plusMillis(this.execution.nextBackOff());
		return this.nextTry;
	}

	/** The server answered (whatever it said about a mail). */
	synchronized void answered() {
		this.execution = null;
		this.downSince = null;
		this.nextTry = null;
		this.failures = 0;
	}

}
