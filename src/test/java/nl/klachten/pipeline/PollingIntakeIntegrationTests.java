package nl.klachten.pipeline;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.MailIntegrationTest;
import nl.klachten.mailbox.IdleWatcher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The intake flow for a server without IDLE: the poll interval alone drives reading (R6,
 * R9).
 */
@SpringBootTest(classes = Application.class, properties = "complaints.mailbox.imap.idle=false")
class PollingIntakeIntegrationTests extends MailIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Test
	void shouldHaveNoIdleWatcherWhenIdleIsOff() {
		assertThat(this.context.getBeansOfType(IdleWatcher.class)).isEmpty();
	}

	@Test
	void shouldRegisterAcknowledgeAndFileWhenPollingFindsComplaint() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail, aComplaint(sender, "Storing", "Naam: Polly Peiling\nWoonplaats: Ede", messageId));

		Map<String, Object> row = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT * FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query()
				.listOfRows(), (rows) -> rows.size() == 1)
			.get(0);
		String reference = (String) row.get("reference");
		assertThat(reference).matches("KK-\\d{4}-\\d{4}");
		assertThat(row.get("complainant_name")).isEqualTo("Polly Peiling");
		assertThat(row.get("complainant_city")).isEqualTo("Ede");

		await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(greenMail, sender).size() == 1);
		MimeMessage ack = inboxOf(greenMail, sender).get(0);
		assertThat(subject(ack)).contains("[" + reference + "]");
		assertThat(header(ack, "In-Reply-To")).isEqualTo("<" + messageId + ">");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(chairFolder(greenMail, "INBOX")).isEmpty();
			assertThat(chairFolder(greenMail, PROCESSED))
				.anyMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")));
			assertThat(chairFolder(greenMail, NOTICES))
				.anyMatch((m) -> reference.equals(header(m, "X-Complaint-Reference")));
		});
	}

}
