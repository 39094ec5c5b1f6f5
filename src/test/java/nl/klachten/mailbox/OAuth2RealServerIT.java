package nl.klachten.mailbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.net.ssl.SSLSocketFactory;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Store;
import nl.klachten.TestClock;
import nl.klachten.mailbox.MailboxSettings.Security;
import nl.klachten.mailbox.MailboxSettings.Server;
import nl.klachten.realstack.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code auth: xoauth2} against Dovecot's oauth2 passdb (CONTRACT §3): the test is the
 * OAuth2 provider, on 127.0.0.1:18080 where {@code scripts/realstack} points Dovecot's
 * introspection. A token from the client-credentials flow logs in over STARTTLS and reads
 * the inbox, and logs in to Postfix (whose SASL is Dovecot's); a revoked token is refused
 * by Dovecot, and the processor's login fetches a new one; a provider whose tokens
 * Dovecot never accepts is one line.
 */
class OAuth2RealServerIT {

	private static final String USER = "klager50@example.org";

	private static final int PROVIDER_PORT = 18080;

	private static TokenEndpoint provider;

	private static SSLSocketFactory trusted;

	@BeforeAll
	static void servers() throws IOException {
		RealServers.assumeRunning();
		trusted = TrustStore.socketFactory(settings());
		provider = new TokenEndpoint(PROVIDER_PORT, USER);
	}

	@AfterAll
	static void stop() {
		if (provider != null) {
			provider.close();
		}
	}

	private static MailboxSettings settings() {
		return new MailboxSettings(USER, "Klachtencommissie", "Klachten/Verwerkt", "Klachten/Quarantaine",
				"Klachten/Meldingen", null, null, RealServers.trustStore().toString(), RealServers.TRUST_PASSWORD,
				false);
	}

	private static AccessTokens tokens() {
		return new AccessTokens(
				new MailboxSettings.OAuth2(provider.tokenUri(), "committee-app", "s3cret", null, "imap"),
				TestClock.configured());
	}

	private static Server server(AccessTokens tokens) {
		return new Server(RealServers.HOST, RealServers.IMAP, USER, null, "INBOX", Security.starttls, false, trusted)
			.withTokens(tokens);
	}

	@Test
	void shouldReadTheInboxWithAnAccessToken() {
		String marker = "oauth2-" + UUID.randomUUID();
		RealServers.send("buiten@example.net", USER, "From: buiten@example.net\r\nTo: " + USER + "\r\nSubject: "
				+ marker + "\r\nMessage-ID: <" + marker + "@example.net>\r\n\r\nEen klacht.\r\n");
		try (ImapMailbox mailbox = new ImapMailbox(server(tokens()), settings())) {
			mailbox.ensureFolders();
			boolean found = false;
			for (int attempt = 0; attempt < 50 && !found; attempt++) {
				found = mailbox.fetch(10_000, 10_000_000, 64_000_000, null)
					.mails()
					.stream()
					.anyMatch((mail) -> mail.raw() != null
							&& new String(mail.raw(), StandardCharsets.UTF_8).contains(marker));
				if (!found) {
					pause();
				}
			}
			assertThat(found).as("the mail sent to " + USER + " is read with the token").isTrue();
		}
	}

	@Test
	void shouldLogInToPostfixWithAnAccessToken() throws Exception {
		Server smtp = new Server(RealServers.HOST, RealServers.SMTP, USER, null, "INBOX", Security.starttls, false,
				trusted)
			.withTokens(tokens());
		ProblemLog quiet = ProblemLog.silent(MailProblem.Service.SMTP, smtp);
		try (SmtpTransport.Connection connection = new SmtpTransport(smtp, USER, quiet).open()) {
			assertThat(connection).isNotNull();
		}
		// and the token is what got it in: with every token revoked Postfix refuses the
		// login
		provider.revokeAll(true);
		try {
			assertThatThrownBy(new SmtpTransport(smtp, USER, quiet)::open)
				.isInstanceOf(AuthenticationFailedException.class);
		}
		finally {
			provider.revokeAll(false);
		}
	}

	@Test
	void shouldBeRefusedWithARevokedTokenAndFetchANewOne() throws Exception {
		AccessTokens tokens = tokens();
		Server server = server(tokens);
		String revoked = tokens.token();
		provider.revoke(revoked);
		try (Store store = MailSessions.imap(server, 30_000).getStore(MailSessions.imapProtocol(server))) {
			assertThatThrownBy(() -> store.connect(server.host(), server.port(), USER, revoked))
				.isInstanceOf(AuthenticationFailedException.class);
		}
		try (Store store = MailSessions.imap(server, 30_000).getStore(MailSessions.imapProtocol(server))) {
			MailLogin.connect(store, server);
			assertThat(store.isConnected()).isTrue();
		}
		assertThat(tokens.token()).isNotEqualTo(revoked);
	}

	@Test
	void shouldTellATokenDovecotRefusesInOneLine() {
		Server server = server(tokens());
		provider.revokeAll(true);
		try (ImapMailbox mailbox = new ImapMailbox(server, settings())) {
			assertThatThrownBy(mailbox::ensureFolders).isInstanceOf(MailboxException.class)
				.satisfies((ex) -> assertThat(MailProblem.describe(ex, MailProblem.Service.IMAP, server)).isEqualTo(
						"IMAP login refused by 127.0.0.1:1143 for the OAuth2 token: check complaints.mailbox.imap.username"
								+ " (the mailbox the token is for) and complaints.mailbox.oauth2.scope"));
		}
		finally {
			provider.revokeAll(false);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
