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

	/**
	 * A rendered mail: envelope and raw RFC 5322 bytes. {@code recipients} are those still to be
	 * tried: after a partial delivery, those accepted or refused for good are left out;
	 * {@code delivered} says some recipient accepted it in an earlier try.
	 */
	public record QueuedMail(long id, Long complaintId, String kind, String messageId, String sender,
			List<String> recipients, byte[] raw, int attempts, String reference, boolean delivered) {

		public QueuedMail(long id, Long complaintId, String kind, String messageId, String sender,
				List<String> recipients, byte[] raw, int attempts, String reference) {
			this(id, complaintId, kind, messageId, sender, recipients, raw, attempts, reference, false);
		}

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

	/**
	 * The mails due now, leaving out those of kind {@code held} (empty: none held): pending ones
	 * whose next try has come, and those left {@code sending} whose lease ran out.
	 */
	public List<QueuedMail> due(Instant now, int limit, String held) {
		return this.jdbc.sql("""
				SELECT o.id, o.complaint_id, o.kind, o.message_id, o.sender, o.recipients, o.raw, o.attempts, c.reference,
				    o.settled, (SELECT group_concat(r.recipient, char(10)) FROM outbox_refusal r WHERE r.outbox_id = o.id)
				FROM outbox o LEFT JOIN complaint c ON c.id = o.complaint_id
				WHERE (o.status = 'pending' AND o.next_attempt <= :now OR o.status = 'sending' AND o.lease_until <= :now)
				  AND o.kind <> :held ORDER BY o.id LIMIT :limit""")
			.param("now", now.toEpochMilli())
			.param("held", held)
			.param("limit", limit)
			.query((rs, n) -> {
				List<String> settled = lines(rs.getString(10));
				List<String> refused = lines(rs.getString(11));
				List<String> open = lines(rs.getString(6)).stream()
					.filter((r) -> settled.stream().noneMatch(r::equalsIgnoreCase))
					.filter((r) -> refused.stream().noneMatch(r::equalsIgnoreCase))
					.toList();
				return new QueuedMail(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3),
						rs.getString(4), rs.getString(5), open, rs.getBytes(7), rs.getInt(8), rs.getString(9),
						!settled.isEmpty());
			})
			.list();
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().filter((r) -> !r.isEmpty()).toList();
	}

	/**
	 * Marks the mails {@code sending} until {@code until}, in one statement of its own, before they
	 * are handed to SMTP: a process killed during the hand-over leaves them so, and they are
	 * released at the next start ({@link #releaseLeases()}).
	 */
	public void lease(List<Long> ids, Instant until) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("UPDATE outbox SET status = 'sending', lease_until = :until WHERE id IN (:ids)"
				+ " AND status IN ('pending', 'sending')")
			.param("until", until.toEpochMilli())
			.param("ids", ids)
			.update();
	}

	/** Mails left {@code sending} (by a killed process, single instance) are pending again; how many. */
	public int releaseLeases() {
		return this.jdbc.sql("UPDATE outbox SET status = 'pending', lease_until = NULL WHERE status = 'sending'")
			.update();
	}

	/** Mails not tried after all (the batch stopped) are pending again, due at once. */
	public void release(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("UPDATE outbox SET status = 'pending', lease_until = NULL WHERE id IN (:ids) AND status = 'sending'")
			.param("ids", ids)
			.update();
	}

	/**
	 * The mails wait for the SMTP server's next try, all together, none counted as tried
	 * ({@code tried} false) or each counted ({@code tried} true), so they go in the order they were
	 * queued when it answers again.
	 */
	public void holdUntil(List<Long> ids, Instant next, String error, boolean tried) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("UPDATE outbox SET status = 'pending', lease_until = NULL, next_attempt = :next,"
				+ " attempts = attempts + :tried, last_error = coalesce(:error, last_error)"
				+ " WHERE id IN (:ids) AND status IN ('pending', 'sending')")
			.param("next", next.toEpochMilli())
			.param("tried", tried ? 1 : 0)
			.param("error", error)
			.param("ids", ids)
			.update();
	}

	/** Recipients done with in a partial delivery (accepted): left out of the next try. */
	public void settle(long id, List<String> accepted) {
		if (accepted.isEmpty()) {
			return;
		}
		this.jdbc.sql("UPDATE outbox SET settled = coalesce(settled || char(10), '') || ? WHERE id = ?")
			.params(String.join("\n", accepted), id)
			.update();
	}

	/**
	 * A recipient refused for good, with the server's reply (one printable line, already cleaned);
	 * false when that refusal was on record already.
	 */
	public boolean refuse(long id, String recipient, String reply, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO outbox_refusal (outbox_id, recipient, reply, at)
				SELECT :id, :recipient, :reply, :at
				WHERE NOT EXISTS (SELECT 1 FROM outbox_refusal WHERE outbox_id = :id AND lower(recipient) = lower(:recipient))""")
			.param("id", id)
			.param("recipient", recipient)
			.param("reply", reply)
			.param("at", at.toString())
			.update() > 0;
	}

	/** The mail's status now ({@code pending}, {@code sending}, {@code sent}, {@code failed}, ...). */
	public String status(long id) {
		return this.jdbc.sql("SELECT status FROM outbox WHERE id = ?").param(id).query(String.class).single();
	}

	/**
	 * Marks the mail sent; a second call changes nothing (a commit the driver reported failed may
	 * have been made, and the sender then records again).
	 */
	public void markSent(long id, Instant at) {
		this.jdbc.sql("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, lease_until = NULL"
				+ " WHERE id = ? AND status IN ('pending', 'sending')")
			.params(at.toString(), id)
			.update();
	}

	/**
	 * Records a try before it is made, for a delivery that can be asked afterwards whether it
	 * happened (the notices folder): a crash during the try then leaves a mail with a try on record.
	 */
	public void markTrying(long id) {
		this.jdbc.sql("UPDATE outbox SET attempts = attempts + 1 WHERE id = ? AND status IN ('pending', 'sending')")
			.param(id)
			.update();
	}

	public void markRetry(long id, Instant next, String error) {
		this.jdbc.sql("UPDATE outbox SET status = 'pending', lease_until = NULL, attempts = attempts + 1,"
				+ " next_attempt = ?, last_error = ? WHERE id = ? AND status IN ('pending', 'sending')")
			.params(next.toEpochMilli(), error, id)
			.update();
	}

	/** A permanent refusal (e.g. the recipient does not exist): kept, not retried. */
	public void markFailed(long id, String error) {
		this.jdbc.sql("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, lease_until = NULL"
				+ " WHERE id = ? AND status IN ('pending', 'sending')")
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
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE kind = ? AND status IN ('pending', 'sending')")
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
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')").query(Long.class).single();
	}

}
