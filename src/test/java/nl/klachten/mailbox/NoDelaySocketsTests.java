package nl.klachten.mailbox;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import nl.klachten.mailbox.MailboxSettings.Security;
import nl.klachten.mailbox.MailboxSettings.Server;
import org.junit.jupiter.api.Test;
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

	/**
	 * Issue 15: the TLS sockets offer ChaCha20-Poly1305 first (the JVM's AES-GCM without
	 * C2 is five times slower), with exactly the JVM's enabled suites, on a new socket
	 * and on one layered over a plain socket (STARTTLS).
	 */
	@Test
	void shouldOfferChaChaFirstAndKeepEverySuiteTheJvmEnables() throws Exception {
		SSLSocketFactory jvm = (SSLSocketFactory) SSLSocketFactory.getDefault();
		SSLSocketFactory ours = NoDelaySockets.tls(null);
		String[] enabled;
		try (SSLSocket plain = (SSLSocket) jvm.createSocket()) {
			enabled = plain.getEnabledCipherSuites();
		}
		assertThat(enabled[0]).doesNotContain("CHACHA20");
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				SSLSocket fresh = (SSLSocket) ours.createSocket();
				Socket tcp = new Socket("127.0.0.1", listener.getLocalPort());
				SSLSocket layered = (SSLSocket) ours.createSocket(tcp, "127.0.0.1", listener.getLocalPort(), true)) {
			for (SSLSocket socket : new SSLSocket[] { fresh, layered }) {
				assertThat(socket.getEnabledCipherSuites()).containsExactlyInAnyOrder(enabled);
				assertThat(socket.getEnabledCipherSuites()[0]).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
			}
		}
		assertThat(ours.getDefaultCipherSuites()).containsExactlyInAnyOrder(jvm.getDefaultCipherSuites())
			.startsWith("TLS_CHACHA20_POLY1305_SHA256");
	}

}
