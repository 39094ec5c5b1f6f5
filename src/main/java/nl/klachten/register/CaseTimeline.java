package nl.klachten.register;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every letter of a case as one dated line, oldest first: what a reader of the case file
 * needs to know of the command traffic (chair commands, confirmations, refusals,
 * notifications) without reading it. A command mail and its confirmation are one line; a
 * refusal names its line and reason. Letters sent in answer to a mail follow it: the
 * register files a mail before the mail it causes, so the out-letters after an in-letter
 * are its consequences.
 */
final class CaseTimeline {

	/** Lines stay within 76 columns: a date column of 23, two blanks, the summary. */
	static final int WIDTH = 76;

	private static final int STAMP = 23;

	private static final Pattern REFUSED_LINE = Pattern.compile("(?m)^Regel (\\d+):");

	private static final Pattern REFUSED_REASON = Pattern.compile("(?m)^Reden: ([^;.\\n]+)");

	private static final Pattern GREETING = Pattern
		.compile("(?i)^(beste|hallo|hoi|dag|geachte|goede(morgen|middag)|dear|hello|hi)\\b[^\\n]{0,40}$");

	private CaseTimeline() {
	}

	static List<String> of(CaseFile file, ZoneId zone) {
		List<CaseFile.Entry> letters = file.correspondence();
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < letters.size(); i++) {
			CaseFile.Entry letter = letters.get(i);
			if (isConfirmationOf(letters, i)) {
				continue;
			}
			lines.add(line(letter.at(), summary(letters, i), zone));
		}
		return lines;
	}

	/**
	 * The kinds of the letters sent in answer to the in-letter at {@code i}: the
	 * out-letters after it.
	 */
	static List<String> answers(List<CaseFile.Entry> letters, int i) {
		List<String> kinds = new ArrayList<>();
		for (int j = i + 1; j < letters.size() && "out".equals(letters.get(j).direction()); j++) {
			kinds.add(letters.get(j).kind());
		}
		return kinds;
	}

	/**
	 * Whether the letter at {@code i} is a command mail: an in-letter that got a
	 * confirmation.
	 */
	static boolean isCommand(List<CaseFile.Entry> letters, int i) {
		return "in".equals(letters.get(i).direction()) && answers(letters, i).contains("command-confirmation");
	}

	/** A confirmation already told on the line of the command mail it confirms. */
	private static boolean isConfirmationOf(List<CaseFile.Entry> letters, int i) {
		if (!"command-confirmation".equals(letters.get(i).kind())) {
			return false;
		}
		int j = i - 1;
		while (j >= 0 && "out".equals(letters.get(j).direction())) {
			j--;
		}
		return j >= 0 && isCommand(letters, j);
	}

	private static String summary(List<CaseFile.Entry> letters, int i) {
		CaseFile.Entry letter = letters.get(i);
		String kind = letter.kind() == null ? "" : letter.kind();
		if ("out".equals(letter.direction())) {
			if ("command-rejected".equals(kind)) {
				return refusal(letter.text());
			}
			if ("command-confirmation".equals(kind)) {
				return "bevestiging aan " + letter.to();
			}
			return LetterLabels.SENT.getOrDefault(kind, "verstuurd: " + kind);
		}
		String from = LetterLabels.FROM.getOrDefault(kind, "bericht (" + kind + ")");
		if (isCommand(letters, i)) {
			return fit(from + ": " + commandLines(letter.text()), " (bevestigd)");
		}
		return switch (kind) {
			case "committee", "management", "appeals" -> "bericht van de " + from;
			case "follow-up" -> complainantsKeyword(answers(letters, i)).orElse(from);
			default -> from;
		};
	}

	/**
	 * What a complainant's mail asked for, told by what it was answered with (INZAGE,
	 * BEROEP, INTREKKEN).
	 */
	private static Optional<String> complainantsKeyword(List<String> answers) {
		return answers.stream()
			.filter(LetterLabels.COMPLAINANT_ASKED::containsKey)
			.map(LetterLabels.COMPLAINANT_ASKED::get)
			.findFirst();
	}

	/**
	 * "commando geweigerd, regel 1: onbekend commando", read back from the refusal as
	 * mailed.
	 */
	private static String refusal(String text) {
		String body = text == null ? "" : text;
		StringBuilder out = new StringBuilder("commando geweigerd");
		Matcher line = REFUSED_LINE.matcher(body);
		if (line.find()) {
			out.append(", regel ").append(line.group(1));
		}
		Matcher reason = REFUSED_REASON.matcher(body);
		if (reason.find()) {
			String why = reason.group(1).strip();
			out.append(": ").append(Character.toLowerCase(why.charAt(0))).append(why.substring(1));
		}
		return out.toString();
	}

	/**
	 * The command lines as written: the lines before the first blank one, a greeting left
	 * out.
	 */
	static String commandLines(String text) {
		List<String> lines = new ArrayList<>();
		for (String line : (text == null ? "" : text.strip()).lines().toList()) {
			String stripped = line.strip();
			if (stripped.isEmpty()) {
				if (lines.isEmpty()) {
					continue;
				}
				break;
			}
			if (lines.isEmpty() && isGreeting(stripped)) {
				continue;
			}
			lines.add(stripped);
		}
		return String.join("; ", lines);
	}

	/** "Beste commissie,", "Hallo": a first line the command grammar skips too. */
	static boolean isGreeting(String line) {
		return GREETING.matcher(line).matches() && (line.endsWith(",") || !line.contains(" "));
	}

	private static String line(OffsetDateTime at, String summary, ZoneId zone) {
		String stamp = StoredDates.stamp(at, zone);
		return String.format("%-" + STAMP + "s  %s", stamp, fit(summary, ""));
	}

	/** The text cut to the summary column, with {@code tail} kept whole at the end. */
	private static String fit(String text, String tail) {
		int room = WIDTH - STAMP - 2 - tail.length();
		String flat = text.replaceAll("\\s+", " ").strip();
		return (flat.length() <= room ? flat : flat.substring(0, room - 1) + "…") + tail;
	}

}
