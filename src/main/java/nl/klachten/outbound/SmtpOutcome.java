package nl.klachten.outbound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What the SMTP server did with one mail, per recipient (issue 13): accepted, refused for
 * good (a 5xx reply, kept with the reply), or deferred (a 4xx reply, retried with
 * backoff). A failure that is not a reply at all ({@code connectionLost}) means the
 * server could not be talked to, which holds up every mail behind it, not just this one.
 * Replies are the server's words about addresses an attacker may choose, so each is made
 * one short printable line ({@link #clean}).
 *
 * @param accepted recipients the server accepted the mail for
 * @param refused recipients refused for good, with the server's reply
 * @param deferred recipients to try again
 * @param reason why the deferred ones wait (a reply code or an exception's class name)
 * @param connectionLost true when there was no reply to classify
 */
record SmtpOutcome(List<String> accepted, Map<String, String> refused, List<String> deferred, String reason,
		boolean connectionLost) {

	static final int MAX_REPLY = 200;

	static SmtpOutcome sent(List<String> recipients) {
		return new SmtpOutcome(List.copyOf(recipients), Map.of(), List.of(), null, false);
	}

	static SmtpOutcome of(List<String> recipients, MessagingException failure) {
		if (!(failure instanceof SendFailedException sendFailed)) {
			return new SmtpOutcome(List.of(), Map.of(), List.copyOf(recipients), failure.getClass().getSimpleName(),
					true);
		}
		Replies replies = new Replies(failure, perAddress(failure), keys(sendFailed.getValidSentAddresses()));
		recipients.forEach(replies::classify);
		return replies.outcome();
	}

	/**
	 * The server's reply for each address it did not take, by lower-cased address; the
	 * first one counts.
	 */
	private static Map<String, SMTPAddressFailedException> perAddress(MessagingException failure) {
		Map<String, SMTPAddressFailedException> perAddress = new LinkedHashMap<>();
		Exception next = failure;
		for (int i = 0; next != null && i < 1000; i++) {
			if (next instanceof SMTPAddressFailedException address && address.getAddress() != null) {
				perAddress.putIfAbsent(key(address.getAddress()), address);
			}
			next = next instanceof MessagingException messaging ? messaging.getNextException() : null;
		}
		return perAddress;
	}

	private static boolean permanent(int code) {
		return code >= 500 && code <= 599;
	}

	private static String key(Address address) {
		String text = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
		return text == null ? "" : text.toLowerCase(Locale.ROOT);
	}

	private static List<String> keys(Address[] addresses) {
		List<String> keys = new ArrayList<>();
		if (addresses != null) {
			for (Address address : addresses) {
				keys.add(key(address));
			}
		}
		return keys;
	}

	/**
	 * One printable ASCII line of at most {@value #MAX_REPLY} characters; "(geen
	 * antwoord)" for none.
	 */
	static String clean(String reply) {
		if (reply == null) {
			return "(geen antwoord)";
		}
		StringBuilder line = new StringBuilder();
		reply.codePoints().forEach((c) -> line.append(c >= 0x20 && c < 0x7f ? (char) c : ' '));
		String text = line.toString().replaceAll(" +", " ").strip();
		if (text.length() > MAX_REPLY) {
			text = text.substring(0, MAX_REPLY - 3) + "...";
		}
		return text.isEmpty() ? "(geen antwoord)" : text;
	}

	/** Delivered to at least one recipient in this try. */
	boolean anyAccepted() {
		return !this.accepted.isEmpty();
	}

	/**
	 * Sorts the recipients of a failed send: accepted when the server took the mail for
	 * them, else by the reply for the address, else by the reply for the whole mail.
	 */
	private static final class Replies {

		private final MessagingException failure;

		private final Map<String, SMTPAddressFailedException> perAddress;

		private final List<String> sentTo;

		private final int mailCode;

		private final List<String> accepted = new ArrayList<>();

		private final Map<String, String> refused = new LinkedHashMap<>();

		private final List<String> deferred = new ArrayList<>();

		private String reason;

		Replies(MessagingException failure, Map<String, SMTPAddressFailedException> perAddress, List<String> sentTo) {
			this.failure = failure;
			this.perAddress = perAddress;
			this.sentTo = sentTo;
			this.mailCode = failure instanceof SMTPSendFailedException smtp ? smtp.getReturnCode() : -1;
		}

		void classify(String recipient) {
			String key = recipient.toLowerCase(Locale.ROOT);
			SMTPAddressFailedException address = this.perAddress.get(key);
			if (this.sentTo.contains(key)) {
				this.accepted.add(recipient);
			}
			else if (address != null && permanent(address.getReturnCode())) {
				this.refused.put(recipient, clean(address.getMessage()));
			}
			else if (address != null) {
				this.deferred.add(recipient);
				this.reason = "smtp " + address.getReturnCode();
			}
			else if (permanent(this.mailCode)) {
				this.refused.put(recipient, clean(this.failure.getMessage()));
			}
			else {
				this.deferred.add(recipient);
				// -1: the connection closed before the server answered (Angus reads
				// "[EOF]")
				this.reason = this.mailCode > 0 ? "smtp " + this.mailCode
						: this.mailCode == -1 ? "smtp no reply" : this.failure.getClass().getSimpleName();
			}
		}

		SmtpOutcome outcome() {
			return new SmtpOutcome(List.copyOf(this.accepted), Collections.unmodifiableMap(this.refused),
					List.copyOf(this.deferred), this.reason, false);
		}

	}

}
