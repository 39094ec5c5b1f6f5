package nl.klachten.commands;

import java.util.List;

import nl.klachten.committee.MessageId;

/**
 * A mail from a committee, management or appeals address as the command desk sees it.
 *
 * @param sender the From address, lower case
 * @param messageId its Message-ID, or null
 * @param references In-Reply-To and References ids
 * @param subject the subject, as decoded
 * @param newText the new text: quoted history and signature removed
 * @param authenticationResults every {@code Authentication-Results} header value, raw,
 * top down, each with the number of {@code Received:} headers above it
 */
public record CommandMail(String sender, String messageId, List<String> references, String subject, String newText,
		List<Stamp> authenticationResults) {

	/** The In-Reply-To and References ids, typed for the register. */
	public List<MessageId> referenceIds() {
		return MessageId.valid(this.references);
	}

	/**
	 * An {@code Authentication-Results} value and how many {@code Received:} headers
	 * stand above it.
	 */
	public record Stamp(String value, int receivedAbove) {

		@Override
		public String toString() {
			return "Stamp[" + this.receivedAbove + "]";
		}

	}

	public CommandMail {
		references = List.copyOf(references);
		authenticationResults = List.copyOf(authenticationResults);
	}

	@Override
	public String toString() {
		return "CommandMail[" + this.references.size() + " references]";
	}

}
