package nl.klachten.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the intake poller that the inbox is worth a look: raised by IDLE when mail arrives, after
 * every (re)connect (the catch-up search), and when a batch came back full. Without a signal the
 * inbox is still checked every poll interval, which is the whole mechanism on a server without IDLE.
 */
public class MailSignal {

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

	private final AtomicBoolean raised = new AtomicBoolean(true);

	private final Clock clock;

	private final Duration interval;

	private volatile Instant lastCheck = Instant.EPOCH;

	private volatile Instant notBefore = Instant.EPOCH;

	private volatile Duration backoff = Duration.ZERO;

	public MailSignal(Clock clock, Duration interval) {
		this.clock = clock;
		this.interval = interval;
	}

	public void raise() {
		this.raised.set(true);
	}

	/** True when the inbox should be checked now; resets the signal. */
	public boolean take() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.notBefore)) {
			return false;
		}
		boolean due = this.raised.getAndSet(false) || !now.isBefore(this.lastCheck.plus(this.interval));
		if (due) {
			this.lastCheck = now;
		}
		return due;
	}

	/** The server failed: look again after a backoff of 1 s doubling to 60 s, not at every tick. */
	public void failed() {
		this.backoff = this.backoff.isZero() ? Duration.ofSeconds(1) : min(this.backoff.multipliedBy(2), MAX_BACKOFF);
		this.notBefore = this.clock.instant().plus(this.backoff);
		this.raised.set(true);
	}

	/** The server answered: no backoff. */
	public void succeeded() {
		this.backoff = Duration.ZERO;
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
