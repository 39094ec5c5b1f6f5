package nl.klachten.intake;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachment names as shown and stored (issue 9): a bidi control must not make an .exe
 * look like a .pdf.
 */
class SafeFileNameTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			invoice\u202Efdp.exe            | invoicefdp.exe
			\u202Aa\u202B\u202C\u202Db.pdf   | ab.pdf
			\u2066x\u2067\u2068\u2069y.txt   | xy.txt
			mark\u200E\u200F\u061C.doc       | mark.doc
			rapport.pdf                      | rapport.pdf
			""")
	void shouldDropBidiControlsWhenNameHoldsThem(String name, String expected) {
		assertThat(SafeFileName.of(name, "application/octet-stream")).isEqualTo(expected);
	}

}
