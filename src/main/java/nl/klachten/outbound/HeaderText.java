package nl.klachten.outbound;

/**
 * Control characters in header values. Mail text put into our headers (the incoming
 * subject in the chair's notification) is decoded from RFC 2047 and can carry CR LF;
 * written into a header, it would add headers or recipients of the sender's choosing to
 * mail sent from the committee's address (issue 9). So that text is cleaned where it is
 * inserted, and the composer refuses every header that still holds a control character,
 * naming the header and never the value.
 */
public final class HeaderText {

	private HeaderText() {
	}

	/**
	 * The text with every CTL (CR, LF, NUL, ESC, DEL, and HTAB too) replaced by a space.
	 */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(isControl(c) ? ' ' : c);
		}
		return out.toString();
	}

	/**
	 * The value, when it holds no CTL other than HTAB.
	 * @throws IllegalArgumentException naming the header, not the value
	 */
	static String require(String header, String value) {
		if (value != null && value.chars().anyMatch((c) -> c != '\t' && isControl((char) c))) {
			throw new IllegalArgumentException("Refusing header " + header + ": its value holds a control character");
		}
		return value;
	}

	private static boolean isControl(char c) {
		return c < 0x20 || c == 0x7F;
	}

}
