package nl.klachten.committee;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates written for people (CONTRACT §4): "1 december 2026", "1 december 2026 om 21:11",
 * "3 dec". One place, so that mails, the case file and the appeal letter say dates the
 * same way. ISO dates stay in the export and the register; never in text a person reads.
 */
public final class PeopleDates {

	public static final Locale DUTCH = Locale.forLanguageTag("nl");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", DUTCH);

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", DUTCH);

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DUTCH);

	private PeopleDates() {
	}

	/** "1 december 2026"; empty for null. */
	public static String date(TemporalAccessor day) {
		return day == null ? "" : DATE.format(day);
	}

	/** "1 December 2026" in English, else as {@link #date}; empty for null. */
	public static String date(TemporalAccessor day, Language language) {
		if (language != Language.EN) {
			return date(day);
		}
		return day == null ? "" : ENGLISH_DATE.format(day);
	}

	/** "3 dec" (no year, no dot): for the one-line state summary. */
	public static String shortDate(TemporalAccessor day) {
		return day == null ? "" : SHORT.format(day).replace(".", "");
	}

	/** "1 december 2026 om 21:11" in the given zone; empty for null. */
	public static String dateTime(OffsetDateTime moment, ZoneId zone) {
		if (moment == null) {
			return "";
		}
		ZonedDateTime local = moment.atZoneSameInstant(zone);
		return DATE.format(local) + " om " + TIME.format(local);
	}

	/** The day of a moment in the given zone, written as {@link #date}. */
	public static String dayOf(OffsetDateTime moment, ZoneId zone) {
		return moment == null ? "" : date(moment.atZoneSameInstant(zone).toLocalDate());
	}

}
