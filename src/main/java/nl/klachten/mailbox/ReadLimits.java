package nl.klachten.mailbox;

import java.time.Duration;

/**
 * How much one read of the inbox takes: mails per batch, the size above which a mail is
 * spooled (and quarantined by intake) rather than held in memory, the bytes of one batch
 * (at least one mail is always read), and how often the inbox is checked without a
 * signal. Given by intake's settings ({@code complaints.intake.*}), so that the mailbox
 * never depends on intake.
 */
public record ReadLimits(int batchSize, long maxMessageBytes, long batchBytes, Duration pollInterval) {
}
