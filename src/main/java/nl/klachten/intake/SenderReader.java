package nl.klachten.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.EmailAddress;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;

/**
 * Reads the sender strictly (CONTRACT §5): exactly one {@code From} header holding
 * exactly one mailbox, {@code [display-name] <addr-spec>} or a bare addr-spec, whose
 * address is a strict {@link EmailAddress}; a {@code Sender} header, when present, must
 * name the same address; and a lenient parser must read the same address, so that two
 * parsers never disagree about who wrote the mail. Values are the raw header text: never
 * RFC 2047-decoded before parsing, only the display name is decoded. Anything else gives
 * a sender that is not {@link Sender#strict()}: its addresses, as a lenient parser reads
 * them, joined for the register and the chair to see.
 */
final class SenderReader {

	private SenderReader() {
	}

	/** The sender, or null when no header holds anything like an address. */
	static Sender read(List<String> fromValues, List<String> senderValues) {
		Optional<Sender> strict = fromValues.size() == 1 ? strict(fromValues.get(0)) : Optional.empty();
		if (strict.isPresent() && sameSender(strict.get(), senderValues)) {
			return strict.get();
		}
		List<Mailbox> mailboxes = new ArrayList<>();
		fromValues.forEach((value) -> mailboxes.addAll(lenient(value)));
		mailboxes.removeIf((m) -> !m.getAddress().contains("@"));
		if (mailboxes.isEmpty()) {
			return null;
		}
		List<String> addresses = mailboxes.stream().map(Mailbox::getAddress).toList();
		return new Sender(name(mailboxes.get(0)), String.join(", ", addresses), false);
	}

	/** Every mailbox of an address header (To, Cc), groups opened, read leniently. */
	static List<Mailbox> lenient(String value) {
		List<Mailbox> mailboxes = new ArrayList<>();
		ByteSequence raw = ContentUtil.encode(value);
		AddressList list = LenientAddressParser.DEFAULT.parseAddressList(raw, new ParserCursor(0, raw.length()));
		for (Address address : list) {
			if (address instanceof Mailbox mailbox) {
				mailboxes.add(mailbox);
			}
			else if (address instanceof Group group) {
				mailboxes.addAll(group.getMailboxes());
			}
		}
		return mailboxes;
	}

	static String name(Mailbox mailbox) {
		return mailbox.getName() == null ? "" : EncodedWords.decode(mailbox.getName());
	}

	private static boolean sameSender(Sender from, List<String> senderValues) {
		if (senderValues.isEmpty()) {
			return true;
		}
		return senderValues.size() == 1
				&& strict(senderValues.get(0)).filter((s) -> s.address().equals(from.address())).isPresent();
	}

	/** One mailbox, read strictly; empty when the value is anything else. */
	static Optional<Sender> strict(String value) {
		String text = value.strip();
		if (hasControl(text)) {
			return Optional.empty();
		}
		int open = addressStart(text);
		if (open == -2) {
			return Optional.empty();
		}
		String address;
		if (open < 0) {
			address = withoutComment(text);
		}
		else {
			int close = text.indexOf('>', open);
			if (close < 0 || !"".equals(withoutComment(text.substring(close + 1)))) {
				return Optional.empty();
			}
			address = text.substring(open + 1, close).strip();
		}
		if (address == null || !EmailAddress.isValid(address)) {
			return Optional.empty();
		}
		List<Mailbox> read = lenient(text);
		if (read.size() != 1 || !EmailAddress.fold(read.get(0).getAddress()).equals(EmailAddress.fold(address))) {
			return Optional.empty();
		}
		return Optional.of(new Sender(open < 0 ? "" : name(read.get(0)), address, true));
	}

	/**
	 * Where the angle-bracketed address starts: the first {@code <} outside quotes and
	 * comments; -1 for a bare addr-spec; -2 when the display name holds what only another
	 * mailbox, a group or a broken quote would ({@code , ; : @ >}, an unclosed quote or
	 * comment).
	 */
	private static int addressStart(String text) {
		boolean quoted = false;
		int comment = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
			}
			else if (comment > 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == '(') {
					comment++;
				}
				else if (c == ')') {
					comment--;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '(') {
				comment++;
			}
			else if (c == '<') {
				return i;
			}
			else if (",;:>".indexOf(c) >= 0 || (c == '@' && text.indexOf('<', i) >= 0)) {
				return -2;
			}
		}
		return (quoted || comment > 0) ? -2 : -1;
	}

	/**
	 * The text without one trailing comment, e.g. {@code jan@example.org (Jan)}; null
	 * when broken.
	 */
	private static String withoutComment(String text) {
		String stripped = text.strip();
		if (stripped.endsWith(")")) {
			int open = stripped.indexOf('(');
			if (open < 0 || stripped.indexOf(')') != stripped.length() - 1) {
				return null;
			}
			stripped = stripped.substring(0, open).strip();
		}
		return stripped;
	}

	private static boolean hasControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

}
