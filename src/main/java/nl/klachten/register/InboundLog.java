package nl.klachten.register;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every mail read, keyed by its dedupe key (Message-ID, or a hash of the raw bytes): the record
 * that makes reading a mail twice a no-op, and the ignored list and quarantine of CONTRACT §4.
 */
@Repository
public class InboundLog {

	private final JdbcClient jdbc;

	InboundLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<InboundRecord.Outcome> outcomeOf(String dedupeKey) {
		return this.jdbc.sql("SELECT outcome FROM inbound_mail WHERE dedupe_key = ?")
			.param(dedupeKey)
			.query((rs, n) -> InboundRecord.Outcome.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)))
			.optional();
	}

	public long record(InboundRecord mail) {
		return this.jdbc.sql("""
				INSERT INTO inbound_mail (dedupe_key, message_id, sha256, raw_path, size, received_at, received_epoch,
				    read_at, sender, subject, outcome, reason, complaint_id)
				VALUES (:key, :messageId, :sha, :path, :size, :receivedAt, :epoch, :readAt, :sender, :subject,
				    :outcome, :reason, :complaintId)
				RETURNING id""")
			.param("key", mail.dedupeKey())
			.param("messageId", mail.messageId())
			.param("sha", mail.raw().sha256())
			.param("path", mail.raw().path())
			.param("size", mail.raw().size())
			.param("receivedAt", mail.receivedAt().toString())
			.param("epoch", mail.receivedAt().toInstant().toEpochMilli())
			.param("readAt", mail.readAt().toString())
			.param("sender", mail.sender())
			.param("subject", mail.subject())
			.param("outcome", mail.outcome().column())
			.param("reason", mail.reason())
			.param("complaintId", mail.complaintId())
			.query(Long.class)
			.single();
	}

	/** Mails from this sender received since then, for the hourly acknowledgement limit. */
	public int countFrom(String sender, Instant since) {
		return this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE sender = ? AND received_epoch >= ?")
			.params(sender, since.toEpochMilli())
			.query(Integer.class)
			.single();
	}

	public long count(InboundRecord.Outcome outcome) {
		return this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE outcome = ?")
			.param(outcome.column())
			.query(Long.class)
			.single();
	}

	/** The failed tries of a mail counted so far, 0 when none. */
	public int attemptsOf(String dedupeKey) {
		return this.jdbc.sql("SELECT attempts FROM intake_failure WHERE dedupe_key = ?")
			.param(dedupeKey)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Counts one more failed try of a mail and returns the number of tries so far. */
	public int countFailure(String dedupeKey, String errorClass, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO intake_failure (dedupe_key, attempts, last_error, last_at) VALUES (:key, 1, :error, :at)
				ON CONFLICT (dedupe_key) DO UPDATE SET attempts = attempts + 1, last_error = :error, last_at = :at
				RETURNING attempts""")
			.param("key", dedupeKey)
			.param("error", errorClass)
			.param("at", at.toString())
			.query(Integer.class)
			.single();
	}

}
