package nl.klachten.outbound;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender's pause while the register cannot be written (issue 13: {@code SQLITE_BUSY} after the
 * busy timeout, a full disk): from 1 s, doubling to at most 1 min, measured with
 * {@link System#nanoTime()} (a lock or a disk frees up in real time, whatever the clock says).
 * Told once when it starts and once when it ends, with the exception's class name only.
 */
final class RegisterPause {

	private static final Logger log = LoggerFactory.getLogger(RegisterPause.class);

	private static final long FIRST = TimeUnit.SECONDS.toNanos(1);

	private static final long MAX = TimeUnit.MINUTES.toNanos(1);

	private long wait;

	private long until;

	private boolean paused;

	/** True while the pause lasts: the sender neither sends nor records. */
	synchronized boolean active() {
		return this.paused && System.nanoTime() - this.until < 0;
	}

	synchronized void failed(RuntimeException failure, int unrecorded) {
		this.wait = this.paused ? Math.min(this.wait * 2, MAX) : FIRST;
		if (!this.paused) {
			log.warn("Outbox: the register cannot be written ({}); sending paused, {} sent mails wait to be recorded",
					rootName(failure), unrecorded);
		}
		this.paused = true;
		this.until = System.nanoTime() + this.wait;
	}

	synchronized void succeeded() {
		if (this.paused) {
			log.info("Outbox: the register can be written again; sending goes on");
		}
		this.paused = false;
	}

	private static String rootName(Throwable failure) {
		Throwable root = failure;
		for (int i = 0; root.getCause() != null && root.getCause() != root && i < 20; i++) {
			root = root.getCause();
		}
		return root == failure ? failure.getClass().getSimpleName()
				: failure.getClass().getSimpleName() + "/" + root.getClass().getSimpleName();
	}

}
