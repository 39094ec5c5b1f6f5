package nl.klachten.outbound;

import java.time.Duration;

import nl.klachten.committee.Failures;
import nl.klachten.committee.RealTimeBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender's pause while the register cannot be written (issue 13: {@code SQLITE_BUSY}
 * after the busy timeout, a full disk): from 1 s, doubling to at most 1 min
 * ({@link RealTimeBackoff}). Told once when it starts and once when it ends, with the
 * exception's class names only. Shared by the sender's lanes; {@link RealTimeBackoff} is
 * synchronized.
 */
final class RegisterPause {

	private static final Logger log = LoggerFactory.getLogger(RegisterPause.class);

	private final RealTimeBackoff backoff = new RealTimeBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

	/** True while the pause lasts: the sender neither sends nor records. */
	boolean active() {
		return !this.backoff.ready();
	}

	/**
	 * A write failed. Failures while the pause lasts count once: the lanes that fail
	 * together in one batch (issue 15) are one failure, not K, or the backoff would run K
	 * times as fast.
	 */
	synchronized void failed(RuntimeException failure, int unrecorded) {
		if (active()) {
			return;
		}
		this.backoff.failed();
		if (this.backoff.failuresInRow() == 1) {
			log.warn("Outbox: the register cannot be written ({}); sending paused, {} sent mails wait to be recorded",
					Failures.causes(failure), unrecorded);
		}
	}

	void succeeded() {
		if (this.backoff.succeeded() > 0) {
			log.info("Outbox: the register can be written again; sending goes on");
		}
	}

}
