package nl.klachten.outbound;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.stream.Stream;

import nl.klachten.register.Appeals;
import nl.klachten.register.CaseStanding;
import nl.klachten.register.RegisteredComplaint.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-line state at the top of a chair mail (issue 11), one row per state a case can
 * be in.
 */
class StateLineTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private static final LocalDate DUE = LocalDate.of(2026, 12, 29);

	private static final OffsetDateTime DEC_3 = OffsetDateTime.parse("2026-12-03T10:15:00+01:00");

	static Stream<Arguments> states() {
		return Stream.of(
				Arguments.of("open, nothing asked", open(DUE, false, false, null), TODAY,
						"in behandeling — beslissen uiterlijk 29 dec"),
				Arguments.of("open, waiting on the complainant",
						open(DUE, false, false, new CaseStanding.Waiting("question-complainant", DEC_3)), TODAY,
						"in behandeling — wacht op klager sinds 3 dec — beslissen uiterlijk 29 dec"),
				Arguments.of("open, waiting on the employee",
						open(DUE, false, false, new CaseStanding.Waiting("question-employee", DEC_3)), TODAY,
						"in behandeling — wacht op medewerker sinds 3 dec — beslissen uiterlijk 29 dec"),
				Arguments.of("open, waiting on management",
						open(DUE, false, false, new CaseStanding.Waiting("management-file", DEC_3)), TODAY,
						"in behandeling — wacht op directie sinds 3 dec — beslissen uiterlijk 29 dec"),
				Arguments.of("open, extended", open(LocalDate.of(2027, 1, 12), true, false, null), TODAY,
						"in behandeling — beslissen uiterlijk 12 jan (verlengd)"),
				Arguments.of("open, due today is not late", open(TODAY, false, false, null), TODAY,
						"in behandeling — beslissen uiterlijk 5 dec"),
				Arguments.of("open, past its term", open(LocalDate.of(2026, 12, 1), false, false, null), TODAY,
						"in behandeling — beslistermijn verstreken op 1 dec (4 dagen)"),
				Arguments.of("open, one day past its term", open(LocalDate.of(2026, 12, 4), false, false, null), TODAY,
						"in behandeling — beslistermijn verstreken op 4 dec (1 dag)"),
				Arguments.of("open, submitted late", open(DUE, false, true, null), TODAY,
						"in behandeling — beslissen uiterlijk 29 dec — buiten termijn ingediend"),
				Arguments.of("decided", handled("deels_gegrond", null), TODAY, "afgehandeld: deels gegrond op 3 dec"),
				Arguments.of("decided, appeal pending",
						handled("ongegrond",
								new Appeals.Appeal(1, DEC_3.plusDays(1), LocalDate.of(2027, 1, 29), "", null, null)),
						TODAY,
						"afgehandeld: ongegrond op 3 dec — beroep ingesteld 4 dec — uitspraak beroep uiterlijk 29 jan"),
				Arguments.of("decided, appeal past its term",
						handled("ongegrond", new Appeals.Appeal(1, DEC_3, LocalDate.of(2026, 12, 4), "", null, null)),
						TODAY,
						"afgehandeld: ongegrond op 3 dec — beroep ingesteld 3 dec — uitspraak beroep was uiterlijk 4 dec"),
				Arguments.of("decided, appeal decided",
						handled("gegrond", new Appeals.Appeal(1, DEC_3, DUE, "", "ongegrond", TODAY)), TODAY,
						"afgehandeld: gegrond op 3 dec — beroep ongegrond op 5 dec"),
				Arguments.of("withdrawn",
						new CaseStanding("", Status.INGETROKKEN, DUE, false, false, null, null, null, null), TODAY,
						"ingetrokken door de klager"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("states")
	void shouldSummariseCaseInOneLineWhenInState(String state, CaseStanding summary, LocalDate today, String expected) {
		assertThat(StateLine.of(summary, today)).isEqualTo(expected);
	}

	private static CaseStanding open(LocalDate due, boolean extended, boolean late, CaseStanding.Waiting waiting) {
		return new CaseStanding("Anna", Status.IN_BEHANDELING, due, extended, late, null, null, waiting, null);
	}

	private static CaseStanding handled(String assessment, Appeals.Appeal appeal) {
		return new CaseStanding("Anna", Status.AFGEHANDELD, DUE, false, false, assessment, DEC_3.toLocalDate(), null,
				appeal);
	}

}
