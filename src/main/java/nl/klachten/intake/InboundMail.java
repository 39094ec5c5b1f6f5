package nl.klachten.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.MessageId;

/**
 * A mail as the rules see it: decoded, framework-free. Built by {@link MimeParser} from
 * the raw bytes, which the caller keeps beside it.
 *
 * @param messageId the Message-ID without angle brackets, or null when the mail has none
 * @param references In-Reply-To and References ids, without brackets, In-Reply-To first
 * @param from the sender (see {@link Sender#strict()}), or null when no From holds an
 * address
 * @param returnPath the Return-Path address; "" for the null path {@code <>}; null when
 * absent
 * @param to the To and Cc addresses
 * @param subject the decoded subject, "" when missing
 * @param sentAt the Date header, or null when missing or unreadable
 * @param mimeType the top-level content type, lower case, e.g. {@code multipart/report}
 * @param text the body as readable text (text/plain preferred, else HTML turned into
 * text)
 * @param htmlOnly true when the text came from HTML because there was no text/plain part
 * @param attachments the files the mail carries
 * @param headers every header field, unfolded; only unstructured ones decoded
 */
public record InboundMail(String messageId, List<String> references, Sender from, String returnPath, List<String> to,
		String subject, Instant sentAt, String mimeType, String text, boolean htmlOnly, List<Attachment> attachments,
		MailHeaders headers) {

	public InboundMail {
		references = List.copyOf(references);
		to = List.copyOf(to);
		attachments = List.copyOf(attachments);
	}

	/** The Message-ID, typed for the register; null when the mail has none. */
	public MessageId id() {
		return MessageId.parse(this.messageId).orElse(null);
	}

	/** The In-Reply-To and References ids, typed for the register. */
	public List<MessageId> referenceIds() {
		return MessageId.valid(this.references);
	}

	public Optional<String> optionalMessageId() {
		return Optional.ofNullable(this.messageId);
	}

	/**
	 * The sender's address as the mail gives it (strict or not), "" when there is none:
	 * for the register only.
	 */
	public String senderAddress() {
		return this.from == null ? "" : this.from.address();
	}

	/**
	 * The sender's address only when it was read strictly (CONTRACT §5): the one address
	 * that may be answered, be a committee, management or appeals address, or join a
	 * case.
	 */
	public Optional<String> strictSender() {
		return this.from != null && this.from.strict() ? Optional.of(this.from.address()) : Optional.empty();
	}

	@Override
	public String toString() {
		return "InboundMail[" + this.mimeType + ", " + this.attachments.size() + " attachments]";
	}

}
