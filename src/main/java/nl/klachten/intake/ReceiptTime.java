package nl.klachten.intake;

import java.time.Instant;

import nl.klachten.mailbox.FetchedMail;

/**
 * The submission time of a mail is the time the mail server received it (R6), but never
 * later than the processor's clock: a server whose clock runs ahead (or gave no date)
 * cannot move a submission into the future.
 */
final class ReceiptTime {

	private ReceiptTime() {
	}

	static FetchedMail clamp(FetchedMail fetched, Instant now) {
		if (fetched.receivedAt() != null && !fetched.receivedAt().isAfter(now)) {
			return fetched;
		}
		return new FetchedMail(fetched.uid(), now, fetched.size(), fetched.raw(), fetched.spool(),
				fetched.bodyMissing());
	}

}
