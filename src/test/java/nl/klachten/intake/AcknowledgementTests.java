package nl.klachten.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.klachten.register.NewComplaint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the acknowledgement repeats (R9, issue 9 and 11): a name only when it is only a
 * name, and the details it read by label, never by value, because it goes wherever the
 * From line points.
 */
class AcknowledgementTests {

	@ParameterizedTest(name = "[{0}] -> [{1}]")
	@CsvSource(delimiter = '|', nullValues = "NULL",
			textBlock = """
					Jan de Vries                                             | Jan de Vries
					'  Anna-Maria O''Brien  '                                | Anna-Maria O'Brien
					Maria Theresia Wilhelmina van den Heuvel-Oosterhout      | Maria Theresia Wilhelmina van den Heuvel-Oosterhout
					J.P. Balkenende                                          | J.P. Balkenende
					Zoë Çelik                                                | Zoë Çelik
					Klik hier http://evil.example                            | ''
					Bel 0900-123                                             | ''
					Prijs! Win nu                                            | ''
					-Jan                                                     | ''
					''                                                       | ''
					NULL                                                     | ''
					a b c d e f g h i                                        | ''
					""")
	void shouldRepeatNameOnlyWhenItIsOnlyAName(String name, String repeated) {
		assertThat(Acknowledgement.personName(name)).isEqualTo(repeated);
	}

	@Test
	void shouldRejectNameWhenLongerThanAName() {
		assertThat(Acknowledgement.personName("A".repeat(Acknowledgement.NAME_LENGTH + 1))).isEmpty();
		assertThat(Acknowledgement.personName("A".repeat(Acknowledgement.NAME_LENGTH))).hasSize(60);
	}

	@Test
	void shouldNameDetailsAndRepeatOnlyDaysWhenRecorded() {
		NewComplaint complaint = new NewComplaint("Klik hier http://evil.example", "a@example.org", "Bel 0900-123",
				"Utrecht", null, "Storing", "tekst", OffsetDateTime.parse("2026-11-30T08:01:00+01:00"),
				LocalDate.of(2026, 3, 1), false, "Piet", List.of("Wasmachine"), LocalDate.of(2026, 12, 7),
				LocalDate.of(2026, 12, 28));

		assertThat(Acknowledgement.recorded(complaint, "Storing")).containsExactly(
				java.util.Map.entry("Onderwerp", "Storing"), java.util.Map.entry("Ingediend", "30 november 2026"),
				java.util.Map.entry("Datum ontstaan", "1 maart 2026"),
				java.util.Map.entry("Ook vastgelegd", "uw naam, uw adres, uw woonplaats en het product"));
	}

}
