package nl.klachten.commands;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT §5: a first word close to a keyword is refused with "bedoelde u ...?". Close
 * is an edit distance of at most 2 for keywords of five letters or more and 1 for shorter
 * ones, a missing or extra hyphen, or a space for the hyphen. Words far from every
 * keyword get no suggestion, and a keyword itself is no near miss.
 */
class NearMissTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|',
			value = { "MEDEWERKR Piet <piet@klikklaar.com>|MEDEWERKER", "medewerkers Piet|MEDEWERKER",
					"DEELSGEGROND|DEELS-GEGROND", "DEELS GEGROND|DEELS-GEGROND", "VRAAG KLAGER|VRAAG-KLAGER",
					"vraag medewerker|VRAAG-MEDEWERKER", "VRAAGKLAGER|VRAAG-KLAGER", "GEEN MAATREGEL|GEEN-MAATREGEL",
					"VERLENGEN 2 weken|VERLENG", "VERLNG 2 weken|VERLENG", "ONGEGRON|ONGEGROND", "GEGRNOD|GEGROND",
					"HLP|HELP", "HLEP|HELP", "STAUTS|STATUS", "HELPP|HELP", "STATSU|STATUS", "STATUS?|STATUS",
					"OVERZIHCT|OVERZICHT", "WOONPLAATSS Utrecht|WOONPLAATS", "DATUM ONTSTAAN 2026-03-01|DATUM-ONTSTAAN",
					"NOTITE bel terug|NOTITIE", "EMPLOYE Piet|EMPLOYEE", "ASK COMPLAINANT|ASK-COMPLAINANT",
					"BEROEP GEGROND|BEROEP-GEGROND", "*MEDEWERKR* Piet|MEDEWERKER", "MAATREGELS: training|MAATREGEL",
					"HEROPENEN|HEROPEN" })
	void shouldSuggestTheKeywordWhenTheFirstWordIsClose(String line, String meant) {
		assertThat(NearMiss.suggest(line)).containsExactly(meant);
	}

	@ParameterizedTest(name = "{0} -> {1} or {2}")
	@CsvSource({ "NGEGROND, GEGROND, ONGEGROND" })
	void shouldNameBothWhenTwoKeywordsAreEquallyClose(String line, String one, String other) {
		assertThat(NearMiss.suggest(line)).containsExactlyInAnyOrder(one, other);
		assertThat(NearMiss.question(NearMiss.suggest(line))).isEqualTo("bedoelde u " + one + " of " + other + "?");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "VERWIJDER alles", "Graag uw aandacht", "Beste klager heeft gelijk GEGROND", "Dank je wel",
			"De klant heeft gelijk", "GEGRONDDDD", "HLLPP", "MEDEWERKER Piet", "GEGROND", "STATUS", "Bedankt!", "",
			"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ", "Onbekend", "OK" })
	void shouldSuggestNothingWhenTheWordIsFarFromEveryKeywordOrIsOne(String line) {
		assertThat(NearMiss.suggest(line)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Medewerkers waren te laat.", "Directe actie was nodig.", "Hulp kwam niet",
			"Verlengd tot mei" })
	void shouldNotTakeASentenceUnderACommandForAKeywordWhenItIsNotInCapitals(String line) {
		assertThat(NearMiss.suggest(line)).as("a first line is still answered").isNotEmpty();
		assertThat(NearMiss.suggestCapitalised(line)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "PRODCT Koelkast", "MEDEWERKR Piet", "VRAAG KLAGER" })
	void shouldFlagALineInCapitalsUnderACommand(String line) {
		assertThat(NearMiss.suggestCapitalised(line)).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 31, 100, 5_000 })
	void shouldNotCompareAWordLongerThanAnyKeyword(int length) {
		assertThat(NearMiss.suggest("M".repeat(length) + " Piet")).isEqualTo(List.of());
		assertThat(NearMiss.suggest("*".repeat(length) + "x")).isEqualTo(List.of());
	}

}
