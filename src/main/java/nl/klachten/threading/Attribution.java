package nl.klachten.threading;

import java.util.List;

/**
 * The attribution line above quoted history
 * ({@code Op 3 feb. 2025 om 12:30 schreef Jan <jan@…>:}), in plain string code. It
 * accepts exactly the lines of the pattern it replaces, <pre>
 * ^(?=.*(\d{1,2}[:.]\d{2}|@))\s*(on|op|am|le)\s.{0,200}\d.{0,200}\s(wrote|schreef|…)(\s.{0,200})?:\s*$
 * </pre> (case-insensitive), which starts with On/Op/Am/Le, holds a time or an address,
 * and ends with the verb's clause and a colon. That pattern's three nested bounded gaps
 * cost millions of steps on one hostile 500-character line; here each verb is checked
 * once, in time linear in the line.
 */
final class Attribution {

	private static final List<String> STARTS = List.of("on", "op", "am", "le");

	private static final List<String> VERBS = List.of("wrote", "schreef", "geschreven", "schrieb", "geschrieben",
			"écrit");

	private static final int GAP = 200;

	private Attribution() {
	}

	static boolean matches(String line) {
		if (!hasTimeOrAddress(line)) {
			return false;
		}
		int word = skipSpaces(line, 0);
		int start = word + 2;
		if (!startsWithAny(line, word, STARTS) || start >= line.length() || !isSpace(line.charAt(start))) {
			return false;
		}
		int colon = lastNonSpace(line);
		if (colon < 0 || line.charAt(colon) != ':') {
			return false;
		}
		for (int verb = start + 2; verb < colon; verb++) {
			int end = verbEnd(line, verb);
			if (end > 0 && isSpace(line.charAt(verb - 1)) && tailFits(line, end, colon)
					&& digitFits(line, start + 1, verb - 1)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The look-ahead: a time ({@code 12:30}, {@code 9.05}) or an {@code @} before the
	 * first line break.
	 */
	private static boolean hasTimeOrAddress(String line) {
		for (int i = 0; i < line.length() && !isLineBreak(line.charAt(i)); i++) {
			if (line.charAt(i) == '@' || (i + 3 < line.length() && isDigit(line.charAt(i))
					&& (line.charAt(i + 1) == ':' || line.charAt(i + 1) == '.') && isDigit(line.charAt(i + 2))
					&& isDigit(line.charAt(i + 3)))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * After the verb: the colon at once, or a blank and at most {@value #GAP} characters
	 * before it.
	 */
	private static boolean tailFits(String line, int end, int colon) {
		return end == colon || (end < colon && isSpace(line.charAt(end)) && colon - (end + 1) <= GAP
				&& noLineBreak(line, end + 1, colon));
	}

	/**
	 * A digit in {@code [from, space)} with at most {@value #GAP} characters on either
	 * side of it within that stretch, which holds no line break.
	 */
	private static boolean digitFits(String line, int from, int space) {
		if (!noLineBreak(line, from, space)) {
			return false;
		}
		for (int i = Math.max(from, space - GAP - 1); i <= Math.min(space - 1, from + GAP); i++) {
			if (isDigit(line.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** The end of the verb that starts at {@code at}, or -1. */
	private static int verbEnd(String line, int at) {
		for (String verb : VERBS) {
			if (line.regionMatches(true, at, verb, 0, verb.length())) {
				return at + verb.length();
			}
		}
		return -1;
	}

	private static boolean startsWithAny(String line, int at, List<String> words) {
		return words.stream().anyMatch((w) -> line.regionMatches(true, at, w, 0, w.length()));
	}

	private static int skipSpaces(String line, int from) {
		int i = from;
		while (i < line.length() && isSpace(line.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int lastNonSpace(String line) {
		int i = line.length() - 1;
		while (i >= 0 && isSpace(line.charAt(i))) {
			i--;
		}
		return i;
	}

	private static boolean noLineBreak(String line, int from, int to) {
		for (int i = from; i < to; i++) {
			if (isLineBreak(line.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** {@code \s} of a Java pattern without UNICODE_CHARACTER_CLASS. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** What a pattern's {@code .} does not match. */
	private static boolean isLineBreak(char c) {
		return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
	}

}
