package nl.klachten;

import java.time.Duration;

import org.awaitility.core.ThrowingRunnable;

import static org.awaitility.Awaitility.await;

/**
 * The check that nothing more happens: an assertion that must come true and then hold
 * without a break for a whole window (no second acknowledgement, no retry before the
 * backoff ran out). It replaces a fixed {@code Thread.sleep} and one look afterwards: the
 * assertion is looked at every 100 ms all through the window, so a count that grows
 * inside it fails the test, and one that is not yet right at the start is waited for (up
 * to ten seconds more) instead of failing at the end of a sleep that happened to be too
 * short on a busy machine.
 */
public final class Holds {

	private static final Duration SETTLE = Duration.ofSeconds(10);

	private Holds() {
	}

	/** Waits until {@code assertion} has passed without a break for {@code window}. */
	public static void during(Duration window, ThrowingRunnable assertion) {
		await().during(window).atMost(window.plus(SETTLE)).untilAsserted(assertion);
	}

}
