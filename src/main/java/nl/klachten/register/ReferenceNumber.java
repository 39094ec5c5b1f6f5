package nl.klachten.register;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case's reference, {@code PREFIX-YYYY-NNNN} (CONTRACT §4): year of submission,
 * sequence per year.
 */
public record ReferenceNumber(String prefix, int year, int sequence) {

	private static final Pattern FORMAT = Pattern.compile("([A-Za-z]+)-(\\d{4})-(\\d{4,9})");

	public static Optional<ReferenceNumber> parse(String text) {
		Matcher matcher = FORMAT.matcher(text.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new ReferenceNumber(matcher.group(1).toUpperCase(java.util.Locale.ROOT),
				Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
	}

	@Override
	public String toString() {
		return String.format("%s-%04d-%04d", this.prefix, this.year, this.sequence);
	}

}
