package nl.klachten.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every mail read, keyed by its dedupe key (Message-ID, or a hash of the content when
 * there is none): the record that makes reading a mail twice a no-op, and the ignored
 * list and quarantine of CONTRACT §4. The mails read under one Message-ID
 * ({@link #withMessageId}) with their content digests tell the same mail read again from
 * a different mail that reuses the Message-ID.
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

	/** The mails read so far with this Message-ID, oldest first. */
	public List<InboundRecord.Seen> withMessageId(MessageId messageId) {
		return this.jdbc.sql("""
				SELECT i.dedupe_key, i.content_digest, i.sender, i.outcome, c.reference
				FROM inbound_mail i LEFT JOIN complaint c ON c.id = i.complaint_id
				WHERE i.message_id = ? ORDER BY i.id""")
			.param(StoredMessageIds.text(messageId))
			.query((rs, n) -> new InboundRecord.Seen(rs.getString(1), rs.getString(2), rs.getString(3),
					InboundRecord.Outcome.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getString(5)))
			.list();
	}

	public long record(InboundRecord mail) {
		return this.jdbc.sql("""
				INSERT INTO inbound_mail (dedupe_key, message_id, sha256, raw_path, size, received_at, received_epoch,
				    read_at, sender, subject, outcome, reason, complaint_id, content_digest)
				VALUES (:key, :messageId, :sha, :path, :size, :receivedAt, :epoch, :readAt, :sender, :subject,
				    :outcome, :reason, :complaintId, :digest)
				RETURNING id""")
			.param("key", mail.dedupeKey())
			.param("messageId", StoredMessageIds.text(mail.messageId()))
			.param("sha", mail.raw().sha256())
			.param("path", mail.raw().path())
			.param("size", mail.raw().size())
			.param("receivedAt", Timestamps.write(mail.receivedAt().toInstant()))
			.param("epoch", mail.receivedAt().toInstant().toEpochMilli())
			.param("readAt", Timestamps.write(mail.readAt().toInstant()))
			.param("sender", mail.sender())
			.param("subject", mail.subject())
			.param("outcome", mail.outcome().column())
			.param("reason", mail.reason())
			.param("complaintId", mail.complaintId())
			.param("digest", mail.contentDigest())
			.query(Long.class)
			.single();
	}

	/**
	 * Mails from this sender received since then, for the hourly acknowledgement limit.
	 */
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
		return this.jdbc
			.sql("""
					INSERT INTO intake_failure (dedupe_key, attempts, last_error, last_at) VALUES (:key, 1, :error, :at)
					ON CONFLICT (dedupe_key) DO UPDATE SET attempts = intake_failure.attempts + 1, last_error = :error, last_at = :at
					RETURNING attempts""")
			.param("key", dedupeKey)
			.param("error", errorClass)
			.param("at", Timestamps.write(at))
			.query(Integer.class)
			.single();
	}

}
