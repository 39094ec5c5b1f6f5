package nl.klachten.intake;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The intake's backoff while the register cannot be written (another writer holding the lock past
 * the busy timeout, a full disk): 1 s doubling to 60 s between tries, so a full disk is not hammered
 * at every tick and the log gets one warning when it starts and one line when it ends, not a stack
 * trace per poll. Elapsed time is measured with {@link System#nanoTime}, not the application's clock.
 */
@Component
class IntakePause {

	private static final Logger log = LoggerFactory.getLogger(IntakePause.class);

	private static final Duration FIRST = Duration.ofSeconds(1);

	private static final Duration MAX = Duration.ofSeconds(60);

	private volatile long notBefore = System.nanoTime();

	private volatile Duration backoff = Duration.ZERO;

	private volatile int faultsInRow;

	/** True when the intake may read the inbox again. */
	boolean ready() {
		return System.nanoTime() - this.notBefore >= 0;
	}

	/** The register could not be written: wait before the next try. */
	synchronized void failed(Throwable fault) {
		this.backoff = this.backoff.isZero() ? FIRST : min(this.backoff.multipliedBy(2), MAX);
		this.notBefore = System.nanoTime() + this.backoff.toNanos();
		this.faultsInRow++;
		if (this.faultsInRow == 1) {
			log.warn("Register cannot be written ({}); the mail stays in the inbox and intake tries again after a pause",
					chain(fault));
		}
		else {
			log.debug("Register still cannot be written ({}), try {}", chain(fault), this.faultsInRow);
		}
	}

	/** A batch went through: no backoff. */
	synchronized void succeeded() {
		if (this.faultsInRow > 0) {
			log.info("Register writable again after {} tries; intake goes on", this.faultsInRow);
		}
		this.faultsInRow = 0;
		this.backoff = Duration.ZERO;
	}

	int faultsInRow() {
		return this.faultsInRow;
	}

	private static String chain(Throwable fault) {
		StringBuilder chain = new StringBuilder(fault.getClass().getSimpleName());
		for (Throwable c = fault.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
			chain.append(" <- ").append(c.getClass().getSimpleName());
		}
		return chain.toString();
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
