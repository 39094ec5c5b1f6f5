package nl.klachten.cli;

/**
 * Text made safe for the operator's terminal. A case file is mail text from anyone: an
 * escape sequence in it ({@code ESC [2J}, an OSC title or hyperlink) would be run by the
 * terminal that {@code show} prints to, and bidi controls would make a line read
 * differently from what it holds (issue 9). Kept: printable text, line feeds and tabs.
 */
final class TerminalText {

	private static final char ESC = '\u001b';

	private TerminalText() {
	}

	static String safe(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == ESC) {
				i = afterEscape(text, i + 1);
				continue;
			}
			if (!isControl(c)) {
				out.append(c);
			}
			i++;
		}
		return out.toString();
	}

	/**
	 * Where an escape sequence starting after ESC ends: CSI up to its final byte, OSC and
	 * DCS up to BEL, ST or the first other control character, anything else one
	 * character.
	 */
	private static int afterEscape(String text, int at) {
		if (at >= text.length()) {
			return at;
		}
		char kind = text.charAt(at);
		if (kind < 0x20) {
			return at;
		}
		int i = at + 1;
		if (kind == '[') {
			return afterCsi(text, i);
		}
		if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
			return afterString(text, i);
		}
		return i;
	}

	/**
	 * A control sequence (CSI): parameter and intermediate bytes, then its final byte if
	 * there is one.
	 */
	private static int afterCsi(String text, int at) {
		int i = at;
		while (i < text.length() && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x3F) {
			i++;
		}
		boolean finalByte = i < text.length() && text.charAt(i) >= 0x40 && text.charAt(i) <= 0x7E;
		return finalByte ? i + 1 : i;
	}

	/**
	 * A control string (OSC, DCS and the like): up to BEL, ST or the first other control
	 * character.
	 */
	private static int afterString(String text, int at) {
		int i = at;
		while (i < text.length() && text.charAt(i) >= 0x20) {
			i++;
		}
		if (i < text.length() && text.charAt(i) == '\u0007') {
			return i + 1;
		}
		return (i + 1 < text.length() && text.charAt(i) == ESC && text.charAt(i + 1) == '\\') ? i + 2 : i;
	}

	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) || isBidi(c);
	}

	private static boolean isBidi(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
				|| c == '\u061C';
	}

}
