package nl.klachten.threading;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Splits a decoded mail body into the author's new words and what followed them: quoted
 * history, a forwarded original, a header block or a signature. HTML mails reach us
 * already turned into text, so quoted history often has no {@code >} prefixes; that is
 * why attribution lines, Outlook header blocks and separators count as markers on their
 * own.
 * <p>
 * Bottom-posted and inline replies: when the body starts with a {@code >}-quoted block,
 * the new text is the unquoted text right after that block (up to the next marker), and
 * {@code rest} holds the quote and everything after the new text. When text stands before
 * the first quote, only that text is new; later inline answers stay in {@code rest}.
 */
public final class ReplyText {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String VERB = "(wrote|schreef|geschreven|schrieb|geschrieben|écrit)";

	private static final Pattern QUOTED = Pattern.compile("^\\s*>.*");

	/**
	 * Lines longer than this are never markers: the patterns below have bounded gaps, and
	 * the cap bounds what one hostile line can cost.
	 */
	private static final int MAX_LINE = 500;

	private static final Pattern ATTRIBUTION_START = Pattern.compile("^\\s*(on|op|am|le)\\s.*\\d.*", FLAGS);

	private static final Pattern LOOSE_ATTRIBUTION = Pattern.compile("^.{0,200}\\s" + VERB + "(\\s.{0,200})?:\\s*$",
			FLAGS);

	private static final Pattern SEPARATOR = Pattern.compile("^\\s*-{2,}\\s*(original message|oorspronkelijk bericht"
			+ "|origineel bericht|ursprüngliche nachricht|forwarded message|doorgestuurd bericht"
			+ "|weitergeleitete nachricht|message d'origine|message transféré)\\s*-{2,}\\s*$", FLAGS);

	private static final Pattern FORWARD_INTRO = Pattern
		.compile("^\\s*(begin forwarded message" + "|begin doorgestuurd bericht|anfang der weitergeleiteten nachricht"
				+ "|début du message réexpédié)\\s*:\\s*$", FLAGS);

	private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");

	private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");

	private static final Pattern MOBILE_FOOTER = Pattern
		.compile(
				"^\\s*(sent from my \\S.{0,30}" + "|sent from (outlook|mail) for \\S.{0,20}|get outlook for \\S.{0,20}"
						+ "|(verzonden|verstuurd) (vanaf|vanuit|met|via) (mijn|outlook)"
						+ " \\S.{0,30}|von meinem \\S.{0,30} gesendet|envoyé de mon \\S.{0,30})(?<![.!?,])\\s*$",
				FLAGS);

	private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*{0,2}(from|van|von|de)\\s*:\\*{0,2}\\s*\\S.*",
			FLAGS);

	private static final Pattern HEADER_NEXT = Pattern.compile("^\\s*\\*{0,2}(sent|date|to|subject|cc|bcc|reply-to"
			+ "|verzonden|datum|aan|onderwerp|gesendet|an|betreff|envoyé|à|objet)\\s*:\\*{0,2}.*", FLAGS);

	private ReplyText() {
	}

	/**
	 * The new text of a reply, and what followed it (quoted history, forwarded original,
	 * signature).
	 */
	public record Split(String newText, String rest) {
	}

	public static Split split(String body) {
		if (body == null) {
			return new Split("", "");
		}
		String[] lines = body.replace("\r\n", "\n").split("\n", -1);
		int first = firstMarker(lines, 0);
		String before = join(lines, 0, first);
		if (!before.isBlank() || !isQuoteStart(lines, first)) {
			return new Split(before.strip(), join(lines, first, lines.length).strip());
		}
		return bottomPosted(lines, first);
	}

	private static Split bottomPosted(String[] lines, int start) {
		int end = endOfQuote(lines, start);
		int next = firstMarker(lines, end);
		String newText = join(lines, end, next).strip();
		if (newText.isEmpty() || !hasQuotedLine(lines, start, end)) {
			return new Split("", join(lines, start, lines.length).strip());
		}
		String rest = join(lines, start, end).strip() + "\n\n" + join(lines, next, lines.length).strip();
		return new Split(newText, rest.strip());
	}

	private static int firstMarker(String[] lines, int from) {
		for (int i = from; i < lines.length; i++) {
			if (isMarker(lines, i)) {
				return i;
			}
		}
		return lines.length;
	}

	private static boolean isMarker(String[] lines, int i) {
		String line = lines[i];
		return isQuoteStart(lines, i) || matches(SEPARATOR, line) || matches(FORWARD_INTRO, line)
				|| matches(UNDERSCORES, line) || matches(SIGNATURE, line) || matches(MOBILE_FOOTER, line)
				|| isHeaderBlock(lines, i);
	}

	private static boolean isQuoteStart(String[] lines, int i) {
		return i < lines.length && (matches(QUOTED, lines[i]) || attributionLength(lines, i) > 0);
	}

	/**
	 * Lines taken by an attribution starting at {@code i}: 0, 1, or 2 when a mail client
	 * wrapped it.
	 */
	private static int attributionLength(String[] lines, int i) {
		if (isAttribution(lines[i]) || isLooseAttribution(lines, i)) {
			return 1;
		}
		boolean wrapped = i + 1 < lines.length && matches(ATTRIBUTION_START, lines[i])
				&& isAttribution(lines[i].strip() + " " + lines[i + 1].strip());
		return wrapped ? 2 : 0;
	}

	/**
	 * The pattern first: looking past the blank lines below every line would be quadratic
	 * in a run of them.
	 */
	private static boolean isLooseAttribution(String[] lines, int i) {
		if (!matches(LOOSE_ATTRIBUTION, lines[i])) {
			return false;
		}
		int next = nextNonBlank(lines, i + 1);
		return next < lines.length && matches(QUOTED, lines[next]);
	}

	private static boolean isHeaderBlock(String[] lines, int i) {
		if (!matches(HEADER_FROM, lines[i])) {
			return false;
		}
		int next = nextNonBlank(lines, i + 1);
		return next <= i + 2 && next < lines.length && matches(HEADER_NEXT, lines[next]);
	}

	/** End of a leading quote block: its attribution, then quoted and blank lines. */
	private static int endOfQuote(String[] lines, int start) {
		int i = start + attributionLength(lines, start);
		while (i < lines.length && (lines[i].isBlank() || matches(QUOTED, lines[i]))) {
			i++;
		}
		return i;
	}

	private static boolean hasQuotedLine(String[] lines, int from, int to) {
		for (int i = from; i < to; i++) {
			if (matches(QUOTED, lines[i])) {
				return true;
			}
		}
		return false;
	}

	private static int nextNonBlank(String[] lines, int from) {
		int i = from;
		while (i < lines.length && lines[i].isBlank()) {
			i++;
		}
		return i;
	}

	private static String join(String[] lines, int from, int to) {
		return String.join("\n", Arrays.copyOfRange(lines, from, to));
	}

	private static boolean isAttribution(String line) {
		return line.length() <= MAX_LINE && Attribution.matches(line);
	}

	private static boolean matches(Pattern pattern, String line) {
		return line.length() <= MAX_LINE && pattern.matcher(line).matches();
	}

}
