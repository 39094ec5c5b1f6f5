package nl.klachten.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import nl.klachten.MailFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static nl.klachten.MailFixtures.CHAIR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start-up that cannot work says why in one line on stderr and exits 1 (CONTRACT §1,
 * §3): the same words as {@code check}, never Spring Boot's report or a stack trace.
 */
class StartupProblemsIntegrationTests {

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	@TempDir
	Path dir;

	@Test
	void shouldNameKeyValueAndExpectationWhenAValueIsInvalidAtStart() {
		String[] err = run("--complaints.terms.handling=banana");
		assertThat(err).containsExactly("complaints: the processor did not start: complaints.terms.handling=banana"
				+ " is not valid: expected a period such as P14D, P4W or P12M");
	}

	@Test
	void shouldSayTheLoginIsRefusedWhenThePasswordIsWrongAtStart() {
		String[] err = run("--complaints.mailbox.imap.password=wrong");
		assertThat(err).containsExactly("complaints: the processor did not start: IMAP login refused by 127.0.0.1:"
				+ greenMail.getImap().getPort()
				+ ": check complaints.mailbox.imap.username and complaints.mailbox.imap.password");
	}

	@Test
	void shouldSayTheHostIsUnknownAtStart() {
		// with TLS: plain text to a host that is not loopback is refused before any
		// lookup (CONTRACT §3)
		String[] err = run("--complaints.mailbox.imap.host=no-such-host.invalid",
				"--complaints.mailbox.imap.security=tls");
		assertThat(err).containsExactly("complaints: the processor did not start: IMAP host no-such-host.invalid is"
				+ " unknown: check complaints.mailbox.imap.host (a name this machine can resolve)");
	}

	@Test
	void shouldSayTheRegisterDirectoryCannotBeMadeWhenItIsNotWritable() throws IOException {
		Path notADirectory = Files.writeString(this.dir.resolve("plain-file"), "x");
		String[] err = run("--complaints.register.path=" + notADirectory.resolve("data/register.db"));
		assertThat(err).singleElement()
			.asString()
			.startsWith("complaints: the processor did not start: Cannot create the register directory "
					+ notADirectory.resolve("data"));
	}

	/**
	 * {@code run} against this class's GreenMail; returns stderr's lines after checking
	 * the exit code.
	 */
	private String[] run(String... extra) {
		List<String> args = new java.util.ArrayList<>(List.of("run", "--complaints.mailbox.imap.host=127.0.0.1",
				"--complaints.mailbox.imap.port=" + greenMail.getImap().getPort(),
				"--complaints.mailbox.imap.username=" + CHAIR, "--complaints.mailbox.imap.security=none",
				"--complaints.mailbox.smtp.host=127.0.0.1",
				"--complaints.mailbox.smtp.port=" + greenMail.getSmtp().getPort(),
				"--complaints.mailbox.smtp.security=none"));
		java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
		given.put("complaints.mailbox.imap.password", "chair");
		given.put("complaints.register.path", this.dir.resolve("data/register.db").toString());
		for (String arg : extra) {
			String[] pair = arg.substring(2).split("=", 2);
			args.removeIf((a) -> a.startsWith("--" + pair[0] + "="));
			given.put(pair[0], pair[1]);
		}
		given.forEach((key, value) -> args.add("--" + key + "=" + value));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = ComplaintsCli.execute(args.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true));
		assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(1);
		return err.toString().lines().toArray(String[]::new);
	}

}
