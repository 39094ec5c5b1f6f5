package nl.klachten.register;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.Ascii;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The processor's own mail as proof of who is writing (CONTRACT §5): a reply that names,
 * in {@code In-Reply-To}/{@code References}, a message the processor sent to exactly that
 * address about a case comes from someone who can read that mailbox, because our
 * Message-IDs are random. The proof is bound to the case of that message and expires:
 * mail sent before {@code notBefore} proves nothing.
 */
@Repository
public class SentMail {

	private final JdbcClient jdbc;

	SentMail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The case of the first of these Message-IDs (In-Reply-To first) that the processor
	 * sent to {@code address} about a case since {@code notBefore}; empty when none did.
	 */
	public Optional<Long> caseAnswered(List<MessageId> messageIds, String address, Instant notBefore) {
		for (MessageId messageId : messageIds) {
			Optional<Long> found = this.jdbc.sql("""
					SELECT complaint_id, recipients, created_at FROM outbox
					WHERE message_id = ? AND complaint_id IS NOT NULL""")
				.param(StoredMessageIds.text(messageId))
				.query((rs,
						n) -> sentTo(rs.getString(2), address) && !Timestamps.read(rs.getString(3)).isBefore(notBefore)
								? rs.getLong(1) : null)
				.list()
				.stream()
				.filter(java.util.Objects::nonNull)
				.findFirst();
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/**
	 * The cases listed by the mails among these Message-IDs that the processor sent to
	 * {@code address} about no single case (the digest) since {@code notBefore}.
	 */
	public java.util.Set<Long> casesListed(List<MessageId> messageIds, String address, Instant notBefore) {
		java.util.Set<Long> listed = new java.util.LinkedHashSet<>();
		for (MessageId messageId : messageIds) {
			boolean ours = this.jdbc.sql("""
					SELECT recipients, created_at FROM outbox WHERE message_id = ? AND complaint_id IS NULL""")
				.param(StoredMessageIds.text(messageId))
				.query((rs, n) -> sentTo(rs.getString(1), address)
						&& !Timestamps.read(rs.getString(2)).isBefore(notBefore))
				.list()
				.contains(true);
			if (ours) {
				listed.addAll(this.jdbc.sql("SELECT complaint_id FROM listed_case WHERE message_id = ?")
					.param(StoredMessageIds.text(messageId))
					.query(Long.class)
					.list());
			}
		}
		return listed;
	}

	/** Records that the mail {@code messageId} listed these cases (by reference). */
	public void listed(MessageId messageId, List<String> references) {
		for (String reference : new java.util.LinkedHashSet<>(references)) {
			this.jdbc.sql("""
					INSERT INTO listed_case (message_id, complaint_id)
					SELECT ?, id FROM complaint WHERE reference = ? ON CONFLICT DO NOTHING""")
				.params(StoredMessageIds.text(messageId), reference)
				.update();
		}
	}

	/**
	 * True when one of these Message-IDs is a mail sent to {@code address} about case
	 * {@code complaintId}.
	 */
	public boolean answers(List<MessageId> messageIds, String address, long complaintId, Instant notBefore) {
		return messageIds.stream()
			.anyMatch(
					(id) -> caseAnswered(List.of(id), address, notBefore).filter((c) -> c == complaintId).isPresent());
	}

	/**
	 * One of the recipients (one strict address a line) is the address, folded in ASCII
	 * only (no Kelvin sign K).
	 */
	private static boolean sentTo(String recipients, String address) {
		return address != null && Arrays.stream(recipients.split("\n"))
			.map(String::strip)
			.anyMatch((recipient) -> Ascii.equalsIgnoreCase(recipient, address));
	}

}
