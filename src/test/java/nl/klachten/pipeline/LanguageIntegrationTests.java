package nl.klachten.pipeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language of mail to the complainant over GreenMail (CONTRACT §4): an English
 * complaint is answered in English, a Dutch one in Dutch, the chair reads Dutch either
 * way, and TAAL switches the language of the next mail to the complainant.
 */
class LanguageIntegrationTests extends MailIntegrationTest {

	static final String ENGLISH = "My new washing machine was delivered three weeks late and the driver left it "
			+ "with the neighbours. It has not worked since, and nobody answers my calls.";

	static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("nl"));

	@Test
	void shouldAcknowledgeInEnglishWhenTheComplaintIsWrittenInEnglish() {
		String complainant = uniqueSender();
		deliver(greenMail, aComplaint(complainant, "Washing machine delivered late", ENGLISH, newMessageId()));
		MimeMessage ack = awaitMailTo(complainant, "Your complaint has been received");
		String reference = header(ack, "X-Complaint-Reference");
		LocalDate due = LocalDate.parse(column(reference, "decision_due"));

		assertThat(subject(ack)).isEqualTo("Your complaint has been received [" + reference + "]");
		assertThat(text(ack)).startsWith("Dear Klager,")
			.contains("registered it under reference number " + reference)
			.contains("by " + ENGLISH_DATE.format(due))
			.contains("Kind regards,")
			.doesNotContain("Geachte")
			.doesNotContain(DUTCH_DATE.format(due));
		assertThat(part(ack, "text/html")).contains("<html lang=\"en\">").contains("Dear Klager,");
		assertThat(column(reference, "language")).isEqualTo("en");
		MimeMessage notification = awaitChairMail(reference, "Nieuwe klacht");
		assertThat(part(notification, "text/plain")).as("the committee reads Dutch").doesNotContain("Dear");
	}

	@Test
	void shouldAcknowledgeInDutchWhenTheComplaintIsWrittenInDutch() {
		Filed filed = fileComplaint("Wasmachine te laat", "Mijn nieuwe wasmachine werd drie weken te laat bezorgd en "
				+ "de bezorger heeft haar bij de buren gezet. Sindsdien doet zij het niet.");
		LocalDate due = LocalDate.parse(column(filed.reference(), "decision_due"));

		assertThat(filed.ackSubject()).startsWith("Ontvangstbevestiging van uw klacht");
		assertThat(text(filed.ack())).startsWith("Geachte Klager,").contains(DUTCH_DATE.format(due));
		assertThat(column(filed.reference(), "language")).isEqualTo("nl");
	}

	@Test
	void shouldWriteToTheComplainantInEnglishWhenTheChairSetsTaalEn() {
		Filed filed = fileComplaint("Wasmachine te laat", "Mijn nieuwe wasmachine werd drie weken te laat bezorgd en "
				+ "de bezorger heeft haar bij de buren gezet. Sindsdien doet zij het niet.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");

		MimeMessage confirmation = chairCommand(notification, "TAAL en\n");
		assertThat(part(confirmation, "text/plain")).contains("Taal van de mail aan de klager: Engels");
		assertThat(column(filed.reference(), "language")).isEqualTo("en");

		chairCommand(confirmation, "VRAAG-KLAGER\n\nWhat is your order number?\n");
		MimeMessage question = awaitMailTo(filed.sender(), "A question about your complaint");
		assertThat(text(question)).startsWith("Dear Klager,")
			.contains("In handling your complaint " + filed.reference() + " we have a question:")
			.contains("What is your order number?");

		LocalDate due = LocalDate.parse(column(filed.reference(), "decision_due"));
		chairCommand(confirmation, "VERLENG 2 weken\n\nThe supplier has not answered yet.\n");
		MimeMessage extension = awaitMailTo(filed.sender(), "More time needed for your complaint");
		assertThat(text(extension)).contains("by " + ENGLISH_DATE.format(due.plusWeeks(2)))
			.contains("(before, this was " + ENGLISH_DATE.format(due) + ")");
	}

	@Test
	void shouldExplainInEnglishWhenAnEnglishComplainantCannotAppealOrMustConfirm() {
		String complainant = uniqueSender();
		deliver(greenMail, aComplaint(complainant, "Washing machine delivered late", ENGLISH, newMessageId()));
		MimeMessage ack = awaitMailTo(complainant, "Your complaint has been received");
		String reference = header(ack, "X-Complaint-Reference");

		deliver(greenMail, aMail(complainant, "Re: " + subject(ack), "APPEAL\n\nI do not agree.\n", newMessageId(),
				replyHeaders(messageId(ack)), "text/plain; charset=UTF-8"));
		MimeMessage refused = awaitMailTo(complainant, "Your appeal cannot be lodged");
		assertThat(text(refused)).contains("Your complaint has not been decided yet.").doesNotContain("beslist");

		deliver(greenMail, aMail(complainant, "About [" + reference + "]", "WITHDRAW\n", newMessageId(), "",
				"text/plain; charset=UTF-8"));
		MimeMessage request = awaitMailTo(complainant, "Please confirm your request");
		assertThat(text(request)).contains("with the request: to withdraw the complaint.");
	}

	private MimeMessage chairCommand(MimeMessage answered, String body) {
		String commandId = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(answered), body, commandId, replyHeaders(messageId(answered)),
				"text/plain; charset=UTF-8"));
		MimeMessage answer = awaitReplyTo(CHAIR, commandId);
		assertThat(subject(answer)).as(part(answer, "text/plain")).startsWith("Verwerkt");
		return answer;
	}

	/**
	 * The plain text with its wrapped lines joined: values move to the next line at 76
	 * columns.
	 */
	private static String text(MimeMessage mail) {
		return part(mail, "text/plain").replaceAll("\\s+", " ");
	}

	private String column(String reference, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM complaint WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.single();
	}

}
