package nl.klachten.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each acknowledgement arrived in its complainant's mailbox, on this JVM's clock
 * ({@code
 * System.nanoTime}), keyed by the complaint's Message-ID it answers: every id that its
 * In-Reply-To or References names. Mail that answers no complaint of the run (another
 * test's) is recorded and never asked for. The first arrival counts; a second
 * acknowledgement changes nothing.
 */
final class Arrivals {

	private static final Pattern ID = Pattern.compile("<[^<>\\s]+>");

	private final Map<String, Long> at = new ConcurrentHashMap<>();

	/**
	 * Records an arrival at {@code nanos} for every Message-ID in these header values
	 * (null ones skipped).
	 */
	void record(long nanos, String... headers) {
		for (String header : headers) {
			if (header == null) {
				continue;
			}
			Matcher m = ID.matcher(header);
			while (m.find()) {
				this.at.putIfAbsent(m.group(), nanos);
			}
		}
	}

	/** When the answer to this complaint arrived, or null. */
	Long at(String messageId) {
		return this.at.get(messageId);
	}

	/** How many of these complaints are answered. */
	long answered(Collection<String> messageIds) {
		return messageIds.stream().filter(this.at::containsKey).count();
	}

	/**
	 * Waits until every complaint is answered, at most {@code atMost}; {@code alive} is
	 * called on every look (it throws when the process under test died). Returns false on
	 * the timeout.
	 */
	boolean awaitAll(Collection<String> messageIds, Duration atMost, Runnable alive) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (answered(messageIds) < messageIds.size()) {
			alive.run();
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

}
