package nl.klachten.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The register details a complainant states in {@code Label: value} lines (R9, R19), in
 * Dutch or English: {@code Naam}/{@code Name}, {@code Adres}/{@code Address},
 * {@code Woonplaats}/{@code City}, {@code Product}, {@code Medewerker}/{@code Employee},
 * {@code Datum ontstaan}/{@code Date of
 * occurrence}, {@code Namens}/{@code On behalf of}. Only lines before quoted history
 * count.
 */
public record RegisterFields(String name, String address, String city, List<String> products, String employee,
		LocalDate aroseOn, String representativeOf) {

	public enum Field {

		NAME("naam", "name"), ADDRESS("adres", "address"), CITY("woonplaats", "city", "plaats"),
		PRODUCT("product", "producten", "products"), EMPLOYEE("medewerker", "employee"),
		AROSE_ON("datum ontstaan", "date of occurrence", "datum van ontstaan"),
		REPRESENTATIVE_OF("namens", "on behalf of");

		private final List<String> labels;

		Field(String... labels) {
			this.labels = List.of(labels);
		}

		static Optional<Field> of(String label) {
			String lower = label.strip().toLowerCase(Locale.ROOT);
			for (Field field : values()) {
				if (field.labels.contains(lower)) {
					return Optional.of(field);
				}
			}
			return Optional.empty();
		}

	}

	/**
	 * The blanks our own mail shows ({@code Adres: ...}), echoed back by a reply: not a
	 * value.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("[.…_\\-\\s]*");

	/**
	 * A field line is typed by a person: a longer line is text, not a field. The cap
	 * keeps the work on a hostile line (a megabyte of spaces after {@code Naam:}) small
	 * and linear.
	 */
	static final int MAX_LINE = 1_000;

	/**
	 * The prefix and label of a field line; the value is the rest of the line, stripped.
	 * Possessive quantifiers and no pattern for the value: a lazy value followed by
	 * {@code \s*$} was quadratic in the run of spaces on a line.
	 */
	private static final Pattern LABEL = Pattern.compile("[\\s*>]*+([A-Za-z][A-Za-z ]{1,25}?)\\s*+:");

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			pattern("d-M-uuuu", Locale.ROOT), pattern("d/M/uuuu", Locale.ROOT), pattern("d.M.uuuu", Locale.ROOT),
			pattern("d MMMM uuuu", Locale.forLanguageTag("nl")), pattern("d MMM uuuu", Locale.forLanguageTag("nl")),
			pattern("d MMMM uuuu", Locale.ENGLISH), pattern("MMMM d, uuuu", Locale.ENGLISH),
			pattern("d MMM uuuu", Locale.ENGLISH));

	public RegisterFields {
		products = List.copyOf(products);
	}

	public static RegisterFields from(String text) {
		Map<Field, String> found = new LinkedHashMap<>();
		List<String> products = new ArrayList<>();
		for (String line : text.split("\\R")) {
			Optional<Map.Entry<Field, String>> field = fieldLine(line);
			if (field.isEmpty()) {
				continue;
			}
			if (field.get().getKey() == Field.PRODUCT) {
				products.add(field.get().getValue());
			}
			else {
				found.putIfAbsent(field.get().getKey(), field.get().getValue());
			}
		}
		return new RegisterFields(found.get(Field.NAME), found.get(Field.ADDRESS), found.get(Field.CITY), products,
				found.get(Field.EMPLOYEE), date(found.get(Field.AROSE_ON)).orElse(null),
				found.get(Field.REPRESENTATIVE_OF));
	}

	/**
	 * The field a line states and its value; empty for quoted history, a line too long to
	 * be a field, text, an unknown label or a placeholder.
	 */
	private static Optional<Map.Entry<Field, String>> fieldLine(String line) {
		if (line.startsWith(">") || line.length() > MAX_LINE) {
			return Optional.empty();
		}
		Matcher matcher = LABEL.matcher(line);
		if (!matcher.lookingAt()) {
			return Optional.empty();
		}
		Optional<Field> field = Field.of(matcher.group(1));
		if (field.isEmpty()) {
			return Optional.empty();
		}
		String value = line.substring(matcher.end()).strip();
		if (PLACEHOLDER.matcher(value).matches()) {
			return Optional.empty();
		}
		return Optional.of(Map.entry(field.get(), value));
	}

	/**
	 * A date as people write it: ISO, {@code 3-2-2025}, {@code 3 februari 2025},
	 * {@code February 3, 2025}.
	 */
	public static Optional<LocalDate> date(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String cleaned = text.strip().replaceAll("\\s+", " ").replaceAll("[.,]$", "");
		for (DateTimeFormatter format : DATES) {
			try {
				return Optional.of(LocalDate.parse(cleaned, format));
			}
			catch (DateTimeParseException ex) {
				// try the next way of writing a date
			}
		}
		return Optional.empty();
	}

	private static DateTimeFormatter pattern(String pattern, Locale locale) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive()
			.appendPattern(pattern)
			.toFormatter(locale)
			.withResolverStyle(ResolverStyle.STRICT);
	}

	@Override
	public String toString() {
		return "RegisterFields[redacted]";
	}

}
