package nl.klachten.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static nl.klachten.MailFixtures.QUARANTINE;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison mail: over the size limit or unreadable, kept with its raw bytes in quarantine
 * (CONTRACT §4).
 */
@SpringBootTest(classes = Application.class, properties = "complaints.intake.max-message-size=64KB")
class QuarantineIntegrationTests extends MailIntegrationTest {

	@Test
	void shouldQuarantineWithRawBytesAndNoAnswerWhenMailIsOverSizeLimit() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		String marker = "OVERSIZE-" + messageId;
		String body = marker + "\n" + "Dit is een hele lange klacht. ".repeat(4000) + "\nEINDE";
		deliver(greenMail, aComplaint(sender, "Lange klacht", body, messageId));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(chairFolder(greenMail, QUARANTINE))
				.anyMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID"))));
		assertThat(chairFolder(greenMail, "INBOX"))
			.noneMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")));
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM inbound_mail WHERE reason = 'oversize'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("outcome", "quarantined");
		assertThat(row.get("complaint_id")).isNull();
		Path raw = register().resolve((String) row.get("raw_path"));
		assertThat(raw).startsWith(register()).exists();
		byte[] stored = Files.readAllBytes(raw);
		assertThat(stored.length).isGreaterThan(64 * 1024).isEqualTo(((Number) row.get("size")).intValue());
		String text = new String(stored, StandardCharsets.UTF_8);
		assertThat(text).contains(marker).contains("EINDE").contains("Message-ID: <" + messageId + ">");
		assertThat(this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox WHERE recipients = ?")
			.param(sender)
			.query(Integer.class)
			.single()).isZero();
		Holds.during(Duration.ofSeconds(1), () -> assertThat(inboxOf(greenMail, sender)).isEmpty());
	}

	@Test
	void shouldQuarantineWhenMailIsGarbageWithoutHeaders() throws Exception {
		byte[] garbage = new byte[2048];
		new Random(42).nextBytes(garbage);
		garbage[0] = 0;
		long before = quarantined();
		int inQuarantine = chairFolder(greenMail, QUARANTINE).size();
		deliver(greenMail, garbage);

		await().atMost(Duration.ofSeconds(10)).until(() -> quarantined() == before + 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(chairFolder(greenMail, QUARANTINE)).hasSize(inQuarantine + 1));
		Map<String, Object> row = this.jdbc
			.sql("SELECT * FROM inbound_mail WHERE outcome = 'quarantined' ORDER BY id DESC LIMIT 1")
			.query()
			.singleRow();
		assertThat((String) row.get("dedupe_key")).startsWith("sha:");
		assertThat(register().resolve((String) row.get("raw_path"))).exists();
	}

	private long quarantined() {
		return this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE outcome = 'quarantined'")
			.query(Long.class)
			.single();
	}

}
