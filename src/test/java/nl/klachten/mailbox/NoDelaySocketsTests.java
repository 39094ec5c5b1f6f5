package nl.klachten.mailbox;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import javax.net.SocketFactory;

import nl.klachten.mailbox.MailboxSettings.Security;
import nl.klachten.mailbox.MailboxSettings.Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mail connection has {@code TCP_NODELAY} (issue 15): with Nagle's algorithm each
 * SMTP DATA and IMAP literal waited up to 40 ms for the server's delayed acknowledgement.
 */
class NoDelaySocketsTests {

	@ParameterizedTest
	@CsvSource({ "none, imap, smtp", "starttls, imap, smtp", "tls, imaps, smtps" })
	void shouldGiveEveryMailSessionSocketsWithoutNagle(Security security, String imap, String smtp) throws Exception {
		Server server = new Server("127.0.0.1", 1, "chair", "secret", "INBOX", security, false, null);
		for (Object factory : new Object[] {
				MailSessions.imap(server, 1000).getProperties().get("mail." + imap + ".socketFactory"),
				MailSessions.smtp(server, "chair@example.org").getProperties().get("mail." + smtp + ".socketFactory"),
				security == Security.none ? NoDelaySockets.plain()
						: MailSessions.imap(server, 1000)
							.getProperties()
							.get("mail." + imap + ".ssl.socketFactory") }) {
			try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
					Socket socket = ((SocketFactory) factory).createSocket("127.0.0.1", listener.getLocalPort())) {
				assertThat(socket.getTcpNoDelay()).as(factory.getClass().getSimpleName()).isTrue();
			}
		}
	}

}
