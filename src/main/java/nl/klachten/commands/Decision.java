package nl.klachten.commands;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text under a decision: the arguments (R17), and optionally a proposed solution, which starts
 * at a line {@code Oplossing:} (or {@code Voorgestelde oplossing:}, {@code Solution:}).
 */
record Decision(String arguments, String solution) {

	private static final Pattern SOLUTION = Pattern.compile(
			"^\\s*(?:voorgestelde\\s+oplossing|oplossing|proposed\\s+solution|solution)\\s*:\\s*",
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
