package nl.klachten.committee;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The wait after a failure of the machine or a server, doubling while the failures go on,
 * from {@code first} to at most {@code max}, and gone with the first success. Measured in
 * real time with a ticker ({@link System#nanoTime}), not with the application's clock: a
 * lock, a full disk or a server comes back in real time whatever that clock says (tests
 * fix it). One piece serves every such wait: the inbox signal, the filing retries, and
 * the intake's and the sender's pauses while the register cannot be written.
 */
public final class RealTimeBackoff {

	private final long first;

	private final long max;

	private final LongSupplier ticker;

	private long wait;

	private long notBefore;

	private int failuresInRow;

	public RealTimeBackoff(Duration first, Duration max) {
		this(first, max, System::nanoTime);
	}

	public RealTimeBackoff(Duration first, Duration max, LongSupplier ticker) {
		this.first = first.toNanos();
		this.max = max.toNanos();
		this.ticker = ticker;
		this.notBefore = ticker.getAsLong();
	}

	/**
	 * True when the wait after the last failure is over (always, when there was none).
	 */
	public synchronized boolean ready() {
		return this.ticker.getAsLong() - this.notBefore >= 0;
	}

	/**
	 * One more failure: the next try waits twice as long as the last did. Returns that
	 * wait.
	 */
	public synchronized Duration failed() {
		this.wait = this.failuresInRow == 0 ? this.first : Math.min(this.wait * 2, this.max);
		this.failuresInRow++;
		this.notBefore = this.ticker.getAsLong() + this.wait;
		return Duration.ofNanos(this.wait);
	}

	/**
	 * A success: no wait. Returns the failures in a row it ends, 0 when there were none.
	 */
	public synchronized int succeeded() {
		int ended = this.failuresInRow;
		this.failuresInRow = 0;
		this.wait = 0;
		this.notBefore = this.ticker.getAsLong();
		return ended;
	}

	/**
	 * The next try may go now; the failures in a row are kept, so a further failure waits
	 * longer.
	 */
	public synchronized void tryNow() {
		this.notBefore = this.ticker.getAsLong();
	}

	public synchronized int failuresInRow() {
		return this.failuresInRow;
	}

}
