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
		// by hand, not String.format: written for every letter of every mail (a profile
		// found
		// String.format's parsing of its pattern at 3% of the intake's CPU)
		StringBuilder text = new StringBuilder(this.prefix.length() + 10).append(this.prefix).append('-');
		return pad(pad(text, this.year).append('-'), this.sequence).toString();
	}

	/** As {@code %04d}: four characters at least, zeros after a minus sign. */
	private static StringBuilder pad(StringBuilder text, long value) {
		String digits = Long.toString(Math.abs(value));
		int width = 4;
		if (value < 0) {
			text.append('-');
			width--;
		}
		for (int i = digits.length(); i < width; i++) {
			text.append('0');
		}
		return text.append(digits);
	}

}
