package nl.klachten.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Changes a complainant asked for without proof that the mail is theirs (CONTRACT §5),
 * waiting until they answer our request to confirm. A newer request for the same action
 * replaces the older one, so only the last text counts.
 */
@Repository
public class ConfirmationRequests {

	private final JdbcClient jdbc;

	ConfirmationRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public enum Action {

		APPEAL, WITHDRAW, DETAILS;

		String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A waiting change. */
	public record Pending(long id, long complaintId, Action action, String text) {

		@Override
		public String toString() {
			return "Pending[" + this.id + ", " + this.action + "]";
		}

	}

	public void request(long complaintId, MessageId messageId, Action action, String text, Instant at) {
		this.jdbc.sql("""
				DELETE FROM confirmation_request
				WHERE complaint_id = ? AND action = ? AND confirmed_at IS NULL""")
			.params(complaintId, action.column())
			.update();
		this.jdbc.sql("""
				INSERT INTO confirmation_request (complaint_id, message_id, action, text, requested_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(complaintId, StoredMessageIds.text(messageId), action.column(), text, Timestamps.write(at))
			.update();
	}

	/**
	 * The waiting change that one of these Message-IDs asked to confirm, on this case.
	 */
	public Optional<Pending> answeredBy(List<MessageId> messageIds, long complaintId) {
		for (MessageId messageId : messageIds) {
			Optional<Pending> found = this.jdbc.sql("""
					SELECT id, complaint_id, action, text FROM confirmation_request
					WHERE message_id = ? AND complaint_id = ? AND confirmed_at IS NULL""")
				.params(StoredMessageIds.text(messageId), complaintId)
				.query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2),
						Action.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)), rs.getString(4)))
				.optional();
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	public void confirmed(long id, Instant at) {
		this.jdbc.sql("UPDATE confirmation_request SET confirmed_at = ? WHERE id = ?")
			.params(Timestamps.write(at), id)
			.update();
	}

}
