package nl.klachten.pipeline;

import java.util.ArrayList;
import java.util.List;

import nl.klachten.Application;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, memory: with {@code batch-bytes=4MB} three mails of 3 MB each are read one
 * batch at a time (never two in memory at once), and all three are registered. The exact
 * cut is {@code ImapMailboxBatchTests}; other small mail (the chair's notices) may share
 * a batch.
 */
@SpringBootTest(classes = Application.class, properties = "complaints.intake.batch-bytes=4MB")
class BatchBytesIntegrationTests extends MailIntegrationTest {

	@Test
	void shouldSplitTheBatchAndRegisterAllWhenTheMailsTogetherExceedBatchBytes() {
		String attachment = ("QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n")
			.repeat(40_000);
		List<String> senders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String sender = uniqueSender();
			senders.add(sender);
			String body = "--grens\r\nContent-Type: text/plain\r\n\r\nKlacht met bijlage " + i
					+ "\r\n--grens\r\nContent-Type: application/pdf; name=scan.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
					+ attachment + "--grens--";
			String mail = aComplaint(sender, "Klacht met scan", body, newMessageId())
				.replace("Content-Type: text/plain; charset=UTF-8", "Content-Type: multipart/mixed; boundary=grens");
			assertThat(mail.length()).isGreaterThan(3_000_000);
			deliver(greenMail, mail);
		}

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email IN (?, ?, ?)")
						.params(senders.toArray())
						.query(Integer.class)
						.single())
				.isEqualTo(3));
	}

}
