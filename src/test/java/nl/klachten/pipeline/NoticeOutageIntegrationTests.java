package nl.klachten.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.TestClock;
import nl.klachten.intake.Intake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.feed;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The IMAP server is down while a notice for the chair waits (CONTRACT §4): the notice
 * stays in the outbox with backoff and is placed in the notices folder once the server is
 * back, and the mail to the complainant goes by SMTP meanwhile, not held up by it. The
 * complaint is handed to the intake directly, as the IMAP reader would, since the inbox
 * cannot be read either.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NoticeOutageIntegrationTests {

	/** The outgoing server (its IMAP side is not used). */
	@RegisterExtension
	static GreenMailExtension smtp = MailFixtures.greenMail();

	static final Path register = MailFixtures.registerDirectory();

	static final int imapPort = freePort();

	/** The intake mailbox's server, not started until the test says so. */
	static final GreenMail imap = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		MailFixtures.properties(registry, smtp, register);
		registry.add("complaints.mailbox.imap.port", () -> imapPort);
	}

	@AfterAll
	static void stopImap() {
		imap.stop();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Intake intake;

	@Test
	void shouldKeepNoticeWaitingWhileImapIsDownAndPlaceItOnceItIsBack() {
		String sender = uniqueSender();
		feed(this.intake, 1, aComplaint(sender, "Storing", "Alles ligt eruit.", newMessageId()));
		long id = this.jdbc.sql("SELECT id FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query(Long.class)
			.single();

		// the acknowledgement goes by SMTP; the notification waits, tried, with the next
		// try in the future
		await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(smtp, sender).size() == 1);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(notification(id)).containsEntry("status", "pending")
				.satisfies((row) -> assertThat(((Number) row.get("attempts")).intValue()).isPositive())
				.satisfies((row) -> assertThat(row.get("last_error")).isNotNull()));
		assertThat(outbox(id, "acknowledgement")).containsEntry("status", "sent");

		imap.start();
		imap.setUser(CHAIR, CHAIR, "chair");
		this.clock.advance(Duration.ofMinutes(1));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(notification(id)).containsEntry("status", "sent"));
		String messageId = "<" + notification(id).get("message_id") + ">";
		assertThat(chairFolder(imap, NOTICES)).extracting((MimeMessage m) -> header(m, "Message-ID"))
			.containsExactly(messageId);
		assertThat(inboxOf(smtp, CHAIR)).as("not sent by SMTP instead").isEmpty();
	}

	private Map<String, Object> notification(long complaintId) {
		return outbox(complaintId, "chair-notification");
	}

	private Map<String, Object> outbox(long complaintId, String kind) {
		return this.jdbc
			.sql("SELECT message_id, status, attempts, last_error FROM outbox WHERE complaint_id = ? AND kind = ?")
			.params(complaintId, kind)
			.query()
			.singleRow();
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
