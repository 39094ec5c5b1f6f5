package nl.klachten.mailbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Store;
import nl.klachten.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes over the wire for {@code auth: xoauth2}: Angus Mail sends
 * {@code AUTHENTICATE XOAUTH2} (IMAP) and {@code AUTH XOAUTH2} (SMTP) with
 * {@code user=...^Aauth=Bearer <token>^A^A} in base64, the token from
 * {@link AccessTokens}; a refused token is fetched anew and tried once more. The servers
 * are tiny fakes on 127.0.0.1 that record the authentication lines.
 */
class XOAuth2LoginTests {

	private static final String USER = "chair@example.org";

	private TokenEndpoint endpoint;

	private ServerSocket socket;

	private final List<String> authLines = new CopyOnWriteArrayList<>();

	private final Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

	@BeforeEach
	void start() throws IOException {
		this.endpoint = new TokenEndpoint(0, USER);
		this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
	}

	@AfterEach
	void stop() throws IOException {
		this.endpoint.close();
		this.socket.close();
	}

	private AccessTokens tokens() {
		return new AccessTokens(new MailboxSettings.OAuth2(this.endpoint.tokenUri(), "app", "secret", null, null),
				TestClock.configured());
	}

	private MailboxSettings.Server server(AccessTokens tokens) {
		return new MailboxSettings.Server("127.0.0.1", this.socket.getLocalPort(), USER, null, "INBOX",
				MailboxSettings.Security.none, false)
			.withTokens(tokens);
	}

	private static String xoauth2(String token) {
		return Base64.getEncoder()
			.encodeToString(
					("user=" + USER + "\u0001auth=Bearer " + token + "\u0001\u0001").getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void imapAuthenticatesWithXoauth2AndTheAccessToken() throws Exception {
		serveImap();
		MailboxSettings.Server server = server(tokens());
		try (Store store = MailSessions.imap(server, 10_000).getStore(MailSessions.imapProtocol(server))) {
			MailLogin.connect(store, server);
			assertThat(store.isConnected()).isTrue();
		}
		assertThat(this.authLines).containsExactly("AUTHENTICATE XOAUTH2 " + xoauth2("token-1"));
	}

	@Test
	void aRefusedTokenIsReplacedAndTriedOnce() throws Exception {
		this.refused.add(xoauth2("token-1"));
		serveImap();
		MailboxSettings.Server server = server(tokens());
		try (Store store = MailSessions.imap(server, 10_000).getStore(MailSessions.imapProtocol(server))) {
			MailLogin.connect(store, server);
		}
		assertThat(this.authLines).containsExactly("AUTHENTICATE XOAUTH2 " + xoauth2("token-1"),
				"AUTHENTICATE XOAUTH2 " + xoauth2("token-2"));
	}

	@Test
	void smtpAuthenticatesWithXoauth2AndTheAccessToken() throws Exception {
		serveSmtp();
		MailboxSettings.Server server = server(tokens());
		ProblemLog quiet = ProblemLog.silent(MailProblem.Service.SMTP, server);
		try (SmtpTransport.Connection connection = new SmtpTransport(server, USER, quiet).open()) {
			assertThat(connection.isConnected()).isTrue();
		}
		assertThat(this.authLines).containsExactly("AUTH XOAUTH2 " + xoauth2("token-1"));
	}

	private void serveImap() {
		serve((in, out) -> {
			out.write("* OK fake IMAP ready\r\n");
			out.flush();
			for (String line; (line = in.readLine()) != null;) {
				String[] parts = line.split(" ", 3);
				String tag = parts[0];
				String command = parts.length > 1 ? parts[1].toUpperCase(java.util.Locale.ROOT) : "";
				if (command.equals("CAPABILITY")) {
					out.write("* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2\r\n" + tag + " OK done\r\n");
				}
				else if (command.equals("AUTHENTICATE")) {
					String rest = parts[2];
					if (!rest.contains(" ")) {
						out.write("+ \r\n");
						out.flush();
						rest = rest + " " + in.readLine();
					}
					this.authLines.add("AUTHENTICATE " + rest);
					out.write(this.refused.contains(rest.substring(rest.indexOf(' ') + 1))
							? tag + " NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"
							: tag + " OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n");
				}
				else if (command.equals("LOGOUT")) {
					out.write("* BYE bye\r\n" + tag + " OK done\r\n");
					out.flush();
					return;
				}
				else {
					out.write(tag + " OK done\r\n");
				}
				out.flush();
			}
		});
	}

	private void serveSmtp() {
		serve((in, out) -> {
			out.write("220 fake SMTP ready\r\n");
			out.flush();
			for (String line; (line = in.readLine()) != null;) {
				String upper = line.toUpperCase(java.util.Locale.ROOT);
				if (upper.startsWith("EHLO")) {
					out.write("250-fake\r\n250 AUTH PLAIN LOGIN XOAUTH2\r\n");
				}
				else if (upper.startsWith("AUTH")) {
					String rest = line;
					if (line.split(" ").length < 3) {
						out.write("334 \r\n");
						out.flush();
						rest = line + " " + in.readLine();
					}
					this.authLines.add(rest);
					out.write("235 2.7.0 Accepted\r\n");
				}
				else if (upper.startsWith("QUIT")) {
					out.write("221 bye\r\n");
					out.flush();
					return;
				}
				else {
					out.write("250 ok\r\n");
				}
				out.flush();
			}
		});
	}

	private interface Conversation {

		void run(BufferedReader in, Writer out) throws IOException;

	}

	private void serve(Conversation conversation) {
		Thread thread = new Thread(() -> {
			while (!this.socket.isClosed()) {
				try (Socket client = this.socket.accept()) {
					conversation.run(
							new BufferedReader(
									new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)),
							new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII));
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "fake-mail-server");
		thread.setDaemon(true);
		thread.start();
	}

}
