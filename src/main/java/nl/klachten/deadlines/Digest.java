package nl.klachten.deadlines;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily deadline digest (D7) of one day: every section in a fixed order, and how many
 * lines could not be built (the digest carries on past a single bad case). Lines hold a
 * reference, a date, the complainant's name and the subject only (R8), never complaint
 * text.
 *
 * @param day the local day the digest is for
 * @param sections all sections, empty ones included, in {@link Kind} order
 * @param failedLines lines skipped because their case could not be read
 */
public record Digest(LocalDate day, List<Section> sections, int failedLines) {

	public Digest {
		sections = List.copyOf(sections);
	}

	/** The sections, in the order the digest shows them, with their Dutch titles. */
	public enum Kind {

		// the regulation has no numbered clauses: the R-codes of REQUIREMENTS.md stay out
		// of the titles
		OVERDUE("Over termijn"), DUE_SOON("Beslissing binnen 7 dagen"),
		EXTENSION_NOTICE("Verlengingsbericht nodig vóór einde vier weken"), WAITING("Wacht op antwoord"),
		APPEALS("Beroepen en hun termijn"), NEW("Nieuw sinds het vorige overzicht"), LATE("Buiten termijn ingediend"),
		MEASURES("Maatregel nog niet vastgelegd"), PURGES("Verwijderd en binnenkort te verwijderen"),
		UNDELIVERED("Niet bezorgd sinds het vorige overzicht");

		private final String title;

		Kind(String title) {
			this.title = title;
		}

		public String title() {
			return this.title;
		}

	}

	/** One section; {@code lines} is empty when there is nothing to report ("geen"). */
	public record Section(Kind kind, List<Line> lines) {

		public Section {
			lines = List.copyOf(lines);
		}

		public String title() {
			return this.kind.title();
		}

	}

	/**
	 * One case in a section.
	 *
	 * @param reference the case reference
	 * @param date the date that matters in this section
	 * @param name the complainant's name, or null if unknown
	 * @param subject the complaint's subject line
	 * @param note what is due or waiting, in Dutch
	 * @param reply the command line that moves the case on, built from the case and
	 * starting with its reference (a reply to the digest may act on several cases), or
	 * empty for none
	 * @param replyText what the chair writes under that line (in Dutch, a description,
	 * never a made-up name or text), or empty when the command needs none
	 */
	public record Line(String reference, LocalDate date, String name, String subject, String note, String reply,
			String replyText) {
	}

	/** A case purged or about to be purged (R20), for the retention hook. */
	public record Purge(String reference, LocalDate date) {
	}

	public Section section(Kind kind) {
		return this.sections.stream().filter((s) -> s.kind() == kind).findFirst().orElseThrow();
	}

	public int count(Kind kind) {
		return section(kind).lines().size();
	}

}
