package nl.klachten.register;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one stored form of a moment: an ISO-8601 instant in UTC with exactly nine fraction
 * digits, {@code 2026-12-01T20:11:00.000000000Z}. The width never varies, so text order
 * is time order and SQL can compare and sort the column as it stands (an
 * {@link Instant#toString()} drops zero fractions, and {@code 20:11:00Z} sorts after
 * {@code 20:11:00.5Z}); and nine digits hold every {@link Instant} the clock gives, so
 * nothing read back differs from what was written. Dates stay {@code YYYY-MM-DD}. Before
 * V15 three forms were stored (an offset timestamp, an instant of any width, a bare
 * date); V15 rewrote the first two and left the rest. {@link #read} still reads any ISO
 * timestamp, and {@link #readLegacy} also a bare date as the start of its day, which is
 * how retention always counted one. Times shown to people or exported are put in the
 * committee's zone when read ({@link #readAt}), never stored with an offset.
 */
public final class Timestamps {

	private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	/** The stored form of {@code instant}; null for null. */
	public static String write(Instant instant) {
		return instant == null ? null : STORED.format(instant);
	}

	/**
	 * The moment a stored value stands for; null for null, blank or a value that is not a
	 * timestamp (a hand-edited row the migration left as it was). An ISO timestamp with
	 * another offset reads as the same moment, as any ISO-8601 reader would.
	 */
	public static Instant read(String value) {
		return readLegacy(value, ZoneOffset.UTC, false);
	}

	/**
	 * A stored date ({@code YYYY-MM-DD}); a timestamp with offset in a date column (an
	 * older register's) as its date there; null for null or anything else (a hand-edited
	 * row).
	 */
	public static LocalDate date(String value) {
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
				int year = digits(value, 0, 4);
				int month = digits(value, 5, 7);
				int day = digits(value, 8, 10);
				if ((year | month | day) >= 0) {
					return LocalDate.of(year, month, day);
				}
			}
			return value.length() <= 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).toLocalDate();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * The one stored form read without a formatter: the export reads several per case,
	 * and over 100,000 cases the general parser was a sixth of its time (issue 15). Null
	 * when {@code value} is not exactly that form, for the general parser to read.
	 */
	private static Instant storedForm(String value) {
		if (value.length() != 30 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
				|| value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != '.'
				|| value.charAt(29) != 'Z') {
			return null;
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 7);
		int day = digits(value, 8, 10);
		int hour = digits(value, 11, 13);
		int minute = digits(value, 14, 16);
		int second = digits(value, 17, 19);
		int nano = digits(value, 20, 29);
		if ((year | month | day | hour | minute | second | nano) < 0) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The ASCII digits of {@code value} from {@code from} to {@code to}, or -1. */
	private static int digits(String value, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

	/**
	 * The stored moment as a time in {@code zone}, the committee's; null as
	 * {@link #read}.
	 */
	public static OffsetDateTime readAt(String value, ZoneId zone) {
		Instant at = read(value);
		return at == null ? null : at.atZone(zone).toOffsetDateTime();
	}

	/**
	 * A stored value in any form the register ever wrote: an ISO timestamp with offset,
	 * an instant, or (when {@code dates} is true) a bare date, read as the start of that
	 * day in {@code zone}. Null for null, blank or anything else.
	 */
	public static Instant readLegacy(String value, ZoneId zone, boolean dates) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant at = timestamp(value);
		return at != null || !dates ? at : startOfDay(value, zone);
	}

	/**
	 * An ISO timestamp with offset (the common form) or an instant; null for anything
	 * else.
	 */
	private static Instant timestamp(String value) {
		Instant stored = storedForm(value);
		if (stored != null) {
			return stored;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// an offset is the common form; an instant is the other
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A bare date as the start of that day in {@code zone}; null for anything else. */
	private static Instant startOfDay(String value, ZoneId zone) {
		try {
			return LocalDate.parse(value).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
