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

/**
 * {@code purge [--as-of] [--dry-run]} against a constructed register file (CONTRACT §1,
 * R20).
 */
class PurgeCommandIntegrationTests {

	@TempDir
	static Path dir;

	@BeforeAll
	static void build() {
		ConstructedYear.build(dir.resolve("register.db"));
	}

	@Test
	void shouldListWithoutChangingAnythingWhenDryRun() {
		StringWriter first = new StringWriter();
		assertThat(run(first, "--dry-run", "--as-of", "2026-12-01", registerPath())).isZero();
		assertThat(first.toString()).startsWith("Would purge as of 2026-12-01:")
			.contains("KK-2025-0002")
			.doesNotContain("KK-2026-");
		StringWriter second = new StringWriter();
		assertThat(run(second, "--dry-run", "--as-of", "2026-12-01", registerPath())).isZero();
		assertThat(second.toString()).isEqualTo(first.toString());
	}

	@Test
	void shouldPurgeOnlyCasesPastRetentionWhenRun() {
		StringWriter out = new StringWriter();
		assertThat(run(out, "--as-of", "2026-12-01", registerPath())).isZero();
		assertThat(out.toString()).startsWith("Purged as of 2026-12-01:").contains("KK-2025-0002");
		StringWriter again = new StringWriter();
		assertThat(run(again, "--dry-run", "--as-of", "2026-12-01", registerPath())).isZero();
		assertThat(again.toString()).contains("0 case(s)");
	}

	@Test
	void shouldExitTwoWhenDateIsMalformed() {
		StringWriter err = new StringWriter();
		int exit = ComplaintsCli.execute(new String[] { "purge", "--as-of", "1-12-2026", registerPath() },
				new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString()).isEqualTo("complaints: --as-of must be a date (YYYY-MM-DD), not: 1-12-2026\n");
	}

	private static int run(StringWriter out, String... args) {
		CommandLine cli = new CommandLine(new PurgeCommand());
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(new StringWriter(), true));
		return cli.execute(args);
	}

	private static String registerPath() {
		return "--complaints.register.path=" + dir.resolve("register.db");
	}

}
