package nl.klachten.commands;

import java.util.regex.Pattern;

/**
 * Whether a mail's new text starts as a command (CONTRACT §5), for the intake's routing
 * before the command desk reads it in full: after blank lines and a greeting, a keyword,
 * possibly behind a case reference ({@code KK-2026-0007 VERLENG 2 weken}). A first line
 * of any length is looked at (in linear time), so a hostile command line still reaches
 * the desk and gets its refusal.
 */
final class CommandStart {

	private static final Pattern REFERENCE = Pattern.compile("[\\[(*_]*+[A-Za-z]++-\\d{4}-\\d{4,9}[\\])*_:,]*+");

	private CommandStart() {
	}

	/**
	 * A keyword first (how management's and appeals' mails are told apart from
	 * correspondence).
	 */
	static boolean isCommand(String newText) {
		String first = firstLine(newText);
		if (isKeyword(first)) {
			return true;
		}
		String[] words = first.split("\\s+", 2);
		return words.length == 2 && REFERENCE.matcher(words[0]).matches() && isKeyword(words[1]);
	}

	/**
	 * A keyword or a near miss of one ({@code HLEP}) first: a new mail from the committee
	 * meant as a command, which gets an answer ("bedoelde u HELP?") instead of being set
	 * aside unanswered.
	 */
	static boolean isAttempt(String newText) {
		String first = firstLine(newText);
		return isCommand(newText) || !NearMiss.suggest(first).isEmpty();
	}

	private static boolean isKeyword(String line) {
		return Keyword.of(line.split("[\\s:]+", 2)[0].replaceAll("[*_]", "")).isPresent();
	}

	private static String firstLine(String newText) {
		String[] lines = CommandParser.lines(newText);
		int first = Greeting.skip(lines);
		return first < lines.length ? lines[first].strip() : "";
	}

}
