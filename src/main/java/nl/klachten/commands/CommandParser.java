package nl.klachten.commands;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klachten.commands.ParsedCommands.Commands;
import nl.klachten.commands.ParsedCommands.Refusal;

/**
 * Reads the command block of CONTRACT §5 from the new text of a reply (quoted history and
 * signature already removed, HTML already text). After any blank lines at the top and a
 * greeting line ({@link Greeting}), every line that starts with a known keyword is a
 * command; the first line that does not, or a blank line, ends the block, and the rest of
 * the mail, stripped, is the text. One bad line refuses the whole mail, naming that line
 * (with the keyword it nearly is, {@link NearMiss}): nothing of a refused mail may be
 * applied.
 * <p>
 * A keyword is the line's first token (up to whitespace or a colon), in any letter case,
 * with markdown leftovers such as {@code *GEGROND*} or {@code **NOTITIE:**} tolerated,
 * because HTML mail reaches us turned into text. Checks that need the case or a clock (a
 * term before today, a withdrawn case, the sender's authority) are not made here.
 */
public final class CommandParser {

	/**
	 * A command line is typed by a person: a longer line is text, not a command. The cap
	 * bounds the work any one hostile line can cost.
	 */
	static final int MAX_LINE = 1_000;

	/**
	 * Possessive throughout: a hostile line of emphasis marks must not make the matcher
	 * backtrack.
	 */
	private static final Pattern TOKEN = Pattern.compile("[*_]*+([^\\s:*_]++)[*_]*+(.*+)", Pattern.DOTALL);

	/** A line of the command block before its value is interpreted. */
	private record Line(int number, String text, Keyword keyword, String value) {
	}

	public ParsedCommands parse(String newText) {
		String[] lines = lines(newText);
		return block(lines, Greeting.skip(lines), lines.length);
	}

	/**
	 * The lines of a mail's new text as the parser reads them (a non-breaking space from
	 * HTML is a space).
	 */
	static String[] lines(String newText) {
		return (newText == null) ? new String[0] : newText.replace('\u00a0', ' ').split("\\R", -1);
	}

	/**
	 * The command block that starts at {@code lines[from]} and its text, up to
	 * {@code lines[to]} (exclusive); line numbers stay those of the whole mail. A first
	 * line that is no keyword is refused, with the keyword it most likely meant; so is a
	 * line in capitals right under the block that nearly is one ({@code PRODCT}), because
	 * it would otherwise be read as text.
	 */
	ParsedCommands block(String[] lines, int from, int to) {
		int first = from;
		while (first < to && lines[first].isBlank()) {
			first++;
		}
		if (first == to) {
			return new Refusal(0, "", "De mail bevat geen commando; stuur HELP voor de lijst met commando's.");
		}
		List<Line> block = new ArrayList<>();
		int next = first;
		for (; next < to; next++) {
			Optional<Line> line = commandLine(next + 1, lines[next]);
			if (line.isEmpty()) {
				break;
			}
			block.add(line.get());
		}
		if (block.isEmpty()) {
			return new Refusal(first + 1, lines[first].strip(), unknown(NearMiss.suggest(bounded(lines[first]))));
		}
		Optional<Refusal> nearMiss = next < to ? nearMissBelow(lines, next) : Optional.empty();
		return nearMiss.isPresent() ? nearMiss.get()
				: commands(block, String.join("\n", List.of(lines).subList(next, to)).strip());
	}

	/**
	 * The line right under the block, refused when it is in capitals and nearly a keyword
	 * ({@code PRODCT}).
	 */
	private static Optional<Refusal> nearMissBelow(String[] lines, int next) {
		if (lines[next].isBlank()) {
			return Optional.empty();
		}
		List<String> meant = NearMiss.suggestCapitalised(bounded(lines[next]));
		return meant.isEmpty() ? Optional.empty() : Optional.of(new Refusal(next + 1, lines[next].strip(),
				unknown(meant) + " Zet een lege regel tussen de commando's en de tekst."));
	}

	private static String unknown(List<String> meant) {
		return meant.isEmpty() ? "Onbekend commando; stuur HELP voor de lijst met commando's."
				: "Onbekend commando; " + NearMiss.question(meant) + " Stuur HELP voor de lijst met commando's.";
	}

	/** A line no longer than a command line can be, for the keyword guess. */
	private static String bounded(String line) {
		return line.length() > MAX_LINE ? "" : line;
	}

	private static ParsedCommands commands(List<Line> block, String text) {
		List<CommandLine> commands = new ArrayList<>();
		Set<Keyword> seen = EnumSet.noneOf(Keyword.class);
		Line decision = null;
		for (Line line : block) {
			if (line.keyword().isDecision() && decision != null) {
				return refusal(line, "Meer dan één beslissing in één mail (ook al op regel " + decision.number()
						+ "); stuur er één.");
			}
			if (!line.keyword().isRepeatable() && seen.contains(line.keyword())) {
				return refusal(line, line.keyword().dutch() + " staat twee keer in de mail; stuur het één keer.");
			}
			if (contradicts(line.keyword(), seen)) {
				return refusal(line, "MAATREGEL en GEEN-MAATREGEL spreken elkaar tegen; stuur er één.");
			}
			CommandValues.Built built = CommandValues.build(line.keyword(), line.value(), text);
			if (built.reason() != null) {
				return refusal(line, built.reason());
			}
			decision = line.keyword().isDecision() ? line : decision;
			seen.add(line.keyword());
			commands.add(new CommandLine(line.number(), line.text(), line.keyword(), built.command()));
		}
		return new Commands(commands, text);
	}

	private static boolean contradicts(Keyword keyword, Set<Keyword> seen) {
		return (keyword == Keyword.MAATREGEL && seen.contains(Keyword.GEEN_MAATREGEL))
				|| (keyword == Keyword.GEEN_MAATREGEL && seen.contains(Keyword.MAATREGEL));
	}

	private static Refusal refusal(Line line, String reason) {
		return new Refusal(line.number(), line.text(), reason);
	}

	private static Optional<Line> commandLine(int number, String raw) {
		String text = raw.strip();
		if (text.length() > MAX_LINE) {
			return Optional.empty();
		}
		Matcher matcher = TOKEN.matcher(text);
		if (text.isEmpty() || !matcher.matches()) {
			return Optional.empty();
		}
		return Keyword.of(matcher.group(1)).map((keyword) -> new Line(number, text, keyword, value(matcher.group(2))));
	}

	/**
	 * The value after the keyword: a leading colon and markdown emphasis around it are
	 * dropped.
	 */
	private static String value(String rest) {
		String value = rest.strip();
		if (value.startsWith(":")) {
			value = value.substring(1);
		}
		value = value.strip();
		int start = 0;
		while (start < value.length() && isEmphasis(value.charAt(start))) {
			start++;
		}
		value = value.substring(start).strip();
		int end = value.length();
		while (end > 0 && isEmphasis(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end).strip();
	}

	/**
	 * Markdown emphasis, stripped with a loop: the pattern {@code [*_]+$} it replaces was
	 * quadratic in a run of marks that is not at the end.
	 */
	private static boolean isEmphasis(char c) {
		return c == '*' || c == '_';
	}

}
