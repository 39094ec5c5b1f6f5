package nl.klachten.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's answers to mistakes (CONTRACT §1, issue 11): an unknown option is
 * named with the nearest known one, Spring settings pass, and every failure is one line
 * on stderr with exit 2 for bad usage and 1 for a failure; nothing on stdout, no stack
 * trace, no usage text.
 */
class CommandLineErrorsTests {

	@TempDir
	static Path dir;

	/** Arguments, then the one line expected on stderr. */
	static Stream<Arguments> usageErrors() {
		return Stream.of(usage("unknown option --fromat (did you mean --format?)", "export", "--fromat", "json"),
				usage("unknown option --fromat (did you mean --format?)", "export", "--fromat=json"),
				usage("unknown option --outt (did you mean --out?)", "export", "--format", "json", "--outt", "x.json"),
				usage("unknown option --yaer (did you mean --year?)", "report", "--yaer", "2026"),
				usage("unknown option --dryrun (did you mean --dry-run?)", "digest", "--dryrun"),
				usage("unknown option --as-off (did you mean --as-of?)", "purge", "--as-off", "2026-12-01"),
				usage("unknown option --banana", "show", "KK-2026-0001", "--banana"),
				usage("unknown option -x", "show", "KK-2026-0001", "-x"),
				usage("unknown option --complaint.register.path (did you mean --complaints.register.path?)", "export",
						"--format", "json", "--complaint.register.path=/tmp/r.db"),
				usage("unknown option --fromat", "run", "--fromat", "json"), usage("unknown option --bogus", "--bogus"),
				usage("unknown command exprot (did you mean export?)", "exprot", "--format", "json"),
				usage("unexpected argument KK-2026-0002 (see complaints show --help)", "show", "KK-2026-0001",
						"KK-2026-0002"),
				usage("Missing required option: '--format=<format>'", "export"),
				usage("expected one of [json, csv] (case-sensitive) but was 'xml'", "export", "--format", "xml"),
				usage("--as-of must be a date (YYYY-MM-DD), not: 10-03-2026", "digest", "--dry-run", "--as-of",
						"10-03-2026"),
				usage("--year must be four digits (YYYY), not: 26", "report", "--year", "26"),
				usage("not a reference number: 2026-7", "show", "2026-7"));
	}

	@ParameterizedTest
	@MethodSource("usageErrors")
	void shouldAnswerInOneLineWithExitTwoWhenUsageIsWrong(String expected, List<String> args) {
		Result result = run(args.toArray(String[]::new));
		assertThat(result.err()).isEqualTo("complaints: " + expected + "\n");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
	}

	/**
	 * Every Spring prefix passes to Spring: the command gets as far as the register,
	 * which is not there (exit 1), instead of refusing the option (exit 2); and no
	 * register is created.
	 */
	@ParameterizedTest
	@CsvSource({ "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--management.server.port=0",
			"--server.port=0", "--complaints.reference.prefix=KK" })
	void shouldPassSpringSettingsWhenPrefixIsKnown(String setting) {
		Path missing = dir.resolve("absent").resolve("register.db");
		Result result = run("export", "--format", "json", setting, "--complaints.register.path=" + missing);
		assertThat(result.err()).isEqualTo("complaints: no register at " + missing
				+ " (start the processor once to create it, or give --complaints.register.path=FILE)\n");
		assertThat(result.exit()).isEqualTo(1);
		assertThat(missing.getParent()).doesNotExist();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "export --format json", "export --format csv", "show KK-2026-0001",
			"report --year 2026", "digest --dry-run", "digest", "purge --dry-run", "purge" })
	void shouldFailInOneLineWithoutCreatingARegisterWhenPathDoesNotExist(String command) {
		Path missing = dir.resolve("nowhere-" + command.replace(' ', '-')).resolve("register.db");
		String[] args = Stream.concat(Stream.of(command.split(" ")), Stream.of("--complaints.register.path=" + missing))
			.toArray(String[]::new);
		Result result = run(args);
		assertThat(result.err()).startsWith("complaints: no register at " + missing).endsWith(")\n").hasLineCount(1);
		assertThat(result.exit()).isEqualTo(1);
		assertThat(missing.getParent()).doesNotExist();
	}

	@Test
	void shouldFailInOneLineWhenRegisterIsNotADatabase() throws Exception {
		Path file = Files.writeString(dir.resolve("notes.db"), "not a database\n");
		Result result = run("show", "KK-2026-0001", "--complaints.register.path=" + file);
		assertThat(result.err())
			.isEqualTo("complaints: cannot read the register " + file + ": file is not a database\n");
		assertThat(result.exit()).isEqualTo(1);
	}

	@Test
	void shouldAskToStartTheProcessorWhenRegisterSchemaIsOlder() {
		Path file = dir.resolve("old.db");
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + file);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("9").load().migrate();
		Result result = run("export", "--format", "json", "--complaints.register.path=" + file);
		assertThat(result.err())
			.startsWith("complaints: the register " + file + " has schema version 9, this version needs ")
			.endsWith(": start the processor once (scripts/complaints) to upgrade it\n")
			.hasLineCount(1);
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
	}

	@Test
	void shouldExitZeroWithUsageOnStdoutWhenHelpIsAsked() {
		Result result = run("export", "--help");
		assertThat(result.exit()).isZero();
		assertThat(result.out()).contains("--format").contains("--out");
		assertThat(result.err()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "--fromat, --format, 1", "--format, --format, 0", "exprot, export, 1", "--dryrun, --dry-run, 1",
			"abc, cab, 2", "kitten, sitting, 3" })
	void shouldCountSwapsAsOneEditWhenMeasuringDistance(String a, String b, int expected) {
		assertThat(UnknownArguments.distance(a, b)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "--fromat, --format", "--yaer, --year", "--frmt, --format", "--zzz, ''", "-x, ''", "--out, --out" })
	void shouldSuggestOnlyANearWordWhenOneIsClose(String word, String expected) {
		assertThat(UnknownArguments.nearest(word, List.of("--format", "--out", "--year", "-h")).orElse(""))
			.isEqualTo(expected);
	}

	record Result(int exit, String out, String err) {
	}

	static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = ComplaintsCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Result(exit, out.toString(), err.toString().replace(System.lineSeparator(), "\n"));
	}

	private static Arguments usage(String expected, String... args) {
		return Arguments.of(expected, List.of(args));
	}

}
