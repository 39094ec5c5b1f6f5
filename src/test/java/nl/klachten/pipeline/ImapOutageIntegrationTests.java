package nl.klachten.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import nl.klachten.Application;
import nl.klachten.MailFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail server is down when the processor starts: it starts anyway, keeps trying with
 * backoff, creates the folders and reads the inbox (the catch-up) once the server is
 * back.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImapOutageIntegrationTests {

	static final Path register = MailFixtures.registerDirectory();

	static final int smtpPort = freePort();

	static final int imapPort = freePort();

	/** The whole mail server, not started until the test says so. */
	static final GreenMail server = new GreenMail(
			new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
					new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		registry.add("complaints.mailbox.imap.host", () -> "127.0.0.1");
		registry.add("complaints.mailbox.imap.port", () -> imapPort);
		registry.add("complaints.mailbox.imap.username", () -> CHAIR);
		registry.add("complaints.mailbox.imap.password", () -> "chair");
		registry.add("complaints.mailbox.smtp.host", () -> "127.0.0.1");
		registry.add("complaints.mailbox.imap.security", () -> "none");
		registry.add("complaints.mailbox.smtp.security", () -> "none");
		registry.add("complaints.mailbox.smtp.port", () -> smtpPort);
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
		registry.add("complaints.intake.poll-interval", () -> "500ms");
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("imapHealthIndicator")
	HealthIndicator imapHealth;

	@Test
	void shouldStartAndCatchUpWhenMailServerComesUpAfterStart() throws Exception {
		// started, and found the server down at least once
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ((Number) this.imapHealth.health().getDetails().get("failedReadsInRow")).intValue() > 0);
		server.start();
		server.setUser(CHAIR, CHAIR, "chair");
		String sender = uniqueSender();
		deliver(server, aComplaint(sender, "Na de storing", "De server was even weg.", newMessageId()));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query(Integer.class)
				.single()).isEqualTo(1));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(inboxOf(server, sender)).hasSize(1);
			assertThat(chairFolder(server, PROCESSED)).isNotEmpty();
		});
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
