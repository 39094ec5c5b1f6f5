package nl.klachten.mailbox;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-line words for mail server failures (CONTRACT §3): one row per failure as
 * Jakarta Mail throws it (the cause often only as the "next exception"), the line, and
 * whether start-up stops.
 */
class MailProblemTests {

	private static final MailboxSettings.Server IMAP = new MailboxSettings.Server("imap.example.org", 993,
			"chair@example.org", "secret", "INBOX", MailboxSettings.Security.tls, true);

	static Stream<Arguments> failures() {
		return Stream.of(
				Arguments.of(new AuthenticationFailedException("[AUTHENTICATIONFAILED] Authentication failed."),
						"IMAP login refused by imap.example.org:993: check complaints.mailbox.imap.username and"
								+ " complaints.mailbox.imap.password",
						true),
				Arguments.of(new MessagingException("Couldn't connect", new UnknownHostException("imap.example.org")),
						"IMAP host imap.example.org is unknown: check complaints.mailbox.imap.host (a name this machine"
								+ " can resolve)",
						true),
				Arguments.of(new MessagingException("Couldn't connect", new ConnectException("Connection refused")),
						"IMAP server imap.example.org:993 refused the connection: check complaints.mailbox.imap.host and"
								+ " complaints.mailbox.imap.port, and that the server runs",
						false),
				Arguments.of(new MessagingException("timeout", new SocketTimeoutException("Read timed out")),
						"IMAP server imap.example.org:993 did not answer in time: check complaints.mailbox.imap.host,"
								+ " complaints.mailbox.imap.port and the firewall",
						false),
				Arguments.of(new MessagingException("ssl", handshake()),
						"IMAP server imap.example.org:993 has a certificate this machine does not trust: give its CA in"
								+ " complaints.mailbox.trust-store (or the JVM trust store), or check"
								+ " complaints.mailbox.imap.host",
						true),
				Arguments.of(new MessagingException("ssl", new SSLHandshakeException("Remote host terminated")),
						"IMAP server imap.example.org:993 did not speak TLS as expected: check"
								+ " complaints.mailbox.imap.security (none, starttls or tls) and complaints.mailbox.imap.port",
						false),
				Arguments.of(new MailboxException("Reading the inbox failed", new FolderNotFoundException()),
						"IMAP folder INBOX does not exist on imap.example.org:993: check complaints.mailbox.imap.folder",
						true),
				Arguments.of(
						new MailboxException("Reading the inbox failed",
								new MessagingException("* BYE", new IOException("chair@example.org said no"))),
						"IMAP server imap.example.org:993 failed (IOException): check complaints.mailbox.imap.* and that"
								+ " the server runs",
						false));
	}

	@ParameterizedTest
	@MethodSource("failures")
	void shouldTellTheFailureInOneLineWhenTheServerFails(Throwable failure, String line, boolean permanent) {
		assertThat(MailProblem.describe(failure, MailProblem.Service.IMAP, IMAP)).isEqualTo(line)
			.doesNotContain("chair@example.org")
			.doesNotContain("secret")
			.doesNotContain("\n");
		assertThat(MailProblem.permanent(failure)).isEqualTo(permanent);
	}

	/** The cause chain the JDK gives for a server certificate from an unknown CA. */
	private static SSLHandshakeException handshake() {
		SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
		handshake.initCause(new CertPathBuilderException("unable to find valid certification path"));
		return handshake;
	}

	@org.junit.jupiter.api.Test
	void shouldNameTheMissingSettingsWhenNoUsernameIsConfigured() {
		MailboxSettings.Server anonymous = new MailboxSettings.Server("imap.example.org", 993, null, null, "INBOX",
				MailboxSettings.Security.tls, true);
		assertThat(MailProblem.describe(new AuthenticationFailedException("failed to connect, no user name specified?"),
				MailProblem.Service.IMAP, anonymous))
			.isEqualTo("IMAP login to imap.example.org needs complaints.mailbox.imap.username and"
					+ " complaints.mailbox.imap.password: set them (the password in the environment,"
					+ " COMPLAINTS_MAILBOX_IMAP_PASSWORD)");
	}

	@org.junit.jupiter.api.Test
	void shouldNameTheSmtpKeysWhenTheSmtpLoginFails() {
		MailboxSettings.Server smtp = new MailboxSettings.Server("smtp.example.org", 587, "u", "p", "INBOX",
				MailboxSettings.Security.starttls, true);
		assertThat(MailProblem.describe(new AuthenticationFailedException("535"), MailProblem.Service.SMTP, smtp))
			.isEqualTo("SMTP login refused by smtp.example.org:587: check complaints.mailbox.smtp.username and"
					+ " complaints.mailbox.smtp.password");
	}

}
