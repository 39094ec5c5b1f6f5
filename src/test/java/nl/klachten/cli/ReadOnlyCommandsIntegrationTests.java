package nl.klachten.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import nl.klachten.deadlines.DigestSender;
import nl.klachten.register.CaseFileJson;
import nl.klachten.register.CaseSummary;
import nl.klachten.register.CaseFiles;
import nl.klachten.register.ReferenceNumber;
import nl.klachten.register.YearFigures;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read-only commands (issue 11) against a register the running processor made from
 * mail (the schema by Flyway, cases filed and decided over GreenMail), while it runs:
 * {@code export}, {@code show}, {@code report} and {@code digest --dry-run} answer
 * exactly what the application's own beans answer, without starting the application:
 * their context has no Flyway, no pipeline and no auto-configuration, and its connection
 * refuses to write.
 */
class ReadOnlyCommandsIntegrationTests extends MailIntegrationTest {

	/**
	 * Four days before the open case's decision is due (filed 30 November, four weeks):
	 * it is listed, and no line depends on the hour the digest is made (the command's
	 * clock is the system's).
	 */
	private static final LocalDate DIGEST_DAY = LocalDate.of(2026, 12, 24);

	@Autowired
	private YearFigures yearFigures;

	@Autowired
	private Environment environment;

	@Autowired
	private DigestSender digestSender;

	/** The decided case; the two cases are filed by whichever test runs first. */
	private static String decided;

	private static String open;

	@BeforeEach
	void fileAndDecide() {
		if (decided != null) {
			return;
		}
		Filed first = fileComplaint("Glasvezel valt elke avond uit",
				"Sinds drie weken valt mijn internet om 20:00 uit.");
		open = fileComplaint("Monteur kwam niet", "Ik heb twee keer vrij genomen voor niets.").reference();
		MimeMessage notification = awaitChairMail(first.reference(), "Nieuwe klacht");
		String commandId = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(notification), """
				GEGROND

				De storing is bevestigd door de netbeheerder.
				""", commandId, replyHeaders(messageId(notification)), "text/plain; charset=UTF-8"));
		awaitReplyTo(CHAIR, commandId);
		awaitMailTo(first.sender(), "Beslissing");
		decided = first.reference();
	}

	@Test
	void shouldExportTheSameJsonAndCsvWhenReadOnly() throws Exception {
		Path json = register().resolve("export.json");
		Path csv = register().resolve("export.csv");
		assertThat(run("export", "--format", "json", "--out", json.toString()).exit()).isZero();
		assertThat(run("export", "--format", "csv", "--out", csv.toString()).exit()).isZero();
		assertThat(Files.readAllBytes(json)).isEqualTo(CaseFileJson.write(this.caseFiles.all(), "default"));
		assertThat(Files.readAllBytes(csv)).isEqualTo(new RegisterExport(this.caseFiles.all(), "default").csv());
		assertThat(Files.readString(json)).contains(decided).contains("\"gegrond\"");
	}

	@Test
	void shouldShowTheSameCaseFileWhenReadOnly() {
		PrintStream original = System.out;
		ByteArrayOutputStream shown = new ByteArrayOutputStream();
		int exit;
		try {
			System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
			exit = run("show", decided).exit();
		}
		finally {
			System.setOut(original);
		}
		assertThat(exit).isZero();
		String expected = TerminalText
			.safe(CaseSummary.of(this.caseFiles.find(ReferenceNumber.parse(decided).orElseThrow()).orElseThrow(),
					ZoneId.of("Europe/Amsterdam")));
		assertThat(shown.toString(StandardCharsets.UTF_8)).isEqualTo(expected).contains("De storing is bevestigd");
	}

	@Test
	void shouldReportTheSameFiguresWhenReadOnly() {
		Result result = run("report", "--year", "2026");
		assertThat(result.exit()).isZero();
		assertThat(result.out()).isEqualTo(ReportCommand.text(this.yearFigures.of(2026))).contains("gegrond:");
	}

	@Test
	void shouldRenderTheSameDigestWhenDryRunIsReadOnly() {
		Result result = run("digest", "--dry-run", "--as-of", DIGEST_DAY.toString());
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo(this.digestSender.render(DIGEST_DAY)).contains(open);
		assertThat(result.err()).isEmpty();
	}

	@Test
	void shouldAnswerUnknownCaseInOneLineWhenReadOnly() {
		Result result = run("show", "KK-2099-9999");
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("complaints: no case KK-2099-9999\n");
	}

	/**
	 * Not the application: no Flyway, no pipeline, no auto-configuration; and the
	 * register cannot be written.
	 */
	@Test
	void shouldStartNoApplicationAndWriteNothingWhenReadOnly() {
		try (AnnotationConfigApplicationContext context = ReadOnlyContext.open(registerOptions(), null)) {
			assertThat(context.getBeanNamesForType(Flyway.class)).isEmpty();
			assertThat(context.getBeanDefinitionNames()).noneMatch((name) -> name.contains("autoconfigure"))
				.noneMatch((name) -> name.toLowerCase().contains("pipeline"))
				.noneMatch((name) -> name.toLowerCase().contains("flow"));
			assertThat(context.getBean(CaseFiles.class).all()).hasSize(2);
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			assertThatThrownBy(() -> jdbc.sql("DELETE FROM complaint").update())
				.hasMessageMatching("(?s).*(readonly|read-only).*");
		}
		assertThat(this.caseFiles.all()).hasSize(2);
	}

	record Result(int exit, String out, String err) {
	}

	/** A command with the options that name the register the application runs on. */
	private Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(registerOptions());
		int exit = ComplaintsCli.execute(all.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new Result(exit, out.toString(), err.toString().replace(System.lineSeparator(), "\n"));
	}

	/** The SQLite file, or the PostgreSQL register the tests run on (issue 16). */
	private List<String> registerOptions() {
		List<String> options = new ArrayList<>(
				List.of("--complaints.register.path=" + register().resolve("register.db")));
		for (String key : List.of("url", "username", "password")) {
			String value = this.environment.getProperty("complaints.register." + key);
			if (value != null) {
				options.add("--complaints.register." + key + "=" + value);
			}
		}
		return options;
	}

}
