package nl.klachten.register;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference's text, written by hand for speed (issue 15), is what
 * {@code String.format("%s-%04d-%04d")} wrote, for every prefix, year and sequence; and
 * it reads back as the same reference (CONTRACT §4).
 */
class ReferenceNumberTextTests {

	@Property
	void shouldWriteWhatTheFormatWrote(@ForAll @AlphaChars @StringLength(min = 1, max = 5) String prefix,
			@ForAll int year, @ForAll int sequence) {
		assertThat(new ReferenceNumber(prefix, year, sequence))
			.hasToString(String.format("%s-%04d-%04d", prefix, year, sequence));
	}

	@Property
	void shouldReadBackWhatItWrites(@ForAll @AlphaChars @StringLength(min = 1, max = 5) String prefix,
			@ForAll @net.jqwik.api.constraints.IntRange(min = 1000, max = 9999) int year,
			@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 999_999_999) int sequence) {
		ReferenceNumber reference = new ReferenceNumber(prefix.toUpperCase(java.util.Locale.ROOT), year, sequence);
		assertThat(ReferenceNumber.parse(reference.toString())).contains(reference);
	}

}
