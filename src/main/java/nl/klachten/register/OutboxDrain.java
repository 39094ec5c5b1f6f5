package nl.klachten.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.klachten.register.QueuedMail;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sender's side of the outbox: the rows due, their hand-over to SMTP and the outcome
 * of each try. A row is leased ({@code sending}) in a statement of its own before it is
 * tried, and released or held when the try does not happen, so a process killed
 * mid-hand-over leaves rows that the next start makes pending again. {@code lease_until}
 * and {@code next_attempt} are epoch milliseconds, the columns SQL compares.
 */
@Component
class OutboxDrain {

	private final JdbcClient jdbc;

	private final Instances instances;

	OutboxDrain(JdbcClient jdbc, Instances instances) {
		this.jdbc = jdbc;
		this.instances = instances;
	}

	List<QueuedMail> due(Instant now, int limit, String held, List<Long> leftOut) {
		return this.jdbc
			.sql("""
					SELECT o.id, o.complaint_id, o.kind, o.message_id, o.sender, o.recipients, o.raw, o.attempts, c.reference,
					    o.settled, (SELECT string_agg(r.recipient, '\n') FROM outbox_refusal r WHERE r.outbox_id = o.id)
					FROM outbox o LEFT JOIN complaint c ON c.id = o.complaint_id
					WHERE (o.status = 'pending' AND o.next_attempt <= :now OR o.status = 'sending' AND o.lease_until <= :now)
					  AND o.kind <> :held AND o.id NOT IN (:out) ORDER BY o.id LIMIT :limit""")
			.param("now", now.toEpochMilli())
			.param("held", held)
			.param("out", leftOut)
			.param("limit", limit)
			.query((rs, n) -> queued(rs))
			.list();
	}

	/**
	 * A row of {@link #due}: the recipients still open are those neither settled nor
	 * refused.
	 */
	private static QueuedMail queued(ResultSet rs) throws SQLException {
		List<String> settled = lines(rs.getString(10));
		List<String> refused = lines(rs.getString(11));
		List<String> open = lines(rs.getString(6)).stream()
			.filter((r) -> settled.stream().noneMatch(r::equalsIgnoreCase))
			.filter((r) -> refused.stream().noneMatch(r::equalsIgnoreCase))
			.toList();
		return new QueuedMail(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3),
				MessageId.stored(rs.getString(4)), rs.getString(5), open, rs.getBytes(7), rs.getInt(8), rs.getString(9),
				!settled.isEmpty());
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().filter((r) -> !r.isEmpty()).toList();
	}

	/**
	 * Leases those of the rows that are still due at {@code now}, in one statement, and
	 * returns them: a row another process leased since it was read is not returned, so
	 * two senders never both send it.
	 */
	List<Long> lease(List<Long> ids, Instant now, Instant until) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("UPDATE outbox SET status = 'sending', lease_until = :until, lease_owner = :owner WHERE id IN (:ids)"
					+ " AND (status = 'pending' AND next_attempt <= :now OR status = 'sending' AND lease_until <= :now)"
					+ " RETURNING id")
			.param("until", until.toEpochMilli())
			.param("owner", this.instances.id())
			.param("ids", ids)
			.param("now", now.toEpochMilli())
			.query(Long.class)
			.list();
	}

	/**
	 * The leases of stopped processes released: each owner of a lease is asked about
	 * once, a lease without an owner counts as a stopped one's.
	 */
	int releaseLeases() {
		List<Optional<String>> stopped = this.jdbc
			.sql("SELECT DISTINCT lease_owner FROM outbox WHERE status = 'sending'")
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.list()
			.stream()
			.filter((owner) -> this.instances.stopped(owner.orElse(null)))
			.toList();
		if (stopped.isEmpty()) {
			return 0;
		}
		List<String> named = stopped.stream().flatMap(Optional::stream).toList();
		return this.jdbc
			.sql("UPDATE outbox SET status = 'pending', lease_until = NULL, lease_owner = NULL WHERE status = 'sending'"
					+ " AND (lease_owner IS NULL AND :unowned = 1 OR lease_owner IN (:owners))")
			.param("unowned", stopped.contains(Optional.<String>empty()) ? 1 : 0)
			.param("owners", named.isEmpty() ? List.of("") : named)
			.update();
	}

	void release(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("UPDATE outbox SET status = 'pending', lease_until = NULL WHERE id IN (:ids) AND status = 'sending'")
			.param("ids", ids)
			.update();
	}

	void holdUntil(List<Long> ids, Instant next, String error, boolean tried) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("UPDATE outbox SET status = 'pending', lease_until = NULL, next_attempt = :next,"
					+ " attempts = attempts + :tried, last_error = coalesce(:error, last_error)"
					+ " WHERE id IN (:ids) AND status IN ('pending', 'sending')")
			.param("next", next.toEpochMilli())
			.param("tried", tried ? 1 : 0)
			.param("error", error)
			.param("ids", ids)
			.update();
	}

	void settle(long id, List<String> accepted) {
		if (accepted.isEmpty()) {
			return;
		}
		this.jdbc.sql("UPDATE outbox SET settled = coalesce(settled || '\n', '') || ? WHERE id = ?")
			.params(String.join("\n", accepted), id)
			.update();
	}

	boolean refuse(long id, String recipient, String reply, Instant at) {
		return this.jdbc
			.sql("""
					INSERT INTO outbox_refusal (outbox_id, recipient, reply, at)
					SELECT :id, :recipient, :reply, :at
					WHERE NOT EXISTS (SELECT 1 FROM outbox_refusal WHERE outbox_id = :id AND lower(recipient) = lower(:recipient))""")
			.param("id", id)
			.param("recipient", recipient)
			.param("reply", reply)
			.param("at", Timestamps.write(at))
			.update() > 0;
	}

	void markSent(long id, Instant at) {
		this.jdbc
			.sql("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, lease_until = NULL"
					+ " WHERE id = ? AND status IN ('pending', 'sending')")
			.params(Timestamps.write(at), id)
			.update();
	}

	void markTrying(long id) {
		this.jdbc.sql("UPDATE outbox SET attempts = attempts + 1 WHERE id = ? AND status IN ('pending', 'sending')")
			.param(id)
			.update();
	}

	void markRetry(long id, Instant next, String error) {
		this.jdbc
			.sql("UPDATE outbox SET status = 'pending', lease_until = NULL, attempts = attempts + 1,"
					+ " next_attempt = ?, last_error = ? WHERE id = ? AND status IN ('pending', 'sending')")
			.params(next.toEpochMilli(), error, id)
			.update();
	}

	void markFailed(long id, String error) {
		this.jdbc
			.sql("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, lease_until = NULL"
					+ " WHERE id = ? AND status IN ('pending', 'sending')")
			.params(error, id)
			.update();
	}

}
