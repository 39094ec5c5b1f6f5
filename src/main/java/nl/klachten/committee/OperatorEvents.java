package nl.klachten.committee;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's log of what happened, one line per event under the logger
 * {@code complaints.events}: a complaint registered, a command applied or refused, a
 * decision sent, an appeal recorded, a mail sent or refused. Lines hold references,
 * register ids, keywords and fixed-width hashes of mail keys only: never a name, an
 * address, a subject or complaint text (confidential by default). An operator follows one
 * case with {@code grep KK-2026-0007} and one mail with its hash.
 */
public final class OperatorEvents {

	private static final Logger log = LoggerFactory.getLogger("complaints.events");

	/**
	 * Hex digits of a mail hash: 48 bits, enough to tell a day's mails apart, short
	 * enough to read.
	 */
	static final int HASH_WIDTH = 12;

	private OperatorEvents() {
	}

	/**
	 * A fixed-width, stable hash of a mail key (Message-ID, or the raw bytes' digest):
	 * the same mail has the same hash in every line and every run, and no Message-ID is
	 * written to the log.
	 */
	public static String hash(String key) {
		if (key == null) {
			return "-".repeat(HASH_WIDTH);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, HASH_WIDTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	public static void registered(String reference, String mailKey) {
		log.info("registered    {} mail {}", reference, hash(mailKey));
	}

	public static void commandApplied(String reference, String keywords, String mailKey) {
		log.info("command ok    {} mail {} {}", orNone(reference), hash(mailKey), keywords);
	}

	/**
	 * The line number and a short reason code, never the line itself (it may hold
	 * complaint text).
	 */
	public static void commandRefused(String reference, int line, String why, String mailKey) {
		log.info("command no    {} mail {} line {}: {}", orNone(reference), hash(mailKey), line, why);
	}

	public static void decisionSent(String reference, String assessment) {
		log.info("decision      {} {}", reference, assessment);
	}

	public static void appealRecorded(String reference, String due) {
		log.info("appeal        {} due {}", reference, due);
	}

	public static void mailSent(long outboxId, String kind, String reference, String how) {
		log.info("mail sent     {} outbox {} {} by {}", orNone(reference), outboxId, kind, how);
	}

	public static void mailRefused(long outboxId, String kind, String reference, String why) {
		log.warn("mail refused  {} outbox {} {}: {}", orNone(reference), outboxId, kind, why);
	}

	public static void stopping(long pending) {
		log.info("stopping      {} mail(s) wait in the outbox and go at the next start", pending);
	}

	private static String orNone(String reference) {
		return reference == null ? "(no case)" : reference;
	}

}
