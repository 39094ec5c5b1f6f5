package nl.klachten.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * The keyword a mistyped first word most likely meant, for the refusal "bedoelde u
 * MEDEWERKER?" (CONTRACT §5). Close means an edit distance of at most 2 to a keyword of
 * five letters or more, and of 1 to a shorter one ({@code HLP}, {@code HLEP}); two
 * swapped letters count as one edit (Damerau-Levenshtein), as does a missing or extra
 * hyphen ({@code DEELSGEGROND}), and two words that are a keyword with a space for its
 * hyphen ({@code VRAAG KLAGER}) are close too. A suggestion is only a suggestion: nothing
 * of a mail with a mistyped keyword is applied. When two keywords are equally close
 * ({@code NGEGROND}: GEGROND or ONGEGROND) both are named, so the chair is never steered
 * to the opposite decision.
 */
final class NearMiss {

	/**
	 * Only the first word is compared, and a longer one is no keyword at all: bounded
	 * work a line.
	 */
	static final int MAX_WORD = 30;

	private static final int FAR = 2;

	private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance(FAR);

	private NearMiss() {
	}

	/**
	 * The keyword forms (as spelled in the table, Dutch or English) closest to the line's
	 * first word; empty when none is close.
	 */
	static List<String> suggest(String line) {
		String[] words = line.strip().split("\\s+", 3);
		String first = word(words[0]);
		if (first.isEmpty() || first.length() > MAX_WORD || Keyword.of(first).isPresent()) {
			return List.of();
		}
		if (words.length > 1) {
			Optional<Keyword> joined = Keyword.of(first + "-" + word(words[1]));
			if (joined.isPresent()) {
				return List.of(form(joined.get(), first + "-" + word(words[1])));
			}
		}
		return closest(first);
	}

	/**
	 * The same, only for a word in capitals: how a command is typed, and not how a
	 * sentence starts.
	 */
	static List<String> suggestCapitalised(String line) {
		String token = line.strip().split("\\s+", 2)[0];
		String first = token.length() > 2 * MAX_WORD ? "" : token.replaceAll("^[*_]+|[*_:]+$", "");
		boolean capitals = first.length() >= 3 && first.chars().anyMatch(Character::isLetter)
				&& first.chars().allMatch((c) -> (c >= 'A' && c <= 'Z') || c == '-' || c == '?');
		return capitals ? suggest(line) : List.of();
	}

	/** The Dutch sentence for a refusal: "bedoelde u GEGROND of ONGEGROND?". */
	static String question(List<String> forms) {
		return "bedoelde u " + String.join(" of ", forms) + "?";
	}

	private static List<String> closest(String word) {
		List<String> best = new ArrayList<>();
		int bestDistance = FAR + 1;
		for (Keyword keyword : Keyword.values()) {
			for (String form : new String[] { keyword.dutch(), keyword.english() }) {
				int distance = DISTANCE.apply(word, form);
				if (distance < 0 || distance > allowed(form) || distance > bestDistance) {
					continue;
				}
				if (distance < bestDistance) {
					best.clear();
					bestDistance = distance;
				}
				if (!best.contains(form) && best.stream().noneMatch((f) -> Keyword.of(f).equals(Keyword.of(form)))) {
					best.add(form);
				}
			}
		}
		return best;
	}

	private static int allowed(String form) {
		return form.replace("-", "").length() >= 5 ? 2 : 1;
	}

	private static String form(Keyword keyword, String typed) {
		return keyword.english().equals(typed) && !keyword.dutch().equals(typed) ? keyword.english() : keyword.dutch();
	}

	/**
	 * The first token as the parser reads it: markdown marks and a trailing colon off,
	 * upper case.
	 */
	private static String word(String token) {
		if (token.length() > 2 * MAX_WORD) {
			return "";
		}
		return token.replaceAll("^[*_]+|[*_:]+$", "").toUpperCase(Locale.ROOT);
	}

}
