package nl.klachten.register;

import java.time.Instant;
import java.util.Optional;

import nl.klachten.register.Outbox.Written;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the outbox holds, looked up and counted: a mail's status, the processor's own mail
 * by its Message-ID (intake recognises it when read back), and counts for the
 * acknowledgement ceiling (how many went out in the last hour), the report and the
 * shutdown log. Nothing here changes a row.
 */
@Component
class OutboxQueries {

	private final JdbcClient jdbc;

	OutboxQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stored times have one fixed width ({@link Timestamps}), so SQL compares them as
	 * they are.
	 */
	int sentSince(String kind, Instant since) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE kind = ? AND status = 'sent' AND sent_at >= ?")
			.params(kind, Timestamps.write(since))
			.query(Integer.class)
			.single();
	}

	int pending(String kind) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE kind = ? AND status IN ('pending', 'sending')")
			.param(kind)
			.query(Integer.class)
			.single();
	}

	boolean queuedSince(String kind, Instant since) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE kind = ? AND created_at >= ?")
			.params(kind, Timestamps.write(since))
			.query(Integer.class)
			.single() > 0;
	}

	long countPending() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')")
			.query(Long.class)
			.single();
	}

	String status(long id) {
		return this.jdbc.sql("SELECT status FROM outbox WHERE id = ?").param(id).query(String.class).single();
	}

	Optional<Written> written(MessageId messageId) {
		if (messageId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT sender, raw FROM outbox WHERE message_id = ?")
			.param(messageId.value())
			.query((rs, n) -> new Written(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	boolean sentByUs(MessageId messageId) {
		return messageId != null && this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_id = ?")
			.param(messageId.value())
			.query(Integer.class)
			.single() > 0;
	}

}
