package nl.klachten.pipeline;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chair whose address is not the intake address (CONTRACT §4): mail for the chair is
 * sent to that address by SMTP, as before, and nothing is placed in the intake mailbox's
 * notices folder. The chair's address is written as configured, also in the answer to a
 * reply whose sender the processor read in lower case.
 */
@SpringBootTest(properties = "complaints.committee.chair.email=" + ChairElsewhereIntegrationTests.ELSEWHERE)
class ChairElsewhereIntegrationTests extends MailIntegrationTest {

	static final String ELSEWHERE = "Voorzitter@elders.example";

	@Test
	void shouldSendChairMailBySmtpToConfiguredAddressWhenChairIsNotIntakeAddress() {
		Filed filed = fileComplaint("Storing", "Mijn internet werkt al weken niet.");

		MimeMessage notification = await().atMost(WAIT)
			.until(() -> inboxOf(greenMail, ELSEWHERE).stream()
				.filter((m) -> filed.reference().equals(header(m, "X-Complaint-Reference")))
				.toList(), (found) -> found.size() == 1)
			.get(0);
		assertThat(header(notification, "To")).isEqualTo(ELSEWHERE);
		assertThat(chairFolder(greenMail, NOTICES)).isEmpty();

		// the chair answers from the same address, written in lower case by the mail
		// client
		String commandId = newMessageId();
		deliver(greenMail, aMail(ELSEWHERE.toLowerCase(), "Re: " + subject(notification), "NOTITIE\n\nBellen.\n",
				commandId, replyHeaders(messageId(notification)), "text/plain; charset=UTF-8"));
		MimeMessage confirmation = awaitReplyTo(ELSEWHERE, commandId);

		assertThat(subject(confirmation)).startsWith("Verwerkt");
		assertThat(header(confirmation, "To")).isEqualTo(ELSEWHERE);
		assertThat(chairFolder(greenMail, NOTICES)).isEmpty();
	}

}
