package nl.klachten.cli;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.klachten.register.CaseFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's decision (CONTRACT §6): the proposed solution as a JSON field and a CSV
 * scalar column, null when none.
 */
class RegisterExportTests {

	@Test
	void shouldExportTheProposedSolutionInJsonAndCsvWhenTheDecisionHasOne() {
		RegisterExport export = new RegisterExport(List.of(aFile("Wij betalen € 50 terug."), aFile(null)), "default");

		String json = new String(export.json(), StandardCharsets.UTF_8);
		assertThat(json).contains("\"solution\" : \"Wij betalen € 50 terug.\"").contains("\"solution\" : null");
		List<String> csv = new String(export.csv(), StandardCharsets.UTF_8).lines().toList();
		assertThat(csv.get(0)).contains(",manner,solution,appeal_filed_at,");
		assertThat(csv.get(1)).contains(",\"schriftelijk per e-mail\",\"Wij betalen € 50 terug.\",");
		assertThat(csv.get(2)).contains(",\"schriftelijk per e-mail\",,");
	}

	private static CaseFile aFile(String solution) {
		return new CaseFile("KK-2026-0007", "afgehandeld", "Anna de Boer", "anna@example.org", null, null, null,
				"Storing", "Mijn glasvezel valt uit.", OffsetDateTime.parse("2026-11-30T08:01:00+01:00"), null, false,
				null, null, List.of(), LocalDate.parse("2026-12-14"), LocalDate.parse("2026-12-28"), List.of(), false,
				new CaseFile.Decision("gegrond", LocalDate.parse("2026-12-03"), "schriftelijk per e-mail",
						"Argumenten.", solution),
				null, List.of(), List.of(), List.of(), false);
	}

}
