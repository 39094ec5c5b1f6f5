package nl.klachten.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import nl.klachten.committee.PeopleDates;

/**
 * The dates and times of a {@link CaseFile}, written for people through
 * {@link PeopleDates}. The register hands them over typed, so nothing is parsed here; an
 * absent value (or one the register could not read) is written as nothing.
 */
public final class StoredDates {

	private StoredDates() {
	}

	/** "1 december 2026"; empty for null. */
	public static String date(LocalDate value) {
		return value == null ? "" : PeopleDates.date(value);
	}

	/** "1 december 2026", the day of a time in {@code zone}; empty for null. */
	public static String date(OffsetDateTime value, ZoneId zone) {
		return value == null ? "" : PeopleDates.dayOf(value, zone);
	}

	/** "1 december 2026 om 21:11"; empty for null. */
	public static String dateTime(OffsetDateTime value, ZoneId zone) {
		return value == null ? "" : PeopleDates.dateTime(value, zone);
	}

	/** "1 december 2026 21:11", the compact form of a timeline; empty for null. */
	static String stamp(OffsetDateTime value, ZoneId zone) {
		if (value == null) {
			return "";
		}
		ZonedDateTime local = value.atZoneSameInstant(zone);
		return PeopleDates.date(local) + String.format(" %02d:%02d", local.getHour(), local.getMinute());
	}

	/** The zone a case's own times are in: the offset of its submission. */
	static ZoneId zoneOf(CaseFile file) {
		return file.submittedAt() == null ? ZoneId.of("Europe/Amsterdam") : file.submittedAt().getOffset();
	}

}
