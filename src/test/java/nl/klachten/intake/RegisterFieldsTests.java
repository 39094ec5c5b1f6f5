package nl.klachten.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Label: value} lines of R9/R19, in Dutch and English. */
class RegisterFieldsTests {

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			Naam: Jan de Vries              | name    | Jan de Vries
			Name: John Smith                | name    | John Smith
			NAAM: Jan                       | name    | Jan
			naam :   Jan                    | name    | Jan
			Adres: Dorpsstraat 1            | address | Dorpsstraat 1
			Address: 1 Main Street          | address | 1 Main Street
			Woonplaats: Utrecht             | city    | Utrecht
			City: Amsterdam                 | city    | Amsterdam
			Plaats: Huissen                 | city    | Huissen
			Medewerker: Piet                | employee| Piet
			Employee: Pete                  | employee| Pete
			Namens: Mijn moeder             | representativeOf | Mijn moeder
			On behalf of: My mother         | representativeOf | My mother
			> Naam: Gequote Naam            | name    | NONE
			>> Naam: Gequote Naam           | name    | NONE
			Leeftijd: 40                    | name    | NONE
			Onbekend label: x               | address | NONE
			Adres: ...                      | address | NONE
			Woonplaats: …                   | city    | NONE
			Naam: ___                       | name    | NONE
			""")
	void shouldReadLabelWhenLineHasKnownLabel(String line, String field, String expected) {
		RegisterFields fields = RegisterFields.from("Geachte commissie,\n\n" + line + "\n\nGroet");
		String actual = switch (field) {
			case "name" -> fields.name();
			case "address" -> fields.address();
			case "city" -> fields.city();
			case "employee" -> fields.employee();
			case "representativeOf" -> fields.representativeOf();
			default -> throw new IllegalArgumentException(field);
		};
		assertThat(actual).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			Datum ontstaan: 2025-03-12        | 2025-03-12
			Datum ontstaan: 12-3-2025         | 2025-03-12
			Datum ontstaan: 12-03-2025        | 2025-03-12
			Datum ontstaan: 12/3/2025         | 2025-03-12
			Datum ontstaan: 12.3.2025         | 2025-03-12
			Datum ontstaan: 12 maart 2025     | 2025-03-12
			Datum ontstaan: 12 MAART 2025     | 2025-03-12
			Datum van ontstaan: 1 januari 2024| 2024-01-01
			Date of occurrence: March 12, 2025| 2025-03-12
			Date of occurrence: 12 March 2025 | 2025-03-12
			DATE OF OCCURRENCE: 2025-03-12    | 2025-03-12
			Datum ontstaan: gisteren          | NONE
			Datum ontstaan: 31-2-2025         | NONE
			> Datum ontstaan: 2025-03-12      | NONE
			""")
	void shouldParseDateWhenWrittenAsPeopleDo(String line, String expected) {
		RegisterFields fields = RegisterFields.from(line);
		assertThat(fields.aroseOn()).isEqualTo(expected == null ? null : LocalDate.parse(expected));
	}

	@Test
	void shouldCollectEveryProductWhenSeveralProductLinesAppear() {
		RegisterFields fields = RegisterFields
			.from("Product: Glasvezel\nProducten: TV-pakket\nProducts: Telefonie\n" + "> Product: Gequoot\n");
		assertThat(fields.products()).containsExactly("Glasvezel", "TV-pakket", "Telefonie");
	}

	@Test
	void shouldKeepFirstValueWhenLabelRepeats() {
		RegisterFields fields = RegisterFields.from("Naam: Eerste\nNaam: Tweede\n");
		assertThat(fields.name()).isEqualTo("Eerste");
	}

	@Test
	void shouldIgnoreQuotedHistoryWhenReplyQuotesEarlierMail() {
		RegisterFields fields = RegisterFields.from("""
				Woonplaats: Zeist

				Op 1 maart schreef de commissie:
				> Naam: ...
				> Adres: ...
				""");
		assertThat(fields.city()).isEqualTo("Zeist");
		assertThat(fields.name()).isNull();
		assertThat(fields.address()).isNull();
		assertThat(fields.products()).isEqualTo(List.of());
	}

	@Test
	void shouldFindNothingWhenTextIsEmpty() {
		RegisterFields fields = RegisterFields.from("");
		assertThat(fields.name()).isNull();
		assertThat(fields.aroseOn()).isNull();
		assertThat(RegisterFields.date(null)).isEqualTo(Optional.empty());
	}

	@Test
	void shouldNotPrintValuesWhenConvertedToString() {
		// R8: a record's generated toString would print the complainant's details
		assertThat(RegisterFields.from("Naam: Geheim").toString()).doesNotContain("Geheim");
	}

}
