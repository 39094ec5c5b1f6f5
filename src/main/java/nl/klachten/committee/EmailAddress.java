package nl.klachten.committee;

import java.util.Optional;

/**
 * An address as the processor trusts it (CONTRACT §5): a bare RFC 5321 addr-spec of a
 * dot-atom local part and a host name, printable ASCII only, no quoted local part, no
 * encoded-word, no comma, no space or control character, no empty or trailing label. Such
 * an address is one recipient and never more, so it can be stored in a list and compared
 * exactly. Case is folded in ASCII only, so a look-alike such as the Kelvin sign (U+212A)
 * never becomes a {@code k}.
 */
public record EmailAddress(String value) {

	private static final int MAX_LOCAL = 64;

	private static final int MAX_LENGTH = 254;

	private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

	public EmailAddress {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a strict address");
		}
		value = fold(value);
	}

	/**
	 * The address when the whole text is one strict addr-spec, folded to ASCII lower
	 * case.
	 */
	public static Optional<EmailAddress> parse(String text) {
		return isValid(text) ? Optional.of(new EmailAddress(text)) : Optional.empty();
	}

	public static boolean isValid(String text) {
		if (text == null || text.length() > MAX_LENGTH || text.contains("=?")) {
			return false;
		}
		int at = text.indexOf('@');
		if (at < 1 || at != text.lastIndexOf('@') || at > MAX_LOCAL) {
			return false;
		}
		return isDotAtom(text.substring(0, at)) && isHostName(text.substring(at + 1));
	}

	/** Lower case for A-Z only; every other character stays as it is. */
	public static String fold(String text) {
		return Ascii.lower(text);
	}

	public String domain() {
		return this.value.substring(this.value.indexOf('@') + 1);
	}

	private static boolean isDotAtom(String local) {
		if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
			return false;
		}
		for (int i = 0; i < local.length(); i++) {
			char c = local.charAt(i);
			if (!(isAlphaDigit(c) || c == '.' || ATEXT_SPECIALS.indexOf(c) >= 0)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHostName(String domain) {
		if (domain.isEmpty() || domain.length() > 253 || domain.endsWith(".")) {
			return false;
		}
		for (String label : domain.split("\\.", -1)) {
			if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
				return false;
			}
			for (int i = 0; i < label.length(); i++) {
				char c = label.charAt(i);
				if (!(isAlphaDigit(c) || c == '-')) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean isAlphaDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	@Override
	public String toString() {
		return "EmailAddress[redacted]";
	}

}
