package nl.klachten.mailbox;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import nl.klachten.mailbox.MailboxSettings.Security;
import nl.klachten.mailbox.MailboxSettings.Server;
import nl.klachten.realstack.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS against Dovecot and Postfix with their self-signed certificate (CONTRACT §3),
 * STARTTLS and implicit TLS: refused without a trust store that holds it, with one line
 * naming the certificate problem, and accepted with
 * {@code complaints.mailbox.trust-store}. Verification is never off.
 */
class TlsRealServerIT {

	private static SSLSocketFactory trusted;

	@BeforeAll
	static void servers() {
		RealServers.assumeRunning();
		trusted = TrustStore.socketFactory(settings(RealServers.trustStore().toString()));
	}

	private static MailboxSettings settings(String trustStore) {
		return new MailboxSettings(RealServers.CHAIR, "Klachtencommissie", "Klachten/Verwerkt", "Klachten/Quarantaine",
				"Klachten/Meldingen", null, null, trustStore, RealServers.TRUST_PASSWORD, false);
	}

	private static Server server(String host, int port, Security security, SSLSocketFactory factory) {
		return new Server(host, port, RealServers.CHAIR, "chair", "INBOX", security, false, factory);
	}

	private static int imapPort(Security security) {
		return security == Security.tls ? RealServers.IMAPS : RealServers.IMAP;
	}

	private static int smtpPort(Security security) {
		return security == Security.tls ? RealServers.SMTPS : RealServers.SMTP;
	}

	@ParameterizedTest
	@CsvSource({ "starttls", "tls" })
	void shouldRefuseTheImapServerInOneLineWhenItsCertificateIsNotTrusted(Security security) {
		Server server = server(RealServers.HOST, imapPort(security), security, null);
		try (ImapMailbox mailbox = new ImapMailbox(server, settings(null))) {
			assertThatThrownBy(mailbox::ensureFolders).isInstanceOf(MailboxException.class)
				.satisfies((ex) -> assertThat(ConnectionProblem.certificate(ex, "IMAP", server))
					.hasValueSatisfying((line) -> assertThat(line)
						.startsWith("IMAP " + RealServers.HOST + ":" + imapPort(security)
								+ ": the server's certificate is not trusted (")
						.contains("PKIX path building failed")
						.endsWith(
								"put it or its issuer in complaints.mailbox.trust-store (PKCS12) or in the JVM trust store")
						.doesNotContain("\n")));
		}
	}

	@ParameterizedTest
	@CsvSource({ "starttls", "tls" })
	void shouldLogInToImapWhenTheTrustStoreHoldsTheCertificate(Security security) {
		try (ImapMailbox mailbox = new ImapMailbox(server(RealServers.HOST, imapPort(security), security, trusted),
				settings(null))) {
			mailbox.ensureFolders();
		}
	}

	@ParameterizedTest
	@CsvSource({ "starttls", "tls" })
	void shouldRefuseTheSmtpServerInOneLineWhenItsCertificateIsNotTrusted(Security security) {
		Server server = server(RealServers.HOST, smtpPort(security), security, null);
		SmtpTransport smtp = new SmtpTransport(server, RealServers.CHAIR,
				ProblemLog.silent(MailProblem.Service.SMTP, server));
		assertThatThrownBy(smtp::open).satisfies((ex) -> assertThat(ConnectionProblem.certificate(ex, "SMTP", server))
			.hasValueSatisfying((line) -> assertThat(line)
				.startsWith("SMTP " + RealServers.HOST + ":" + smtpPort(security)
						+ ": the server's certificate is not trusted (")
				.doesNotContain("\n")));
	}

	@ParameterizedTest
	@CsvSource({ "starttls", "tls" })
	void shouldLogInToSmtpWhenTheTrustStoreHoldsTheCertificate(Security security) throws Exception {
		Server server = server(RealServers.HOST, smtpPort(security), security, trusted);
		SmtpTransport smtp = new SmtpTransport(server, RealServers.CHAIR,
				ProblemLog.silent(MailProblem.Service.SMTP, server));
		try (SmtpTransport.Connection connection = smtp.open()) {
			assertThat(connection).isNotNull();
		}
	}

	@ParameterizedTest
	@CsvSource({ "starttls", "tls" })
	void shouldAcceptTheHostNameTheCertificateNamesWhenTrusted(Security security) {
		// the certificate names localhost and 127.0.0.1, and the host name is checked
		try (ImapMailbox mailbox = new ImapMailbox(server("localhost", imapPort(security), security, trusted),
				settings(null))) {
			mailbox.ensureFolders();
		}
	}

	/**
	 * Issue 15: Dovecot and Postfix follow the client's preference, so the processor's
	 * sockets get ChaCha20-Poly1305, which the JVM without C2 does five times faster than
	 * AES-GCM. (The JVM's own order gives AES-256-GCM.)
	 */
	@ParameterizedTest
	@CsvSource({ "IMAPS", "SMTPS" })
	void shouldAgreeOnChaChaWithTheRealServers(String service) throws Exception {
		int port = "IMAPS".equals(service) ? RealServers.IMAPS : RealServers.SMTPS;
		try (SSLSocket ours = (SSLSocket) NoDelaySockets.tls(trusted).createSocket(RealServers.HOST, port);
				SSLSocket jvms = (SSLSocket) trusted.createSocket(RealServers.HOST, port)) {
			ours.startHandshake();
			jvms.startHandshake();
			assertThat(ours.getSession().getCipherSuite()).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
			assertThat(jvms.getSession().getCipherSuite()).isNotEqualTo("TLS_CHACHA20_POLY1305_SHA256");
		}
	}

}
