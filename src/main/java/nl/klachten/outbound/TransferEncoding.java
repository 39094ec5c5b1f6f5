package nl.klachten.outbound;

/**
 * The Content-Transfer-Encoding Jakarta Mail would choose for a text part, decided from
 * the text itself (issue 15). Jakarta Mail decides by writing the part once into a
 * counting stream before writing it for real; for the two letters of every complaint that
 * was a tenth of composing them. The rule is Jakarta Mail's
 * ({@code MimeUtility.getEncoding}), counted over the UTF-8 bytes: no byte outside
 * US-ASCII text and no line over 998 bytes is {@code 7bit}; more ASCII bytes than others
 * is {@code quoted-printable}; otherwise {@code base64}. A byte outside ASCII text is one
 * of 0x7F and up, or a control other than CR, LF and TAB.
 */
final class TransferEncoding {

	private static final int MAX_LINE = 998;

	private TransferEncoding() {
	}

	static String of(String text) {
		long ascii = 0;
		long other = 0;
		int line = 0;
		boolean longLine = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || c == '\n') {
				line = 0;
				ascii++;
				continue;
			}
			if (c < 0x80) {
				line++;
				if (c >= 0x7F || c < 0x20 && c != '\t') {
					other++;
				}
				else {
					ascii++;
				}
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
				line += 4;
				other += 4;
			}
			else if (Character.isSurrogate(c)) {
				// a lone surrogate is written as '?'
				line++;
				ascii++;
			}
			else {
				int bytes = c < 0x800 ? 2 : 3;
				line += bytes;
				other += bytes;
			}
			longLine |= line > MAX_LINE;
		}
		if (other == 0) {
			return longLine ? "quoted-printable" : "7bit";
		}
		return ascii > other ? "quoted-printable" : "base64";
	}

}
