package nl.klachten.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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
 * {@code digest --dry-run --as-of} end to end against a register file (CONTRACT §1, R8).
 */
class DigestCommandTests {

	static final String MARKER = "CANARY-91c2-COMPLAINT-TEXT";

	@TempDir
	static Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeAll
	static void build() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + dir.resolve("register.db"));
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient.create(dataSource).sql("""
				INSERT INTO complaint (reference, complainant_name, complainant_email, subject, description,
				    submitted_at, acknowledge_due, decision_due)
				VALUES ('KK-2026-0001', 'Anna de Boer', 'anna@example.org', 'Glasvezel valt uit', ?,
				    '2026-02-01T10:00+01:00', '2026-02-15', '2026-03-01')""").param(MARKER).update();
	}

	@Test
	void shouldPrintDigestAsOfDayWhenDryRun() {
		int exit = run("--dry-run", "--as-of", "2026-03-10", registerPath());
		assertThat(exit).isZero();
		assertThat(this.out.toString()).contains("Dagoverzicht klachten 10 maart 2026")
			.contains("Over termijn")
			.contains("KK-2026-0001  1 maart 2026  Anna de Boer: Glasvezel valt uit")
			.doesNotContain(MARKER);
		int queued = JdbcClient.create(dataSource()).sql("SELECT count(*) FROM outbox").query(Integer.class).single();
		assertThat(queued).isZero();
	}

	@Test
	void shouldExitTwoWhenAsOfIsNotADate() {
		int exit = ComplaintsCli.execute(
				new String[] { "digest", "--dry-run", "--as-of", "10-03-2026", registerPath() },
				new PrintWriter(this.out, true), new PrintWriter(this.err, true));
		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString()).isEqualTo("complaints: --as-of must be a date (YYYY-MM-DD), not: 10-03-2026\n");
		assertThat(this.out.toString()).isEmpty();
	}

	private int run(String... args) {
		CommandLine cli = new CommandLine(new DigestCommand());
		cli.setOut(new PrintWriter(this.out));
		cli.setErr(new PrintWriter(this.err));
		return cli.execute(args);
	}

	private static String registerPath() {
		return "--complaints.register.path=" + dir.resolve("register.db");
	}

	private static SQLiteDataSource dataSource() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + dir.resolve("register.db"));
		return dataSource;
	}

}
