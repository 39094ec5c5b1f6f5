package nl.klachten.pipeline;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code complaints.language.default=en}: a complaint whose language is not recognised is
 * answered in English.
 */
@SpringBootTest(classes = Application.class, properties = "complaints.language.default=en")
class DefaultLanguageIntegrationTests extends MailIntegrationTest {

	@Test
	void shouldAcknowledgeInTheDefaultLanguageWhenTheTextSaysTooLittle() {
		String complainant = uniqueSender();
		deliver(greenMail, aComplaint(complainant, "Oven WM-300", "Kapot. Graag snel.", newMessageId()));
		MimeMessage ack = awaitMailTo(complainant, "Your complaint has been received");

		assertThat(subject(ack)).endsWith("[" + header(ack, "X-Complaint-Reference") + "]");
		assertThat(part(ack, "text/plain")).startsWith("Dear Klager,");
	}

	@Test
	void shouldStillAcknowledgeInDutchWhenTheTextIsDutch() {
		Filed filed = fileComplaint("Oven kapot", "Ik heb een oven gekocht en die doet het niet meer. Ik wil graag "
				+ "mijn geld terug of een nieuwe oven van u.");
		assertThat(part(filed.ack(), "text/plain")).startsWith("Geachte Klager,");
	}

}
