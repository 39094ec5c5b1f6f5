package nl.klachten.register;

import java.util.List;

import nl.klachten.committee.MessageId;

/**
 * A rendered mail: envelope and raw RFC 5322 bytes. {@code recipients} are those still to
 * be tried: after a partial delivery, those accepted or refused for good are left out;
 * {@code delivered} says some recipient accepted it in an earlier try.
 */
public record QueuedMail(long id, Long complaintId, String kind, MessageId messageId, String sender,
		List<String> recipients, byte[] raw, int attempts, String reference, boolean delivered) {

	public QueuedMail(long id, Long complaintId, String kind, MessageId messageId, String sender,
			List<String> recipients, byte[] raw, int attempts, String reference) {
		this(id, complaintId, kind, messageId, sender, recipients, raw, attempts, reference, false);
	}

	@Override
	public String toString() {
		return "QueuedMail[" + this.id + ", " + this.kind + "]";
	}

}
