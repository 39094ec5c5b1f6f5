package nl.klachten.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpServer;
import nl.klachten.MailFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static nl.klachten.MailFixtures.CHAIR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code auth: xoauth2} at start-up (CONTRACT §3): a token endpoint that refuses the
 * client, or no token endpoint at all, stops the processor with one line on stderr,
 * before any mail is read.
 */
class OAuth2StartupIntegrationTests {

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	@TempDir
	Path dir;

	@Test
	void shouldSayTheTokenEndpointRefusedTheClient() throws IOException {
		HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		endpoint.createContext("/token", (exchange) -> {
			byte[] body = "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(401, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		endpoint.start();
		try {
			String uri = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/token";
			assertThat(run("--complaints.mailbox.oauth2.token-uri=" + uri)).containsExactly(
					"complaints: the processor did not start: OAuth2 token endpoint " + uri + " refused the client: 401"
							+ " invalid_client, check complaints.mailbox.oauth2.client-id and client-secret");
		}
		finally {
			endpoint.stop(0);
		}
	}

	@Test
	void shouldNameTheMissingTokenUri() {
		assertThat(run()).containsExactly("complaints: the processor did not start: complaints.mailbox.oauth2.token-uri"
				+ " is not set while a mailbox logs in with auth: xoauth2: set it to the provider's token endpoint");
	}

	private String[] run(String... extra) {
		List<String> args = new ArrayList<>(List.of("run", "--complaints.mailbox.imap.host=127.0.0.1",
				"--complaints.mailbox.imap.port=" + greenMail.getImap().getPort(),
				"--complaints.mailbox.imap.username=" + CHAIR, "--complaints.mailbox.imap.security=none",
				"--complaints.mailbox.imap.auth=xoauth2", "--complaints.mailbox.smtp.host=127.0.0.1",
				"--complaints.mailbox.smtp.port=" + greenMail.getSmtp().getPort(),
				"--complaints.mailbox.smtp.security=none", "--complaints.mailbox.oauth2.client-id=committee-app",
				"--complaints.mailbox.oauth2.client-secret=s3cret",
				"--complaints.register.path=" + this.dir.resolve("data/register.db")));
		args.addAll(List.of(extra));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = ComplaintsCli.execute(args.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true));
		assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(1);
		assertThat(out + " " + err).doesNotContain("s3cret");
		return err.toString().lines().toArray(String[]::new);
	}

}
