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

	private final AtomicBoolean raised = new AtomicBoolean(true);

	private final Clock clock;

	private final Duration interval;

	private volatile Instant lastCheck = Instant.EPOCH;

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
		boolean due = this.raised.getAndSet(false) || !now.isBefore(this.lastCheck.plus(this.interval));
		if (due) {
			this.lastCheck = now;
		}
		return due;
	}

}
