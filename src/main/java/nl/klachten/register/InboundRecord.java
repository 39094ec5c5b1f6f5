package nl.klachten.register;

import java.time.OffsetDateTime;

import nl.klachten.committee.MessageId;

/**
 * One mail read from the inbox and what became of it (CONTRACT §4: a case, ignored or
 * quarantined), with the stored raw bytes and the digest that tells it from another mail
 * with the same Message-ID (null when the mail could not be parsed).
 */
public record InboundRecord(String dedupeKey, MessageId messageId, DataFiles.Stored raw, OffsetDateTime receivedAt,
		OffsetDateTime readAt, String sender, String subject, Outcome outcome, String reason, Long complaintId,
		String contentDigest) {

	/**
	 * A mail read earlier under some Message-ID: its key, its content digest (null for a
	 * mail read before digests were kept), its sender, what became of it and the
	 * reference of its case (or null).
	 */
	public record Seen(String dedupeKey, String contentDigest, String sender, Outcome outcome, String reference) {

		@Override
		public String toString() {
			return "Seen[" + this.outcome + ", " + this.reference + "]";
		}

	}

	public enum Outcome {

		CASE, IGNORED, QUARANTINED;

		public String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	@Override
	public String toString() {
		return "InboundRecord[" + this.outcome + ", " + this.reason + "]";
	}

}
