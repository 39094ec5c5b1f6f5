package nl.klachten.committee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict addr-spec (issue 9, CONTRACT §5): one recipient, never more, folded in ASCII
 * only.
 */
class EmailAddressTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "NCJansen@klikklaar.com, ncjansen@klikklaar.com", "jan.de.vries@example.org, jan.de.vries@example.org",
			"o'brien+klacht@Example.COM, o'brien+klacht@example.com", "a@b, a@b",
			"x_y-z@mail-1.example.org, x_y-z@mail-1.example.org" })
	void shouldFoldAsciiWhenAddressIsStrict(String text, String folded) {
		assertThat(EmailAddress.parse(text)).map(EmailAddress::value).hasValue(folded);
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "", "jan", "@example.org", "jan@", "jan@@example.org", "a@b@example.org",
			"\"kenny@klikklaar.com,x\"@evil.example", "kenny@klikklaar.com,x@evil.example", "jan @example.org",
			"jan@example.org ", "jan@example.org.", "jan.@example.org", ".jan@example.org", "j..an@example.org",
			"jan@exa mple.org", "jan@-example.org", "jan@example-.org", "jan@example..org", "jan@exam_ple.org",
			"=?utf-8?q?chair?=@klikklaar.com", "chair@=?utf-8?q?klikklaar.com?=", "NCJansen@\u212Alikklaar.com",
			"\u212Aenny@klikklaar.com", "j\u00e9@example.org", "jan@ex\u00e4mple.org", "jan\r\n@example.org",
			"jan\u0000@example.org", "<jan@example.org>", "Jan <jan@example.org>", "jan@[127.0.0.1]",
			"jan@example.org;x@evil.example" })
	void shouldRefuseWhenAddressIsNotStrict(String text) {
		assertThat(EmailAddress.parse(text)).isEmpty();
	}

	@Test
	void shouldRefuseWhenLocalPartOrAddressIsTooLong() {
		assertThat(EmailAddress.isValid("a".repeat(64) + "@example.org")).isTrue();
		assertThat(EmailAddress.isValid("a".repeat(65) + "@example.org")).isFalse();
		assertThat(EmailAddress
			.isValid("a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(61)))
			.isFalse();
	}

	// the Kelvin sign lower-cases to "k" under Locale.ROOT; ASCII folding leaves it alone
	@Test
	void shouldFoldOnlyAsciiWhenTextHasLookAlikes() {
		assertThat(EmailAddress.fold("NC\u212AJansen\u0130")).isEqualTo("nc\u212Ajansen\u0130");
	}

}
