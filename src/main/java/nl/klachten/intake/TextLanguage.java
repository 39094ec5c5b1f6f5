package nl.klachten.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klachten.committee.Language;

/**
 * Whether a complaint is written in Dutch or English, from how often each language's
 * commonest words occur. A library was weighed: Lingua ships the models of all its 75
 * languages in its one jar, a large dependency for a choice between two, and Optimaize's
 * detector has not been released since 2016. Function words decide it well for a letter:
 * they make up a large part of any running text, and the two lists share none (nor "in",
 * "is", "was", "had", "me" or "er", which two of Dutch, English and German share). A text
 * gives no answer when it is short (under {@value #MIN_WORDS} words), when neither
 * language's words make up {@value #MIN_SHARE_PERCENT}% of it (German, French), or when
 * the other language has more than a third of the winner's count (a mixed text): the case
 * then gets {@code complaints.language.default}.
 */
final class TextLanguage {

	static final int MIN_WORDS = 8;

	static final int MIN_SHARE_PERCENT = 12;

	/**
	 * A word is letters only, not touching a digit: the letters inside a code, a UUID or
	 * an order number ({@code 3fa8-b2e1}, {@code A123}) are no words of any language
	 * ("a", "be", "de").
	 */
	private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}+(?:'\\p{L}+)?(?![\\p{L}\\p{N}])");

	private static final Set<String> DUTCH = Set.of("de", "het", "een", "en", "van", "ik", "te", "dat", "niet", "op",
			"aan", "met", "voor", "maar", "om", "zijn", "heb", "mijn", "ook", "naar", "dan", "wat", "bij", "nog",
			"geen", "heeft", "wij", "u", "uw", "ze", "hij", "deze", "dit", "nu", "door", "over", "werd", "kan", "al",
			"zou", "hebben", "wordt", "geleden", "toen", "mij", "moet", "wel", "weken", "gisteren");

	private static final Set<String> ENGLISH = Set.of("the", "and", "to", "of", "i", "a", "that", "it", "my", "for",
			"on", "have", "with", "not", "this", "but", "be", "you", "are", "they", "at", "been", "would", "from",
			"your", "has", "no", "what", "which", "there", "their", "when", "them", "or", "were", "did", "do", "very",
			"about", "ago", "never", "still", "yet", "weeks", "yesterday", "could", "should", "because");

	private TextLanguage() {
	}

	/**
	 * The language the text is written in, or empty when it is short, mixed or neither.
	 */
	static Optional<Language> of(String text) {
		int words = 0;
		int dutch = 0;
		int english = 0;
		Matcher matcher = WORD.matcher(text == null ? "" : text);
		while (matcher.find()) {
			String word = matcher.group().toLowerCase(Locale.ROOT);
			words++;
			dutch += DUTCH.contains(word) ? 1 : 0;
			english += ENGLISH.contains(word) ? 1 : 0;
		}
		if (words < MIN_WORDS) {
			return Optional.empty();
		}
		int best = Math.max(dutch, english);
		int other = Math.min(dutch, english);
		if (best * 100 < words * MIN_SHARE_PERCENT || other * 3 > best) {
			return Optional.empty();
		}
		return Optional.of(dutch > english ? Language.NL : Language.EN);
	}

}
