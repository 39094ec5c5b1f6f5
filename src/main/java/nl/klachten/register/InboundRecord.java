package nl.klachten.register;

import java.time.OffsetDateTime;

/**
 * One mail read from the inbox and what became of it (CONTRACT §4: a case, ignored or
 * quarantined), with the stored raw bytes.
 */
public record InboundRecord(String dedupeKey, String messageId, DataFiles.Stored raw, OffsetDateTime receivedAt,
		OffsetDateTime readAt, String sender, String subject, Outcome outcome, String reason, Long complaintId) {

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
