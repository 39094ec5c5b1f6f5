package nl.klachten.outbound;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a text someone wrote for a letter already opens with a greeting ("Beste mevrouw
 * Jansen,"), so that the template does not add its own above it: a question with "Geachte
 * heer Jansen," and then "Beste mevrouw Jansen," reads as a form letter (issue 11). Only
 * the first non-blank line counts, and only when it looks like a salutation: a greeting
 * word followed by a name or nothing, ending with a comma or short.
 */
public final class Salutation {

	private static final Set<String> GREETINGS = Set.of("beste", "geachte", "dear", "hallo", "dag", "hello", "hi",
			"goedemorgen", "goedemiddag", "goedenavond");

	/** A salutation line is short: a greeting and a name, not a sentence. */
	private static final int MAX_WORDS = 6;

	private Salutation() {
	}

	public static boolean opensWithGreeting(String text) {
		if (text == null) {
			return false;
		}
		String first = text.strip().lines().findFirst().orElse("").strip();
		String[] words = first.split("[\\s,]+");
		if (words.length == 0 || !GREETINGS.contains(words[0].toLowerCase(Locale.ROOT))) {
			return false;
		}
		return first.endsWith(",") ? words.length <= MAX_WORDS + 2 : words.length <= 4 && !first.endsWith(".");
	}

}
