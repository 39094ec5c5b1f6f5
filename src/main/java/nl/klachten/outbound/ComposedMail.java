package nl.klachten.outbound;

import java.util.List;

import nl.klachten.committee.MessageId;

/** A rendered mail ready for the outbox: envelope and raw bytes. */
public record ComposedMail(String purpose, MessageId messageId, String sender, List<String> recipients, String subject,
		String text, byte[] raw) {

	@Override
	public String toString() {
		return "ComposedMail[" + this.purpose + "]";
	}

}
