package nl.klachten.mailbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import nl.klachten.committee.RealTimeBackoff;

/**
 * Tells the intake poller that the inbox is worth a look: raised by IDLE when mail
 * arrives, after every (re)connect (the catch-up search), and when a batch came back
 * full. Without a signal the inbox is still checked every poll interval, which is the
 * whole mechanism on a server without IDLE. Intervals are measured on a monotonic ticker,
 * not the application's clock: they are elapsed time, and a test that fixes the clock
 * must not stop the polling.
 */
public class MailSignal {

	private final AtomicBoolean raised = new AtomicBoolean(true);

	private final LongSupplier ticker;

	private final long interval;

	private volatile long lastCheck;

	private final RealTimeBackoff backoff;

	public MailSignal(Duration interval) {
		this(interval, System::nanoTime);
	}

	MailSignal(Duration interval, LongSupplier ticker) {
		this.ticker = ticker;
		this.interval = interval.toNanos();
		this.lastCheck = ticker.getAsLong() - this.interval;
		this.backoff = new RealTimeBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), ticker);
	}

	public void raise() {
		this.raised.set(true);
	}

	/** True when the inbox should be checked now; resets the signal. */
	public boolean take() {
		if (!this.backoff.ready()) {
			return false;
		}
		long now = this.ticker.getAsLong();
		boolean due = this.raised.getAndSet(false) || now - this.lastCheck >= this.interval;
		if (due) {
			this.lastCheck = now;
		}
		return due;
	}

	/**
	 * The server failed: look again after a backoff of 1 s doubling to 60 s, not at every
	 * tick.
	 */
	public void failed() {
		this.backoff.failed();
		this.raised.set(true);
	}

	/** The server answered: no backoff. */
	public void succeeded() {
		this.backoff.succeeded();
	}

}
