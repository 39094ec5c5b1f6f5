package nl.klachten.register;

import nl.klachten.committee.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mail to send, written in the same transaction as the register change it reports, so that a
 * crash or an SMTP outage can delay a mail but never lose it. The sender drains it. Recipients
 * are strict {@link EmailAddress}es, one a line: an address can never hold a line break, so the
 * list reads back exactly as written and is compared whole (issue 9), never split on commas.
 */
@Repository
public class Outbox {

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A rendered mail: envelope and raw RFC 5322 bytes. */
	public record QueuedMail(long id, Long complaintId, String kind, String messageId, String sender,
			List<String> recipients, byte[] raw, int attempts, String reference) {

		@Override
		public String toString() {
			return "QueuedMail[" + this.id + ", " + this.kind + "]";
		}

	}

	public long add(Long complaintId, String kind, String messageId, String sender, List<String> recipients, byte[] raw,
			Instant now) {
		return this.jdbc.sql("""
				INSERT INTO outbox (complaint_id, kind, message_id, sender, recipients, raw, created_at, next_attempt)
				VALUES (:complaintId, :kind, :messageId, :sender, :recipients, :raw, :createdAt, :next)
				RETURNING id""")
			.param("complaintId", complaintId)
			.param("kind", kind)
			.param("messageId", messageId)
			.param("sender", sender)
			.param("recipients", recipientLines(recipients))
			.param("raw", raw)
			.param("createdAt", now.toString())
			.param("next", now.toEpochMilli())
			.query(Long.class)
			.single();
	}

	public List<QueuedMail> due(Instant now, int limit) {
		return due(now, limit, "");
	}

	/** The mails due now, leaving out those of kind {@code held} (empty: none held). */
	public List<QueuedMail> due(Instant now, int limit, String held) {
		return this.jdbc.sql("""
				SELECT o.id, o.complaint_id, o.kind, o.message_id, o.sender, o.recipients, o.raw, o.attempts, c.reference
				FROM outbox o LEFT JOIN complaint c ON c.id = o.complaint_id
				WHERE o.status = 'pending' AND o.next_attempt <= ? AND o.kind <> ? ORDER BY o.id LIMIT ?""")
			.params(now.toEpochMilli(), held, limit)
			.query((rs, n) -> new QueuedMail(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6).lines().filter((r) -> !r.isEmpty()).toList(),
					rs.getBytes(7), rs.getInt(8), rs.getString(9)))
			.list();
	}

	public void markSent(long id, Instant at) {
		this.jdbc.sql("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?")
			.params(at.toString(), id)
			.update();
	}

	/**
	 * Records a try before it is made, for a delivery that can be asked afterwards whether it
	 * happened (the notices folder): a crash during the try then leaves a mail with a try on record.
	 */
	public void markTrying(long id) {
		this.jdbc.sql("UPDATE outbox SET attempts = attempts + 1 WHERE id = ? AND status = 'pending'")
			.param(id)
			.update();
	}

	public void markRetry(long id, Instant next, String error) {
		this.jdbc.sql("UPDATE outbox SET attempts = attempts + 1, next_attempt = ?, last_error = ? WHERE id = ?")
			.params(next.toEpochMilli(), error, id)
			.update();
	}

	/** A permanent refusal (e.g. the recipient does not exist): kept, not retried. */
	public void markFailed(long id, String error) {
		this.jdbc.sql("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?")
			.params(error, id)
			.update();
	}

	/** The sender and raw bytes of the processor's own mail with this Message-ID, if it wrote one. */
	public Optional<Written> written(String messageId) {
		if (messageId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT sender, raw FROM outbox WHERE message_id = ?")
			.param(messageId)
			.query((rs, n) -> new Written(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	/** A mail the processor wrote: its sender and raw bytes. */
	public record Written(String sender, byte[] raw) {

		@Override
		public String toString() {
			return "Written[" + this.raw.length + " bytes]";
		}

	}

	public boolean sentByUs(String messageId) {
		return messageId != null && this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_id = ?")
			.param(messageId)
			.query(Integer.class)
			.single() > 0;
	}

	/** One strict address a line; anything else is refused before it can reach SMTP or a header. */
	static String recipientLines(List<String> recipients) {
		if (recipients.isEmpty() || !recipients.stream().allMatch(EmailAddress::isValid)) {
			throw new IllegalArgumentException("Outbox recipients must be strict addresses");
		}
		return String.join("\n", recipients);
	}

	/**
	 * How many mails of this kind went out at or after {@code since}. Times are stored as ISO
	 * instants, which sort as text to the second; the database keeps to that second, the last
	 * fraction is compared here.
	 */
	public int sentSince(String kind, Instant since) {
		return (int) this.jdbc.sql("SELECT sent_at FROM outbox WHERE kind = ? AND status = 'sent' AND sent_at >= ?")
			.params(kind, secondBefore(since))
			.query(String.class)
			.list()
			.stream()
			.filter((at) -> !Instant.parse(at).isBefore(since))
			.count();
	}

	/** How many mails of this kind wait to be sent. */
	public int pending(String kind) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE kind = ? AND status = 'pending'")
			.param(kind)
			.query(Integer.class)
			.single();
	}

	/** True when a mail of this kind was queued at or after {@code since}. */
	public boolean queuedSince(String kind, Instant since) {
		return this.jdbc.sql("SELECT created_at FROM outbox WHERE kind = ? AND created_at >= ?")
			.params(kind, secondBefore(since))
			.query(String.class)
			.list()
			.stream()
			.anyMatch((at) -> !Instant.parse(at).isBefore(since));
	}

	private static String secondBefore(Instant instant) {
		return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1).toString();
	}

	public long countPending() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE status = 'pending'").query(Long.class).single();
	}

}
