package nl.klachten.register;

import nl.klachten.committee.EmailAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mail to send, written in the same transaction as the register change it reports, so
 * that a crash or an SMTP outage can delay a mail but never lose it. The sender drains
 * it. Recipients are strict {@link EmailAddress}es, one a line: an address can never hold
 * a line break, so the list reads back exactly as written and is compared whole (issue
 * 9), never split on commas.
 */
@Repository
public class Outbox {

	private final JdbcClient jdbc;

	private final OutboxDrain drain;

	private final OutboxQueries queries;

	Outbox(JdbcClient jdbc, OutboxDrain drain, OutboxQueries queries) {
		this.jdbc = jdbc;
		this.drain = drain;
		this.queries = queries;
	}

	public long add(Long complaintId, String kind, MessageId messageId, String sender, List<String> recipients,
			byte[] raw, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO outbox (complaint_id, kind, message_id, sender, recipients, raw, created_at, next_attempt)
				VALUES (:complaintId, :kind, :messageId, :sender, :recipients, :raw, :createdAt, :next)
				RETURNING id""")
			.param("complaintId", complaintId)
			.param("kind", kind)
			.param("messageId", StoredMessageIds.text(messageId))
			.param("sender", sender)
			.param("recipients", recipientLines(recipients))
			.param("raw", raw)
			.param("createdAt", Timestamps.write(now))
			.param("next", now.toEpochMilli())
			.query(Long.class)
			.single();
	}

	public List<QueuedMail> due(Instant now, int limit) {
		return due(now, limit, "", List.of());
	}

	/**
	 * The mails due now, leaving out those of kind {@code held} (empty: none held) and
	 * the ids {@code leftOut} (a sender's mails in hand): pending ones whose next try has
	 * come, and those left {@code sending} whose lease ran out.
	 */
	public List<QueuedMail> due(Instant now, int limit, String held, Collection<Long> leftOut) {
		return this.drain.due(now, limit, held, leftOut.isEmpty() ? List.of(-1L) : List.copyOf(leftOut));
	}

	/**
	 * Marks those mails still due at {@code now} {@code sending} until {@code until}, in
	 * one statement, before they go to SMTP; only the ids returned may be sent. A process
	 * killed during the hand-over leaves them so ({@link #releaseLeases()}).
	 */
	public List<Long> lease(List<Long> ids, Instant now, Instant until) {
		return this.drain.lease(ids, now, until);
	}

	/** Mails left {@code sending} by a stopped process are pending again; how many. */
	public int releaseLeases() {
		return this.drain.releaseLeases();
	}

	/** Mails not tried after all (the batch stopped) are pending again, due at once. */
	public void release(List<Long> ids) {
		this.drain.release(ids);
	}

	/**
	 * The mails wait for the SMTP server's next try, all together, none counted as tried
	 * ({@code tried} false) or each counted ({@code tried} true), so they go in the order
	 * they were queued when it answers again.
	 */
	public void holdUntil(List<Long> ids, Instant next, String error, boolean tried) {
		this.drain.holdUntil(ids, next, error, tried);
	}

	/**
	 * Recipients done with in a partial delivery (accepted): left out of the next try.
	 */
	public void settle(long id, List<String> accepted) {
		this.drain.settle(id, accepted);
	}

	/**
	 * A recipient refused for good, with the server's reply (one printable line, already
	 * cleaned); false when that refusal was on record already.
	 */
	public boolean refuse(long id, String recipient, String reply, Instant at) {
		return this.drain.refuse(id, recipient, reply, at);
	}

	/**
	 * The mail's status now ({@code pending}, {@code sending}, {@code sent},
	 * {@code failed}, ...).
	 */
	public String status(long id) {
		return this.queries.status(id);
	}

	/**
	 * Marks the mail sent; a second call changes nothing (a commit the driver reported
	 * failed may have been made, and the sender then records again).
	 */
	public void markSent(long id, Instant at) {
		this.drain.markSent(id, at);
	}

	/**
	 * Records a try before it is made, for a delivery that can be asked afterwards
	 * whether it happened (the notices folder): a crash during the try then leaves a mail
	 * with a try on record.
	 */
	public void markTrying(long id) {
		this.drain.markTrying(id);
	}

	public void markRetry(long id, Instant next, String error) {
		this.drain.markRetry(id, next, error);
	}

	/** A permanent refusal (e.g. the recipient does not exist): kept, not retried. */
	public void markFailed(long id, String error) {
		this.drain.markFailed(id, error);
	}

	/**
	 * The sender and raw bytes of the processor's own mail with this Message-ID, if it
	 * wrote one.
	 */
	public Optional<Written> written(MessageId messageId) {
		return this.queries.written(messageId);
	}

	/** A mail the processor wrote: its sender and raw bytes. */
	public record Written(String sender, byte[] raw) {

		@Override
		public String toString() {
			return "Written[" + this.raw.length + " bytes]";
		}

	}

	public boolean sentByUs(MessageId messageId) {
		return this.queries.sentByUs(messageId);
	}

	/**
	 * One strict address a line; anything else is refused before it can reach SMTP or a
	 * header.
	 */
	static String recipientLines(List<String> recipients) {
		if (recipients.isEmpty() || !recipients.stream().allMatch(EmailAddress::isValid)) {
			throw new IllegalArgumentException("Outbox recipients must be strict addresses");
		}
		return String.join("\n", recipients);
	}

	/** How many mails of this kind went out at or after {@code since}. */
	public int sentSince(String kind, Instant since) {
		return this.queries.sentSince(kind, since);
	}

	/** How many mails of this kind wait to be sent. */
	public int pending(String kind) {
		return this.queries.pending(kind);
	}

	/** True when a mail of this kind was queued at or after {@code since}. */
	public boolean queuedSince(String kind, Instant since) {
		return this.queries.queuedSince(kind, since);
	}

	public long countPending() {
		return this.queries.countPending();
	}

}
