package nl.klachten.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second {@code scripts/complaints} while one runs (issue 11): one line naming the
 * taken port, exit 1, nothing started; instead of a 179-line stack trace ending in
 * GreenMail's "set server startup timeout". The embedded ports are configurable, so a
 * socket bound on a free port stands in for the running processor.
 */
class SecondInstanceIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void shouldSayInOneLineWhichPortIsTakenWhenEmbeddedImapPortIsInUse() throws IOException {
		try (ServerSocket running = bound()) {
			int port = running.getLocalPort();
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int exit = ComplaintsCli.execute(
					new String[] { "run", "--complaints.embedded.smtp-port=0",
							"--complaints.embedded.imap-port=" + port, "--complaints.register.path=" + register() },
					new PrintWriter(out, true), new PrintWriter(err, true));
			assertThat(err.toString()).isEqualTo("complaints: port " + port
					+ " (embedded IMAP) on 127.0.0.1 is in use \u2014 is the processor already running?"
					+ System.lineSeparator());
			assertThat(exit).isEqualTo(1);
			assertThat(out.toString()).isEmpty();
			assertThat(register().getParent()).as("nothing started, no register made").doesNotExist();
		}
	}

	@Test
	void shouldCheckNoEmbeddedPortWhenAnImapHostIsConfigured() throws IOException {
		try (ServerSocket running = bound()) {
			EmbeddedPorts ports = EmbeddedPorts
				.of(ReadOnlyContext.environment(List.of("--complaints.mailbox.imap.host=imap.example.org",
						"--management.server.port=0", "--complaints.embedded.imap-port=" + running.getLocalPort())));
			assertThat(ports.taken()).isEmpty();
		}
	}

	/**
	 * The management port (health and metrics) taken: the same one line, before anything
	 * starts.
	 */
	@Test
	void shouldSayInOneLineWhenTheManagementPortIsInUse() throws IOException {
		try (ServerSocket running = bound()) {
			int port = running.getLocalPort();
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int exit = ComplaintsCli.execute(
					new String[] { "run", "--complaints.embedded.smtp-port=0", "--complaints.embedded.imap-port=0",
							"--management.server.port=" + port, "--complaints.register.path=" + register() },
					new PrintWriter(out, true), new PrintWriter(err, true));
			assertThat(err.toString()).isEqualTo("complaints: port " + port
					+ " (health and metrics) on 127.0.0.1 is in use \u2014 is the processor already running?"
					+ System.lineSeparator());
			assertThat(exit).isEqualTo(1);
			assertThat(register().getParent()).as("nothing started, no register made").doesNotExist();
		}
	}

	/**
	 * Should the port be taken between the check and GreenMail's start, GreenMail's
	 * failure is still told as the port.
	 */
	@Test
	void shouldNameThePortWhenGreenMailFailsToStartOnIt() throws IOException {
		try (ServerSocket running = bound()) {
			int port = running.getLocalPort();
			GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
			List<RuntimeException> failure = new ArrayList<>();
			assertThatThrownBy(greenMail::start).isInstanceOf(RuntimeException.class)
				.satisfies((ex) -> failure.add((RuntimeException) ex));
			greenMail.stop();
			EmbeddedPorts ports = EmbeddedPorts.of(ReadOnlyContext
				.environment(List.of("--complaints.embedded.smtp-port=0", "--complaints.embedded.imap-port=" + port)));
			assertThat(ports.explain(failure.get(0))).isEqualTo("port " + port
					+ " (embedded IMAP) on 127.0.0.1 is in use \u2014 is the processor already running?");
		}
	}

	@Test
	void shouldGiveTheFirstLineOfTheCauseWhenNoPortIsTaken() {
		EmbeddedPorts ports = EmbeddedPorts.of(ReadOnlyContext.environment(List.of("--complaints.embedded.smtp-port=0",
				"--complaints.embedded.imap-port=0", "--management.server.port=0")));
		RuntimeException failure = new IllegalStateException("context",
				new IllegalArgumentException("complaints.mailbox.address must not be blank\n\tand more"));
		assertThat(ports.explain(failure))
			.isEqualTo("the processor did not start: complaints.mailbox.address must not be blank");
	}

	/**
	 * The real process: ComplaintsCli.main's exit code and stderr, with no Spring start
	 * and no stack trace.
	 */
	@Test
	void shouldExitOneWithOneLineWhenProcessStartsOnATakenPort() throws Exception {
		try (ServerSocket running = bound()) {
			Process process = java("--complaints.embedded.smtp-port=" + running.getLocalPort(),
					"--complaints.embedded.imap-port=0", "--management.server.port=0",
					"--complaints.register.path=" + register());
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			String err = stderr();
			assertThat(err).isEqualTo("complaints: port " + running.getLocalPort()
					+ " (embedded SMTP) on 127.0.0.1 is in use \u2014 is the processor already running?\n");
			assertThat(process.exitValue()).isEqualTo(1);
		}
	}

	/**
	 * Any other start-up failure is one line too: Spring Boot's "APPLICATION FAILED TO
	 * START" block and stack trace stay out of the operator's terminal (the processor's
	 * INFO lines may precede it).
	 */
	@Test
	void shouldEndInOneLineWithoutStackTraceWhenStartUpFails() throws Exception {
		Process process = java("--complaints.embedded.smtp-port=0", "--complaints.embedded.imap-port=0",
				"--management.server.port=0", "--complaints.register.path=" + register(),
				"--complaints.mailbox.address=");
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String err = stderr();
		List<String> lines = err.lines().toList();
		assertThat(lines).isNotEmpty();
		assertThat(lines.get(lines.size() - 1)).startsWith("complaints: the processor did not start: ");
		assertThat(err).doesNotContain("APPLICATION FAILED TO START")
			.doesNotContain("\tat ")
			.doesNotContain("Caused by");
		assertThat(lines.stream().filter((line) -> line.startsWith("complaints:"))).hasSize(1);
		assertThat(process.exitValue()).isEqualTo(1);
	}

	private Path register() {
		return this.dir.resolve("data").resolve("register.db");
	}

	private static ServerSocket bound() throws IOException {
		return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
	}

	private Process java(String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), ComplaintsCli.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(this.dir.resolve("stderr.txt").toFile())
			.start();
	}

	private String stderr() throws IOException {
		return Files.readString(this.dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
	}

}
