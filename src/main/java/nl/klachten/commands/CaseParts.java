package nl.klachten.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a command mail into one part per case when its lines start with a case's
 * reference (CONTRACT §5, a reply to the digest: {@code KK-2026-0007 VERLENG 2 weken},
 * brackets optional).
 * <p>
 * A reference line is a line that starts with a reference followed by a keyword, a near
 * miss of one, or a word in capitals (a command attempt, refused later as unknown):
 * "KK-2026-0003 was al eerder gemeld" is text. A part runs from its reference line up to
 * the next reference line, so the lines after {@code KK-2026-0007 GEGROND}, blank lines
 * included, are its argumentation until the next case begins. Within a part the grammar
 * is that of a single-case mail: the reference line is the first command, further command
 * lines may follow directly, then the text.
 * <p>
 * Either every command of the mail stands in a part, or none: a mail whose first line
 * (after a greeting) has no reference while a later line does is refused, naming that
 * line, because its first commands would otherwise take the other case's lines as their
 * text.
 */
final class CaseParts {

	/**
	 * One case's part of the mail: lines {@code [start, end)}, the reference line first.
	 */
	record Part(String reference, int start, int end, String commandLine) {

		@Override
		public String toString() {
			return "Part[" + this.reference + ", lines " + (this.start + 1) + "-" + this.end + "]";
		}

	}

	/** What the mail is: no reference lines, parts, or a mixture that is refused. */
	sealed interface Split {

		record Single() implements Split {
		}

		record Parts(List<Part> parts) implements Split {

			public Parts {
				parts = List.copyOf(parts);
			}

		}

		record Mixed(ParsedCommands.Refusal refusal) implements Split {
		}

	}

	/**
	 * A reply to the digest names a handful of cases; past this many lines that start
	 * with a reference the mail is refused, which also bounds the keyword guesses one
	 * mail can cost.
	 */
	static final int MAX_REFERENCE_LINES = 100;

	private final Pattern pattern;

	CaseParts(String prefix) {
		this.pattern = Pattern.compile(
				"[*_]*+[\\[(]?+(" + Pattern.quote(prefix) + "-\\d{4}-\\d{4,9})(?![0-9])[\\])]?+[*_:,]*+\\s++(\\S.*+)",
				Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	}

	Split split(String[] lines) {
		int first = Greeting.skip(lines);
		List<Part> parts = new ArrayList<>();
		int seen = 0;
		for (int i = first; i < lines.length; i++) {
			Matcher matcher = startsWithReference(lines[i]);
			if (matcher != null && ++seen > MAX_REFERENCE_LINES) {
				return tooMany(i, lines[i]);
			}
			if (matcher == null || !isCommand(matcher)) {
				continue;
			}
			if (parts.isEmpty() && i != first) {
				return notFirst(i, lines[i], matcher);
			}
			startPart(parts, i, lines.length, matcher);
		}
		return parts.isEmpty() ? new Split.Single() : new Split.Parts(parts);
	}

	/**
	 * Closes the open part, if any, at line {@code i} and opens the next, to the end for
	 * now.
	 */
	private static void startPart(List<Part> parts, int i, int end, Matcher matcher) {
		int last = parts.size() - 1;
		if (last >= 0) {
			Part open = parts.get(last);
			parts.set(last, new Part(open.reference(), open.start(), i, open.commandLine()));
		}
		parts.add(new Part(matcher.group(1).toUpperCase(Locale.ROOT), i, end, matcher.group(2)));
	}

	private static Split tooMany(int i, String line) {
		return new Split.Mixed(new ParsedCommands.Refusal(i + 1, line.strip(), "Meer dan " + MAX_REFERENCE_LINES
				+ " regels met een kenmerk in één mail; verdeel ze over meer mails."));
	}

	/**
	 * A reference line below commands without one: those would take this case's lines as
	 * their text.
	 */
	private static Split notFirst(int i, String line, Matcher matcher) {
		return new Split.Mixed(new ParsedCommands.Refusal(i + 1, line.strip(),
				"Zet het kenmerk van het dossier voor elk commando in deze mail, ook voor het eerste, "
						+ "of stuur de commando's voor " + matcher.group(1).toUpperCase(Locale.ROOT)
						+ " in een aparte mail."));
	}

	/**
	 * The lines a part's commands are read from: the reference left off its first line.
	 */
	static String[] withoutReference(String[] lines, Part part) {
		String[] copy = lines.clone();
		copy[part.start()] = part.commandLine();
		return copy;
	}

	/** The part's own lines, reference included, as they are filed on its case. */
	static String text(String[] lines, Part part) {
		return String.join("\n", List.of(lines).subList(part.start(), part.end())).strip();
	}

	private Matcher startsWithReference(String line) {
		String text = line.strip();
		if (text.length() > CommandParser.MAX_LINE) {
			return null;
		}
		Matcher matcher = this.pattern.matcher(text);
		return matcher.matches() ? matcher : null;
	}

	/**
	 * A keyword, a word in capitals or a near miss after the reference: a command line,
	 * not text.
	 */
	private static boolean isCommand(Matcher reference) {
		String rest = reference.group(2);
		String word = unemphasised(rest.split("[\\s:]", 2)[0]);
		return Keyword.of(word).isPresent() || capitals(word) || !NearMiss.suggest(rest).isEmpty();
	}

	/**
	 * Markdown marks around the word off, with a loop (a pattern would be quadratic in a
	 * run of marks).
	 */
	private static String unemphasised(String word) {
		int start = 0;
		int end = word.length();
		while (start < end && (word.charAt(start) == '*' || word.charAt(start) == '_')) {
			start++;
		}
		while (end > start && (word.charAt(end - 1) == '*' || word.charAt(end - 1) == '_')) {
			end--;
		}
		return word.substring(start, end);
	}

	private static boolean capitals(String word) {
		return word.length() >= 2 && word.chars().allMatch((c) -> (c >= 'A' && c <= 'Z') || c == '-');
	}

}
