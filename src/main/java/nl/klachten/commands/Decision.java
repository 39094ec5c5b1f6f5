package nl.klachten.commands;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text under a decision: the arguments (R17), and optionally a proposed solution,
 * which starts at a line {@code Oplossing:} (or {@code Voorgestelde oplossing:},
 * {@code Solution:}).
 */
record Decision(String arguments, String solution) {

	/**
	 * Only blanks within the line before the label ({@code [ \t\x0B\f]}, not {@code \s}):
	 * a leading {@code \s*} crossed line ends, so every blank line of a hostile text
	 * rescanned all the blank lines after it. Possessive elsewhere. The text before the
	 * label is stripped, so where the match starts among blank lines does not change the
	 * result.
	 */
	private static final Pattern SOLUTION = Pattern.compile(
			"^[ \\t\\x0B\\f]*+(?:voorgestelde\\s++oplossing|oplossing|proposed\\s++solution|solution)\\s*+:\\s*+",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	static Decision of(String text) {
		Matcher matcher = SOLUTION.matcher(text);
		if (!matcher.find()) {
			return new Decision(text.strip(), "");
		}
		return new Decision(text.substring(0, matcher.start()).strip(), text.substring(matcher.end()).strip());
	}

	@Override
	public String toString() {
		return "Decision[redacted]";
	}

}
