package nl.klachten.commands;

import java.util.Locale;
import java.util.Set;

/**
 * A first line that is only a greeting ({@code Beste commissie,}, {@code Hallo},
 * {@code Dag Kenny}, {@code Dear all,}), which people type out of habit above a command
 * (CONTRACT §5: it is skipped). A greeting is short and says nothing else: at most
 * {@link #MAX_LENGTH} characters and {@link #MAX_WORDS} words, the first a greeting word,
 * no digits, no keyword among the words, no sentence end ({@code .}, {@code ?},
 * {@code ...}) and no comma except one that ends the line. So "Beste klager heeft gelijk
 * GEGROND" and "Dag 3 was het al mis" are not greetings (a keyword, a number), nor is
 * "Hallo, de klacht is terecht." (a sentence): each is refused as an unknown command
 * rather than half-read.
 */
final class Greeting {

	static final int MAX_LENGTH = 60;

	static final int MAX_WORDS = 5;

	private static final Set<String> OPENINGS = Set.of("beste", "hallo", "dag", "dear", "goedemorgen", "goedemiddag",
			"goedenavond", "hoi", "hi", "hello", "hey", "geachte");

	private Greeting() {
	}

	static boolean is(String line) {
		if (line.length() > 2 * MAX_LENGTH) {
			return false;
		}
		String text = line.strip().replaceAll("^[*_]{1,3}|[*_]{1,3}$", "").strip();
		int comma = text.indexOf(',');
		if (text.isEmpty() || text.length() > MAX_LENGTH || text.endsWith(".") || text.endsWith("?")
				|| text.endsWith("\u2026") || (comma >= 0 && comma < text.length() - 1)) {
			return false;
		}
		String[] words = text.split("\\s+");
		if (words.length > MAX_WORDS || !OPENINGS.contains(bare(words[0]))) {
			return false;
		}
		for (String word : words) {
			if (word.chars().anyMatch(Character::isDigit) || Keyword.of(bare(word)).isPresent()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The index of the first line of the command block: past blank lines at the top, then
	 * past a greeting line and the blank lines after it. Equal to {@code lines.length}
	 * when nothing is left.
	 */
	static int skip(String[] lines) {
		int first = blanks(lines, 0);
		if (first < lines.length && is(lines[first])) {
			return blanks(lines, first + 1);
		}
		return first;
	}

	private static int blanks(String[] lines, int from) {
		int i = from;
		while (i < lines.length && lines[i].isBlank()) {
			i++;
		}
		return i;
	}

	/**
	 * The word without punctuation around it ({@code commissie,} and {@code Hallo!}),
	 * lower case.
	 */
	private static String bare(String word) {
		return word.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "").toLowerCase(Locale.ROOT);
	}

}
