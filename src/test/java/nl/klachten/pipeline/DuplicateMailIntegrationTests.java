package nl.klachten.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

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
 * The same mail read twice makes one case and one acknowledgement (CONTRACT §4, R6):
 * idempotent by Message-ID with the same sender and content, or by the content's digest
 * when there is none ({@code MessageIdReuseIntegrationTests} has the different mails that
 * reuse a Message-ID).
 */
class DuplicateMailIntegrationTests extends MailIntegrationTest {

	@Test
	void shouldMakeOneCaseAndOneAcknowledgementWhenSameMessageIdArrivesTwice() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		String raw = aComplaint(sender, "Dubbel verstuurd", "Deze mail komt twee keer.", messageId);
		deliver(greenMail, raw);
		deliver(greenMail, raw);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(chairFolder(greenMail, "INBOX"))
				.noneMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")));
			assertThat(chairFolder(greenMail, PROCESSED))
				.filteredOn((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")))
				.hasSize(2);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(greenMail, sender).size() == 1);
		// and again after the first copy was processed: a restart that reads it once more
		deliver(greenMail, raw);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(chairFolder(greenMail, PROCESSED))
				.filteredOn((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")))
				.hasSize(3));
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(casesFrom(sender)).isEqualTo(1);
			assertThat(inboxOf(greenMail, sender)).hasSize(1);
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE message_id = ?")
			.param(messageId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldMakeOneCaseWhenIdenticalMailWithoutMessageIdArrivesTwice() throws Exception {
		String sender = uniqueSender();
		String subject = "Zonder Message-ID " + sender;
		byte[] raw = aComplaint(sender, subject, "Geen Message-ID in deze mail.", null)
			.getBytes(StandardCharsets.UTF_8);
		deliver(greenMail, raw);
		await().atMost(Duration.ofSeconds(10)).until(() -> casesFrom(sender) == 1);
		deliver(greenMail, raw);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(chairFolder(greenMail, PROCESSED)).filteredOn((m) -> subject.equals(subject(m)))
						.hasSize(2));
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(casesFrom(sender)).isEqualTo(1);
			assertThat(inboxOf(greenMail, sender)).hasSize(1);
		});
		assertThat(this.jdbc.sql("SELECT dedupe_key FROM inbound_mail WHERE sender = ?")
			.param(sender)
			.query(String.class)
			.list()).singleElement().asString().startsWith("sha:");
	}

	private int casesFrom(String sender) {
		return this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query(Integer.class)
			.single();
	}

}
