package nl.klachten.outbound;

import java.util.List;
import java.util.Map;

/**
 * A mail to compose: which templates, for whom, about which case, in answer to what.
 *
 * @param purpose the template folder under {@code templates/}, e.g.
 * {@code acknowledgement}
 * @param to the recipients
 * @param reference the case reference, put in the subject, the body and a header; null
 * for none
 * @param inReplyTo the Message-ID of the mail this one follows in its thread (no
 * brackets), or null
 * @param references the thread's Message-IDs, oldest first
 * @param model the values the templates use
 * @param attachments files to attach
 * @param answer whether the mail answers {@code inReplyTo} to its sender
 * ({@code Auto-Submitted:
 * auto-replied}, RFC 3834); a mail only threaded under another, as the chair's
 * notification is under the complaint, is {@code auto-generated}
 */
public record Letter(String purpose, List<String> to, String reference, String inReplyTo, List<String> references,
		Map<String, Object> model, List<File> attachments, boolean answer) {

	public Letter {
		to = List.copyOf(to);
		references = List.copyOf(references);
		model = Map.copyOf(model);
		attachments = List.copyOf(attachments);
	}

	/** A letter that answers {@code inReplyTo} when one is given. */
	public Letter(String purpose, List<String> to, String reference, String inReplyTo, List<String> references,
			Map<String, Object> model, List<File> attachments) {
		this(purpose, to, reference, inReplyTo, references, model, attachments, inReplyTo != null);
	}

	/** A letter that answers {@code inReplyTo} when one is given. */
	public Letter(String purpose, List<String> to, String reference, String inReplyTo, List<String> references,
			Map<String, Object> model) {
		this(purpose, to, reference, inReplyTo, references, model, List.of());
	}

	/** A file sent with a letter. */
	public record File(String name, String contentType, byte[] content) {

		@Override
		public String toString() {
			return "File[" + this.contentType + ", " + this.content.length + " bytes]";
		}

	}

	@Override
	public String toString() {
		return "Letter[" + this.purpose + ", " + this.reference + "]";
	}

}
