package nl.klachten.intake;

import java.time.Duration;

import nl.klachten.committee.Failures;
import nl.klachten.committee.RealTimeBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The intake's pause while the register cannot be written (another writer holding the
 * lock past the busy timeout, a full disk): 1 s doubling to 60 s between tries
 * ({@link RealTimeBackoff}), so a full disk is not hammered at every tick and the log
 * gets one warning when it starts and one line when it ends, not a stack trace per poll.
 */
@Component
class IntakePause {

	private static final Logger log = LoggerFactory.getLogger(IntakePause.class);

	private final RealTimeBackoff backoff = new RealTimeBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

	/** True when the intake may read the inbox again. */
	boolean ready() {
		return this.backoff.ready();
	}

	/** The register could not be written: wait before the next try. */
	void failed(Throwable fault) {
		this.backoff.failed();
		int tries = this.backoff.failuresInRow();
		if (tries == 1) {
			log.warn(
					"Register cannot be written ({}); the mail stays in the inbox and intake tries again after a pause",
					Failures.causes(fault));
		}
		else {
			log.debug("Register still cannot be written ({}), try {}", Failures.causes(fault), tries);
		}
	}

	/** A batch went through: no pause. */
	void succeeded() {
		int tries = this.backoff.succeeded();
		if (tries > 0) {
			log.info("Register writable again after {} tries; intake goes on", tries);
		}
	}

	int faultsInRow() {
		return this.backoff.failuresInRow();
	}

}
