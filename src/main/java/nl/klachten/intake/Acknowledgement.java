package nl.klachten.intake;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.committee.Language;
import nl.klachten.committee.PeopleDates;
import nl.klachten.register.NewComplaint;

/**
 * What the acknowledgement (R9) says it recorded, and whom it greets. It goes to whatever
 * address the mail claims, so it repeats no free text of the sender's (issue 9): besides
 * the short, cleaned subject only what the processor itself made of the mail: the days
 * (submitted, arisen), which details it read (by label, not by value), and the name, when
 * it is only a name: letters, spaces, hyphens, apostrophes and dots, a few words. A name
 * with a link, digits or other signs is not repeated, and the complainant is greeted as
 * "heer/mevrouw".
 */
final class Acknowledgement {

	/**
	 * The longest name the acknowledgement repeats, in code points; a person's name is
	 * shorter.
	 */
	static final int NAME_LENGTH = 60;

	private static final int NAME_WORDS = 8;

	private static final Map<String, String> ENGLISH = Map.of("Onderwerp", "Subject", "Ingediend", "Submitted",
			"Datum ontstaan", "Date of occurrence", "Ook vastgelegd", "Also recorded", "uw naam", "your name",
			"namens wie u klaagt", "on whose behalf you complain", "uw adres", "your address", "uw woonplaats",
			"your city", "het product", "the product", "de producten", "the products");

	private Acknowledgement() {
	}

	static Map<String, Object> model(NewComplaint complaint, String subject, int handlingWeeks, Language language) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("complainantName", personName(complaint.complainantName()));
		model.put("recorded", recorded(complaint, subject, language));
		model.put("handlingWeeks", handlingWeeks);
		return model;
	}

	/**
	 * The lines "what we recorded": the subject, the day of submission, the day it arose,
	 * and the details read, named, never repeated. The employee is not asked for:
	 * complainants rarely know the name, and the chair records it.
	 */
	static Map<String, String> recorded(NewComplaint complaint, String subject) {
		return recorded(complaint, subject, Language.NL);
	}

	/**
	 * As {@link #recorded(NewComplaint, String)}, its labels, phrases and dates in the
	 * given language.
	 */
	static Map<String, String> recorded(NewComplaint complaint, String subject, Language language) {
		Map<String, String> recorded = new LinkedHashMap<>();
		recorded.put(in(language, "Onderwerp"), subject);
		recorded.put(in(language, "Ingediend"), PeopleDates.date(complaint.submittedAt(), language));
		if (complaint.aroseOn() != null) {
			recorded.put(in(language, "Datum ontstaan"), PeopleDates.date(complaint.aroseOn(), language));
		}
		List<String> read = new ArrayList<>();
		add(read, in(language, "uw naam"), complaint.complainantName());
		add(read, in(language, "namens wie u klaagt"), complaint.representativeOf());
		add(read, in(language, "uw adres"), complaint.address());
		add(read, in(language, "uw woonplaats"), complaint.city());
		add(read, in(language, complaint.products().size() == 1 ? "het product" : "de producten"),
				String.join("", complaint.products()));
		if (!read.isEmpty()) {
			recorded.put(in(language, "Ook vastgelegd"), list(read, language == Language.EN ? " and " : " en "));
		}
		return recorded;
	}

	/** A label or phrase of the acknowledgement in the complainant's language. */
	private static String in(Language language, String dutch) {
		return language == Language.EN ? ENGLISH.getOrDefault(dutch, dutch) : dutch;
	}

	/**
	 * The name if it is only a name, else empty (the template then greets
	 * "heer/mevrouw").
	 */
	static String personName(String name) {
		if (name == null) {
			return "";
		}
		String stripped = name.strip();
		int length = stripped.codePointCount(0, stripped.length());
		if (length == 0 || length > NAME_LENGTH || stripped.split(" ++").length > NAME_WORDS) {
			return "";
		}
		boolean wordStart = true;
		for (int i = 0; i < stripped.length(); i = stripped.offsetByCodePoints(i, 1)) {
			int c = stripped.codePointAt(i);
			boolean letter = Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
			boolean joiner = c == '-' || c == '\'' || c == '’' || c == '.';
			if (c == ' ') {
				wordStart = true;
				continue;
			}
			if (!(letter || joiner && !wordStart)) {
				return "";
			}
			wordStart = false;
		}
		return stripped;
	}

	/**
	 * The handling term in whole weeks, or 0 when it is not one (the acknowledgement then
	 * names only the date).
	 */
	static int weeks(Period period) {
		return period.getYears() == 0 && period.getMonths() == 0 && period.getDays() % 7 == 0 ? period.getDays() / 7
				: 0;
	}

	private static void add(List<String> read, String label, String value) {
		if (value != null && !value.isBlank()) {
			read.add(label);
		}
	}

	/** "a, b en c". */
	private static String list(List<String> items, String and) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + and + items.get(items.size() - 1);
	}

}
