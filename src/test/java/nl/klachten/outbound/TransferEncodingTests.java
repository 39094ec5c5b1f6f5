package nl.klachten.outbound;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeUtility;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the composer sets each text part's transfer encoding itself, so that Jakarta
 * Mail does not write the text an extra time to choose it. The choice must be Jakarta
 * Mail's, or the mails would change: compared with {@code MimeUtility.getEncoding} on the
 * same text.
 */
class TransferEncodingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "Geachte heer Jansen,|7bit", "Geachte heer Janssen, café|quoted-printable", "€€€€ a|base64",
					"tab\tand DEL \u007f in ASCII|quoted-printable", "😀😀 ab|base64", "lone \ud800 surrogate|7bit" })
	void shouldChooseAsJakartaMailChooses(String text, String expected) throws Exception {
		assertThat(TransferEncoding.of(text)).isEqualTo(expected).isEqualTo(jakarta(text));
	}

	@ParameterizedTest
	@CsvSource({ "998, 7bit", "999, quoted-printable" })
	void shouldChooseQuotedPrintableForALineOverNineHundredNinetyEightBytes(int length, String expected)
			throws Exception {
		String text = "kort\n" + "x".repeat(length) + "\r\nkort";
		assertThat(TransferEncoding.of(text)).isEqualTo(expected).isEqualTo(jakarta(text));
	}

	@Property(tries = 500)
	void shouldAgreeWithJakartaMailOnAnyText(@ForAll("texts") String text) throws Exception {
		assertThat(TransferEncoding.of(text)).isEqualTo(jakarta(text));
	}

	@Provide
	Arbitrary<String> texts() {
		Arbitrary<Character> ascii = Arbitraries.chars().range(' ', '~');
		Arbitrary<Character> odd = Arbitraries.of('\r', '\n', '\t', '\u0000', '\u001b', '\u007f', 'é', 'ß', '€',
				'\u4e2d', '\ud83d', '\ude00', '\ufeff');
		Arbitrary<String> lines = Arbitraries
			.frequencyOf(net.jqwik.api.Tuple.of(8, ascii.map(String::valueOf)),
					net.jqwik.api.Tuple.of(2, odd.map(String::valueOf)),
					net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(990, 1010).map("y"::repeat)))
			.list()
			.ofMaxSize(60)
			.map((parts) -> String.join("", parts));
		return lines;
	}

	private static String jakarta(String text) throws Exception {
		return MimeUtility.getEncoding(new DataHandler(text, "text/plain; charset=UTF-8"));
	}

}
