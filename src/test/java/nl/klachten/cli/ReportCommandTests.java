package nl.klachten.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import nl.klachten.register.ConstructedYear;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report --year} end to end against a constructed register file (CONTRACT §1). */
class ReportCommandTests {

	@TempDir
	static Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeAll
	static void build() {
		ConstructedYear.build(dir.resolve("register.db"));
	}

	@Test
	void shouldPrintDutchReportWhenFormatIsDefault() {
		int exit = run("--year", "2026", registerPath());
		assertThat(exit).isZero();
		assertThat(this.out.toString()).isEqualTo("""
				Jaarverslag klachten 2026
				Ingediend in 2026: 10

				Status
				  in behandeling:                  2
				  afgehandeld:                     7
				  ingetrokken:                     1

				Oordeel
				  gegrond:                         3
				  deels gegrond:                   1
				  ongegrond:                       3

				Beroep
				  ingesteld:                       3
				  nog zonder uitspraak:            1
				  uitspraak gegrond:               1
				  uitspraak ongegrond:             1

				Ontvangstbevestiging
				  binnen de termijn:               6
				  te laat:                         2
				  niet verstuurd:                  2

				Beslissing (7 beslist)
				  binnen de termijn:               4
				  binnen de verlengde termijn:     1
				  te laat:                         2

				Behandelduur in dagen
				  gemiddeld:                       30,86
				  mediaan:                         28

				Maatregelen
				  met maatregel:                   3
				  geen maatregel:                  2
				  afgehandeld, nog geen antwoord:  2
				""");
	}

	@Test
	void shouldPrintMetricValueRowsWhenFormatIsCsv() {
		int exit = run("--year", "2026", "--format", "csv", registerPath());
		assertThat(exit).isZero();
		assertThat(this.out.toString()).isEqualTo("""
				metric,value
				year,2026
				complaints,10
				status.in_behandeling,2
				status.afgehandeld,7
				status.ingetrokken,1
				assessment.gegrond,3
				assessment.deels_gegrond,1
				assessment.ongegrond,3
				appeals.filed,3
				appeals.pending,1
				appeals.outcome.gegrond,1
				appeals.outcome.ongegrond,1
				acknowledgements.within_term,6
				acknowledgements.late,2
				acknowledgements.none,2
				decisions.decided,7
				decisions.within_term,4
				decisions.within_extended_term,1
				decisions.late,2
				handling_days.mean,30.86
				handling_days.median,28
				measures.with_measure,3
				measures.no_measure,2
				measures.handled_without_answer,2
				""");
	}

	@Test
	void shouldExitTwoWhenYearIsNotFourDigits() {
		assertThat(run("--year", "26", registerPath())).isEqualTo(2);
		assertThat(this.err.toString()).contains("--year must be four digits");
		assertThat(this.out.toString()).isEmpty();
	}

	@Test
	void shouldExitTwoWhenYearIsMissing() {
		assertThat(run(registerPath())).isEqualTo(2);
		assertThat(this.err.toString()).contains("--year");
	}

	private int run(String... args) {
		CommandLine cli = new CommandLine(new ReportCommand());
		cli.setOut(new PrintWriter(this.out, true));
		cli.setErr(new PrintWriter(this.err, true));
		return cli.execute(args);
	}

	private static String registerPath() {
		return "--complaints.register.path=" + dir.resolve("register.db");
	}

}
