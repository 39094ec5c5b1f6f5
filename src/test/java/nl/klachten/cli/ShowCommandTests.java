package nl.klachten.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import picocli.CommandLine;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show REF} and {@code show --full REF} against a register file (CONTRACT §1,
 * issue 11): the substance and a line per letter by default, every letter in full with
 * {@code --full}, and in both no control character from mail text reaches the terminal.
 */
class ShowCommandTests {

	@TempDir
	static Path dir;

	@BeforeAll
	static void build() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + dir.resolve("register.db"));
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql(
				"""
						INSERT INTO complaint (id, reference, status, complainant_name, complainant_email, subject, description,
						    submitted_at, acknowledge_due, decision_due, assessment, decided_at, manner, arguments, solution)
						VALUES (1, 'KK-2026-0001', 'afgehandeld', 'Anna de Boer', 'anna@example.org', 'Glasvezel valt uit',
						    'Mijn glasvezel valt elke avond uit.', '2026-11-30T08:01:00+01:00', '2026-12-14', '2026-12-28',
						    'gegrond', '2026-12-03', 'schriftelijk per e-mail', 'Het lag aan ons.', 'Wij betalen € 50 terug.')""")
			.update();
		letter(jdbc, "in", "committee", "GEGROND\n\nHet lag aan ons.\nOplossing: Wij betalen € 50 terug.");
		letter(jdbc, "out", "decision", "Geachte Anna de Boer,\n\nUw klacht is gegrond.\u001b[2J");
		letter(jdbc, "out", "command-confirmation", "Uitgevoerd.\n\nWat nu? Beantwoord deze e-mail.");
	}

	@Test
	void shouldPrintTheSubstanceAndOneLinePerLetterWhenShowing() {
		String shown = run("KK-2026-0001");

		assertThat(shown).contains("Status: afgehandeld op 3 december 2026 (gegrond)")
			.contains("Voorgestelde oplossing:\n  Wij betalen € 50 terug.")
			.contains("3 december 2026 14:02    commissie: GEGROND (bevestigd)")
			.contains("3 december 2026 14:02    beslissing verstuurd aan de klager")
			.doesNotContain("Wat nu?")
			.doesNotContain("Uw klacht is gegrond.");
	}

	@Test
	void shouldPrintEveryLetterInFullAndNoEscapeWhenShowingFull() {
		String shown = run("--full", "KK-2026-0001");

		assertThat(shown).contains("Voorgestelde oplossing:")
			.contains("Uw klacht is gegrond.")
			.contains("Wat nu?")
			.doesNotContain("\u001b")
			.doesNotContain("[2J");
	}

	private static void letter(JdbcClient jdbc, String direction, String kind, String text) {
		jdbc.sql("""
				INSERT INTO correspondence (complaint_id, direction, at, sender, recipients, subject, message_id, kind,
				    body, new_text)
				VALUES (1, ?, '2026-12-03T14:02:00+01:00', 'NCJansen@klikklaar.com', 'anna@example.org', 'Onderwerp',
				    ?, ?, ?, ?)""").params(direction, kind + "@example.org", kind, text, text).update();
	}

	/** Runs {@code show} as the command line does; its case file goes to standard out. */
	private static String run(String... args) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			CommandLine cli = new CommandLine(new ShowCommand());
			StringWriter err = new StringWriter();
			cli.setErr(new PrintWriter(err));
			String[] all = java.util.Arrays.copyOf(args, args.length + 1);
			all[args.length] = "--complaints.register.path=" + dir.resolve("register.db");
			assertThat(cli.execute(all)).as(err.toString()).isZero();
		}
		finally {
			System.setOut(original);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

}
