package nl.klachten.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import nl.klachten.MailFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static nl.klachten.MailFixtures.CHAIR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/complaints check} (CONTRACT §1) against GreenMail: {@code ok} per item
 * and exit 0 on a good setup, one line per problem (what, where, how to fix) and exit 1
 * otherwise; it starts no processor, creates no folder and no register.
 */
class CheckCommandIntegrationTests {

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	@TempDir
	Path dir;

	record Result(int exit, String out, String err) {

		List<String> lines() {
			return this.out.lines().toList();
		}

	}

	@Test
	void shouldPrintOkPerItemAndExitZeroWhenTheSetupIsGood() {
		Result result = check();
		int imap = greenMail.getImap().getPort();
		int smtp = greenMail.getSmtp().getPort();
		assertThat(result.lines()).containsExactly("ok configuration",
				"ok imap: logged in to 127.0.0.1:" + imap + " (none)", "ok imap: folder INBOX",
				"ok imap: folder Klachten/Verwerkt is missing; the processor creates it at start",
				"ok imap: folder Klachten/Quarantaine is missing; the processor creates it at start",
				"ok imap: folder Klachten/Meldingen is missing; the processor creates it at start",
				"ok smtp: connected to 127.0.0.1:" + smtp + " (none)",
				"ok register: " + this.dir.resolve("data/register.db")
						+ " does not exist yet; the processor creates it at start");
		assertThat(result.exit()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(this.dir.resolve("data")).as("nothing created").doesNotExist();
	}

	@Test
	void shouldSayTheLoginIsRefusedAndExitOneWhenThePasswordIsWrong() {
		Result result = check("--complaints.mailbox.imap.password=wrong");
		assertThat(result.lines()).contains("IMAP login refused by 127.0.0.1:" + greenMail.getImap().getPort()
				+ ": check complaints.mailbox.imap.username and complaints.mailbox.imap.password");
		assertThat(result.out()).doesNotContain("wrong").doesNotContain("Exception\n").doesNotContain("\tat ");
		assertThat(result.exit()).isEqualTo(1);
	}

	@Test
	void shouldSayTheHostIsUnknownWhenItCannotBeResolved() {
		Result result = check("--complaints.mailbox.imap.host=no-such-host.invalid");
		assertThat(result.lines()).contains("IMAP host no-such-host.invalid is unknown: check"
				+ " complaints.mailbox.imap.host (a name this machine can resolve)");
		assertThat(result.exit()).isEqualTo(1);
	}

	/** GreenMail's IMAPS has a self-signed certificate that no trust store here holds. */
	@Test
	void shouldSayTheCertificateIsNotTrustedWhenTheServerIsSelfSigned() {
		GreenMail imaps = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] { ServerSetupTest.IMAPS }));
		imaps.start();
		try {
			Result result = check("--complaints.mailbox.imap.port=" + imaps.getImaps().getPort(),
					"--complaints.mailbox.imap.security=tls");
			assertThat(result.lines()).contains("IMAP server 127.0.0.1:" + imaps.getImaps().getPort()
					+ " has a certificate this machine does not trust: give its CA in complaints.mailbox.trust-store"
					+ " (or the JVM trust store), or check complaints.mailbox.imap.host");
			assertThat(result.exit()).isEqualTo(1);
		}
		finally {
			imaps.stop();
		}
	}

	@Test
	void shouldFailWhenTheFolderToReadIsMissing() {
		Result result = check("--complaints.mailbox.imap.folder=Klachten-inbox");
		assertThat(result.lines())
			.contains("IMAP folder Klachten-inbox does not exist on 127.0.0.1:" + greenMail.getImap().getPort()
					+ ": check complaints.mailbox.imap.folder (the folder the complaints" + " arrive in)");
		assertThat(result.exit()).isEqualTo(1);
	}

	@Test
	void shouldSayTheRegisterCannotBeCreatedWhenItsDirectoryIsNotWritable() throws IOException {
		Path notADirectory = Files.writeString(this.dir.resolve("plain-file"), "x");
		Path register = notADirectory.resolve("data/register.db");
		Result result = check("--complaints.register.path=" + register);
		assertThat(result.lines()).last()
			.isEqualTo("cannot create the register " + register + ": " + notADirectory
					+ " is not a writable directory (create the directory, owned by the user that runs the processor,"
					+ " or set complaints.register.path)");
		assertThat(result.exit()).isEqualTo(1);
	}

	@Test
	void shouldNameKeyValueAndWhatIsExpectedWhenAValueIsInvalid() {
		Result result = check("--complaints.terms.handling=banana");
		assertThat(result.lines()).containsExactly(
				"complaints.terms.handling=banana is not valid: expected a period such as P14D, P4W or P12M");
		assertThat(result.exit()).isEqualTo(1);
	}

	@Test
	void shouldNameTheKeyWhenARequiredValueIsBlank() {
		Result result = check("--complaints.mailbox.address=");
		assertThat(result.lines()).singleElement().asString().startsWith("complaints.mailbox.address= is not valid: ");
		assertThat(result.exit()).isEqualTo(1);
	}

	@Test
	void shouldNameTheEmbeddedServerWithoutStartingItWhenNoHostIsConfigured() {
		Result result = run("check", "--complaints.register.path=" + this.dir.resolve("data/register.db"),
				"--complaints.embedded.imap-port=" + greenMail.getImap().getPort());
		assertThat(result.lines()).contains("ok imap: embedded server (starts with run)",
				"ok smtp: embedded server (starts with run)");
		assertThat(result.exit()).isZero();
	}

	/**
	 * {@code check} on the GreenMail of this class; an extra {@code --key=value} replaces
	 * that key's default.
	 */
	private Result check(String... extra) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("complaints.mailbox.imap.host", "127.0.0.1");
		settings.put("complaints.mailbox.imap.port", String.valueOf(greenMail.getImap().getPort()));
		settings.put("complaints.mailbox.imap.username", CHAIR);
		settings.put("complaints.mailbox.imap.password", "chair");
		settings.put("complaints.mailbox.imap.security", "none");
		settings.put("complaints.mailbox.smtp.host", "127.0.0.1");
		settings.put("complaints.mailbox.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
		settings.put("complaints.mailbox.smtp.security", "none");
		settings.put("complaints.register.path", this.dir.resolve("data/register.db").toString());
		for (String arg : extra) {
			String[] pair = arg.substring(2).split("=", 2);
			settings.put(pair[0], pair[1]);
		}
		List<String> args = new ArrayList<>(List.of("check"));
		settings.forEach((key, value) -> args.add("--" + key + "=" + value));
		return run(args.toArray(String[]::new));
	}

	private static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = ComplaintsCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Result(exit, out.toString(), err.toString());
	}

}
