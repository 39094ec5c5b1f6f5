package nl.klachten.register;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All mail of a case, in and out, in order (R19), and the threading look-up by
 * Message-ID.
 */
@Repository
public class Correspondence {

	private final JdbcClient jdbc;

	Correspondence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One letter of a case. {@code inboundMailId} or {@code outboxId} points at its raw
	 * bytes.
	 */
	public record Letter(long complaintId, Direction direction, OffsetDateTime at, String sender, String recipients,
			String subject, MessageId messageId, String kind, String body, String newText, Long inboundMailId,
			Long outboxId) {

		@Override
		public String toString() {
			return "Letter[" + this.direction + ", " + this.kind + "]";
		}

	}

	/** A file kept with a letter. */
	public record StoredAttachment(String fileName, String contentType, DataFiles.Stored file) {

		@Override
		public String toString() {
			return "StoredAttachment[" + this.file.size() + " bytes]";
		}

	}

	public enum Direction {

		IN, OUT;

		public String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public long add(Letter letter, List<StoredAttachment> attachments) {
		long id = insert(letter);
		for (StoredAttachment attachment : attachments) {
			attach(id, attachment);
		}
		return id;
	}

	private long insert(Letter letter) {
		return this.jdbc.sql("""
				INSERT INTO correspondence (complaint_id, direction, at, sender, recipients, subject, message_id, kind,
				    body, new_text, inbound_mail_id, outbox_id)
				VALUES (:complaintId, :direction, :at, :sender, :recipients, :subject, :messageId, :kind, :body,
				    :newText, :inboundMailId, :outboxId)
				RETURNING id""")
			.param("complaintId", letter.complaintId())
			.param("direction", letter.direction().column())
			.param("at", Timestamps.write(letter.at().toInstant()))
			.param("sender", letter.sender())
			.param("recipients", letter.recipients())
			.param("subject", letter.subject())
			.param("messageId", StoredMessageIds.text(letter.messageId()))
			.param("kind", letter.kind())
			.param("body", letter.body())
			.param("newText", letter.newText())
			.param("inboundMailId", letter.inboundMailId())
			.param("outboxId", letter.outboxId())
			.query(Long.class)
			.single();
	}

	private void attach(long correspondenceId, StoredAttachment attachment) {
		this.jdbc.sql("""
				INSERT INTO attachment (correspondence_id, file_name, content_type, size, sha256, path)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(correspondenceId, attachment.fileName(), attachment.contentType(), attachment.file().size(),
					attachment.file().sha256(), attachment.file().path())
			.update();
	}

	/** When the letters of this kind on the case were written, oldest first. */
	public List<java.time.Instant> times(long complaintId, String kind) {
		return this.jdbc.sql("SELECT at FROM correspondence WHERE complaint_id = ? AND kind = ? ORDER BY id")
			.params(complaintId, kind)
			.query((rs, n) -> Timestamps.read(rs.getString(1)))
			.list();
	}

	/**
	 * Incoming letters on the case since the last letter of {@code kind} (all of them
	 * when there was none).
	 */
	public int incomingSinceLast(long complaintId, String kind) {
		return this.jdbc.sql("""
				SELECT count(*) FROM correspondence WHERE complaint_id = :id AND direction = 'in'
				AND id > coalesce((SELECT max(id) FROM correspondence WHERE complaint_id = :id AND kind = :kind), 0)""")
			.param("id", complaintId)
			.param("kind", kind)
			.query(Integer.class)
			.single();
	}

	/**
	 * The case that sent or received any of these Message-IDs, most recent letter first.
	 */
	public Optional<Long> caseOf(List<MessageId> messageIds) {
		for (MessageId messageId : messageIds) {
			Optional<Long> found = this.jdbc
				.sql("SELECT complaint_id FROM correspondence WHERE message_id = ? ORDER BY id DESC LIMIT 1")
				.param(StoredMessageIds.text(messageId))
				.query(Long.class)
				.optional();
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

}
