package nl.klachten.outbound;

import java.util.List;

import nl.klachten.committee.Ascii;

/**
 * Which outbox mail is a notice for the chair's folder rather than mail to send (CONTRACT
 * §4): when the chair's address is the intake address, a mail whose recipients are only
 * the chair (notifications, confirmations, refusals, the digest, anything else) is placed
 * in the notices folder; sent through SMTP it would only come back into the intake inbox.
 * A mail with any other recipient goes by SMTP, to all of them, as before. Addresses
 * compare in ASCII case only.
 */
final class NoticeRoute {

	private final String chair;

	private final boolean enabled;

	NoticeRoute(String chair, String intake) {
		this.chair = chair == null ? "" : chair.strip();
		this.enabled = intake != null && Ascii.equalsIgnoreCase(this.chair, intake.strip());
	}

	/** True when the chair reads the intake mailbox, so that notices go to its folder. */
	boolean enabled() {
		return this.enabled;
	}

	boolean isNotice(List<String> recipients) {
		return this.enabled && !recipients.isEmpty()
				&& recipients.stream().allMatch((recipient) -> Ascii.equalsIgnoreCase(recipient.strip(), this.chair));
	}

}
