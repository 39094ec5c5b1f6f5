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
 * What the SMTP server did with one mail, per recipient (issue 13): accepted, refused for good (a
 * 5xx reply, kept with the reply), or deferred (a 4xx reply, retried with backoff). A failure that
 * is not a reply at all ({@code connectionLost}) means the server could not be talked to, which
 * holds up every mail behind it, not just this one. Replies are the server's words about addresses
 * an attacker may choose, so each is made one short printable line ({@link #clean}).
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
			return new SmtpOutcome(List.of(), Map.of(), List.copyOf(recipients), failure.getClass().getSimpleName(), true);
		}
		Map<String, SMTPAddressFailedException> perAddress = new LinkedHashMap<>();
		Exception next = failure;
		for (int i = 0; next != null && i < 1000; i++) {
			if (next instanceof SMTPAddressFailedException address && address.getAddress() != null) {
				perAddress.putIfAbsent(key(address.getAddress()), address);
			}
			next = next instanceof MessagingException messaging ? messaging.getNextException() : null;
		}
		List<String> sentTo = keys(sendFailed.getValidSentAddresses());
		int mailCode = failure instanceof SMTPSendFailedException smtp ? smtp.getReturnCode() : -1;
		List<String> accepted = new ArrayList<>();
		Map<String, String> refused = new LinkedHashMap<>();
		List<String> deferred = new ArrayList<>();
		String reason = null;
		for (String recipient : recipients) {
			String key = recipient.toLowerCase(Locale.ROOT);
			SMTPAddressFailedException address = perAddress.get(key);
			if (sentTo.contains(key)) {
				accepted.add(recipient);
			}
			else if (address != null && permanent(address.getReturnCode())) {
				refused.put(recipient, clean(address.getMessage()));
			}
			else if (address != null) {
				deferred.add(recipient);
				reason = "smtp " + address.getReturnCode();
			}
			else if (permanent(mailCode)) {
				refused.put(recipient, clean(failure.getMessage()));
			}
			else {
				deferred.add(recipient);
				// -1: the connection closed before the server answered (Angus reads "[EOF]")
				reason = mailCode > 0 ? "smtp " + mailCode : mailCode == -1 ? "smtp no reply" : failure.getClass().getSimpleName();
			}
		}
		return new SmtpOutcome(List.copyOf(accepted), Collections.unmodifiableMap(refused), List.copyOf(deferred), reason,
				false);
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

	/** One printable ASCII line of at most {@value #MAX_REPLY} characters; "(geen antwoord)" for none. */
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

}
