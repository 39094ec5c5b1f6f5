package nl.klachten.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.inboxOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The log canary of STYLE §11 (R8): a complaint carrying a unique marker in subject,
 * body, sender name and address and attachment name goes end to end; the marker must not
 * reach any log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogCanaryIntegrationTests extends MailIntegrationTest {

	@Test
	void shouldNeverLogComplaintContentWhenComplaintIsProcessed(CapturedOutput output) throws Exception {
		String marker = "canary" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String sender = marker + "@example.org";
		String messageId = marker + "@mail.example.org";
		String raw = "From: Piet " + marker + " <" + sender + ">\r\n" + "To: " + CHAIR + "\r\n" + "Subject: Klacht "
				+ marker + "\r\n" + "Date: Mon, 1 Jan 2024 10:00:00 +0100\r\n" + "Message-ID: <" + messageId + ">\r\n"
				+ "MIME-Version: 1.0\r\n" + "Content-Type: multipart/mixed; boundary=\"grens\"\r\n\r\n" + "--grens\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + "Mijn klacht: " + marker + "\r\n" + "Naam: "
				+ marker + "\r\nAdres: " + marker + "straat 1\r\n\r\n" + "--grens\r\n"
				+ "Content-Type: application/pdf; name=\"" + marker + ".pdf\"\r\n"
				+ "Content-Disposition: attachment; filename=\"" + marker + ".pdf\"\r\n"
				+ "Content-Transfer-Encoding: base64\r\n\r\n" + "JVBERi0xLjQK\r\n" + "--grens--\r\n";
		deliver(greenMail, raw);

		String reference = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT reference FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query(String.class)
				.optional(), (found) -> found.isPresent())
			.orElseThrow();
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(greenMail, sender).size() == 1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(chairFolder(greenMail, "INBOX")).isEmpty();
			assertThat(chairFolder(greenMail, PROCESSED)).hasSize(1);
			assertThat(chairFolder(greenMail, NOTICES)).hasSize(1);
		});
		Holds.during(Duration.ofSeconds(1), () -> assertThat(output.getAll().toLowerCase(Locale.ROOT))
			.doesNotContain(marker.toLowerCase(Locale.ROOT)));

		// the capture works: the registration itself is logged, by reference
		assertThat(output.getAll()).contains(reference);
		assertThat(output.getAll().toLowerCase(Locale.ROOT)).doesNotContain(marker.toLowerCase(Locale.ROOT));
	}

}
