package nl.klachten.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.bytes;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A complaint whose encoded Subject decodes to CR LF and header lines (issue 9): the
 * acknowledgement and the chair's notification (whose subject quotes the complaint's)
 * gain no header and no recipient (CONTRACT §4, R9). The subject is cleaned where it is
 * put into ours, and the composer refuses a header that still holds a control character.
 */
class HeaderInjectionIntegrationTests extends MailIntegrationTest {

	private static final String SUBJECT = "=?utf-8?q?Storing=0D=0ABcc:_x@evil.example=0D=0AX-Injected:_1?=";

	@Test
	void shouldAddNoHeaderOrRecipientWhenSubjectDecodesToCrLf() throws Exception {
		String sender = uniqueSender();
		deliver(greenMail,
				aComplaint(sender, SUBJECT, "Mijn internet werkt niet.\n\nNaam: Jan de Vries\n", newMessageId()));
		String reference = awaitReference(sender);

		MimeMessage ack = await().atMost(WAIT)
			.until(() -> inboxOf(greenMail, sender).stream()
				.filter((m) -> reference.equals(header(m, "X-Complaint-Reference")))
				.toList(), (found) -> found.size() == 1)
			.get(0);
		assertClean(ack);
		assertThat(addresses(ack.getRecipients(RecipientType.TO))).containsExactly(sender);

		MimeMessage notification = awaitChairMail(reference, "Nieuwe klacht");
		assertClean(notification);
		assertThat(notification.getSubject()).contains("Storing").doesNotContain("\r", "\n");
		assertThat(addresses(notification.getRecipients(RecipientType.TO))).containsExactly(CHAIR.toLowerCase());

		// nothing reached the injected address over SMTP
		await().during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.until(() -> greenMail.getReceivedMessagesForDomain("evil.example").length == 0);
	}

	private static void assertClean(MimeMessage mail) throws Exception {
		assertThat(header(mail, "Bcc")).isNull();
		assertThat(header(mail, "X-Injected")).isNull();
		assertThat(mail.getRecipients(RecipientType.CC)).isNull();
		assertThat(mail.getRecipients(RecipientType.BCC)).isNull();
		assertThat(mail.getAllRecipients()).hasSize(1);
		String raw = new String(bytes(mail), java.nio.charset.StandardCharsets.UTF_8);
		String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
		assertThat(headers).doesNotContainIgnoringCase("\nBcc:").doesNotContainIgnoringCase("\nX-Injected:");
		// the quoted subject stays on one line in the text too, so no fake header line
		// appears there
		assertThat(raw).doesNotContainIgnoringCase("\nBcc: x@evil.example");
	}

	private static List<String> addresses(Address[] addresses) {
		return addresses == null ? List.of()
				: java.util.Arrays.stream(addresses)
					.map((a) -> ((jakarta.mail.internet.InternetAddress) a).getAddress().toLowerCase())
					.toList();
	}

	private String awaitReference(String sender) {
		Map<String, Object> row = await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT reference FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query()
				.listOfRows(), (rows) -> rows.size() == 1)
			.get(0);
		return (String) row.get("reference");
	}

}
