package nl.klachten.mailbox;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which the processor offers TLS cipher suites (issue 15): the
 * ChaCha20-Poly1305 suites first, then the JVM's own order. The processor runs with the
 * C1 compiler only ({@code scripts/complaints}), and without C2 the JVM's AES-GCM is
 * plain Java: 33 MB/s against ChaCha20-Poly1305's 160 MB/s on the benchmark machine, and
 * in a real-server run AES-GCM was 40% of the sending threads' samples. Both are TLS
 * 1.3's standard AEADs; servers that follow the client's preference (Dovecot's and
 * Postfix's default) pick ChaCha20, others keep their own choice. Nothing is disabled:
 * the same suites are enabled, only the order changes.
 */
final class TlsSuites {

	private TlsSuites() {
	}

	/**
	 * {@code suites} with the ChaCha20 ones moved to the front, each group in its order.
	 */
	static String[] chachaFirst(String[] suites) {
		String[] ordered = suites.clone();
		Arrays.sort(ordered, Comparator.comparingInt((String suite) -> suite.contains("_CHACHA20_") ? 0 : 1));
		return ordered;
	}

}
