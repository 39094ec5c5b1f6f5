package nl.klachten.mailbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailFixtures;
import nl.klachten.mailbox.MailboxSettings.Security;
import nl.klachten.mailbox.MailboxSettings.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the outbox's composed mail goes to the SMTP server as its bytes, not parsed
 * and written out again; what the server receives is those bytes, with SMTP's dot
 * stuffing undone, bare line ends made CRLF, and the headers in their order and form.
 */
class SmtpRawSendingIntegrationTests {

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	@Test
	void shouldDeliverTheComposedBytesAsTheyAre() throws Exception {
		String raw = "Message-ID: <raw-1@klikklaar.com>\r\nFrom: NCJansen@klikklaar.com\r\n"
				+ "To: klager@example.org\r\nSubject: =?UTF-8?Q?Ontvangstbevestiging_caf=C3=A9?=\r\n"
				+ "X-Complaint-Reference: KK-2026-0001\r\n\r\n"
				+ "Regel een\r\n.een punt vooraan\r\n..twee punten\r\n.\r\nslot\r\n";
		Server server = new Server("127.0.0.1", greenMail.getSmtp().getPort(), null, null, "INBOX", Security.none,
				false, null);
		SmtpTransport smtp = new SmtpTransport(server, MailFixtures.CHAIR,
				ProblemLog.silent(MailProblem.Service.SMTP, server));
		try (SmtpTransport.Connection connection = smtp.open()) {
			connection.send(raw.getBytes(StandardCharsets.UTF_8), List.of("klager@example.org"));
		}
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		received[0].writeTo(bytes);
		String delivered = bytes.toString(StandardCharsets.UTF_8);
		// the last CRLF belongs to SMTP's end of data, which GreenMail does not keep
		assertThat(delivered).endsWith(raw.substring(0, raw.length() - 2));
		assertThat(received[0].getHeader("Message-ID")).containsExactly("<raw-1@klikklaar.com>");
	}

}
