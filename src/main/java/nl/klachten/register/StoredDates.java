package nl.klachten.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import nl.klachten.committee.PeopleDates;

/**
 * The register's ISO dates and timestamps, as a {@link CaseFile} holds them, written for people
 * through {@link PeopleDates}. A value that is neither a date nor a timestamp (a purged or
 * hand-edited row) is shown as it is rather than failing a whole case file.
 */
public final class StoredDates {

	private StoredDates() {
	}

	/** "1 december 2026": a date as such, a timestamp as its day in {@code zone}; empty for null. */
	public static String date(String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return "";
		}
		try {
			return value.length() <= 10 ? PeopleDates.date(LocalDate.parse(value))
					: PeopleDates.dayOf(OffsetDateTime.parse(value), zone);
		}
		catch (DateTimeParseException ex) {
			return value;
		}
	}

	/** "1 december 2026 om 21:11" for a timestamp, "1 december 2026" for a date; empty for null. */
	public static String dateTime(String value, ZoneId zone) {
		OffsetDateTime moment = moment(value);
		return moment == null ? date(value, zone) : PeopleDates.dateTime(moment, zone);
	}

	/** "1 december 2026 21:11", the compact form of a timeline; a date alone for a date. */
	static String stamp(String value, ZoneId zone) {
		OffsetDateTime moment = moment(value);
		if (moment == null) {
			return date(value, zone);
		}
		ZonedDateTime local = moment.atZoneSameInstant(zone);
		return PeopleDates.date(local) + String.format(" %02d:%02d", local.getHour(), local.getMinute());
	}

	/** The zone a case's own timestamps were written in: the offset of its submission. */
	static ZoneId zoneOf(CaseFile file) {
		OffsetDateTime submitted = moment(file.submittedAt());
		return submitted == null ? ZoneId.of("Europe/Amsterdam") : submitted.getOffset();
	}

	private static OffsetDateTime moment(String value) {
		if (value == null || value.length() <= 10) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
