package nl.klachten.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.allText;
import static nl.klachten.MailFixtures.attachments;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.dkimPass;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.pdfText;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appeal by mail over GreenMail IMAP and SMTP (CONTRACT §5, R22, R23): a decision,
 * the complainant's {@code BEROEP} as a reply to it, the file (with the PDF letter) to
 * the appeals committee and the letter to post to the chair, the appeals committee's
 * {@code BEROEP-VERLENG} and {@code BEROEP-ONGEGROND}, and the export; plus an appeal
 * before any decision and an appeal outcome on a case without an appeal.
 */
class AppealIntegrationTests extends MailIntegrationTest {

	static final String AUTHSERV = "mx.klikklaar.com";

	@DynamicPropertySource
	static void moreProperties(DynamicPropertyRegistry registry) {
		registry.add("complaints.commands.trusted-authserv-id", () -> AUTHSERV);
	}

	static final String APPEALS = "beroepscommissie@klikklaar.com";

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("nl"));

	@Test
	void shouldRecordAppealSendFileAndLetterThenExtendAndDismissIt() {
		// a complaint, found unfounded by the chair
		String complainant = uniqueSender();
		deliver(greenMail, aComplaint(complainant, "Monteur kwam niet opdagen",
				"Ik heb drie keer vrij genomen en de monteur kwam nooit.", newMessageId()));
		MimeMessage ack = awaitMailTo(complainant, "Ontvangstbevestiging");
		String reference = header(ack, "X-Complaint-Reference");
		long id = complaintId(reference);
		MimeMessage notification = awaitChairMail(reference, "Nieuwe klacht");
		chairCommand(notification, """
				ONGEGROND

				Volgens onze planning is de monteur twee keer langs geweest en niet binnengelaten.
				""");
		MimeMessage decision = awaitMailTo(complainant, "Beslissing op uw klacht");
		assertThat(part(decision, "text/plain")).contains("ongegrond");

		// R22: the complainant appeals in a reply to the decision
		String appealId = newMessageId();
		deliver(greenMail, aMail(complainant, "Re: " + subject(decision), """
				BEROEP

				De monteur is nooit aangebeld; ik was de hele dag thuis.
				""", appealId, replyHeaders(messageId(decision)), "text/plain; charset=UTF-8"));
		MimeMessage confirmation = awaitMailTo(complainant, "Uw beroep is ontvangen");
		assertThat(header(confirmation, "In-Reply-To")).isEqualTo("<" + appealId + ">");
		Map<String, Object> appeal = appealRow(id);
		OffsetDateTime filedAt = OffsetDateTime.parse((String) appeal.get("filed_at"));
		LocalDate due = filedAt.atZoneSameInstant(ZONE).toLocalDate().plusDays(56);
		assertThat(appeal.get("due")).isEqualTo(due.toString());
		assertThat(part(confirmation, "text/plain")).contains(DUTCH_DATE.format(due))
			.contains("De monteur is nooit aangebeld; ik was de hele dag thuis.")
			.contains("8 weken")
			.contains(reference);

		// the appeals committee gets the file with the PDF letter
		MimeMessage appealFile = awaitMailTo(APPEALS, "Beroep tegen de beslissing op klacht " + reference);
		assertThat(allText(appealFile)).contains(reference)
			.contains(DUTCH_DATE.format(due))
			.contains("De monteur is nooit aangebeld");
		assertPdfLetter(appealFile, reference);

		// the chair gets the letter to post, with the same PDF
		MimeMessage toPost = awaitChairMail(reference, "Beroepsbrief om te posten");
		assertThat(allText(toPost)).contains(reference).contains(APPEALS);
		assertPdfLetter(toPost, reference);
		assertThat(this.jdbc.sql("SELECT count(*) FROM appeal_letter WHERE complaint_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		byte[] stored = this.jdbc.sql("SELECT pdf FROM appeal_letter WHERE complaint_id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		assertThat(new String(Arrays.copyOf(stored, 4), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

		// R23: the appeals committee extends by two weeks, counted from the appeal's term
		LocalDate extended = due.plusWeeks(2);
		MimeMessage appealsConfirmation = appealsCommand(appealFile, """
				BEROEP-VERLENG 2 weken

				De commissie wacht op het verslag van de monteur.
				""");
		assertThat(subject(appealsConfirmation)).as(part(appealsConfirmation, "text/plain")).startsWith("Verwerkt");
		MimeMessage extension = awaitMailTo(complainant, "Meer tijd nodig voor de uitspraak op uw beroep");
		assertThat(part(extension, "text/plain")).contains(DUTCH_DATE.format(extended))
			.contains(DUTCH_DATE.format(due))
			.contains("De commissie wacht op het verslag van de monteur.");
		assertThat(appealRow(id).get("due")).isEqualTo(extended.toString());

		// R23: the binding outcome, with the civil court open
		appealsConfirmation = appealsCommand(appealsConfirmation, """
				BEROEP-ONGEGROND

				Het verslag van de monteur bevestigt dat niemand opendeed.
				""");
		assertThat(subject(appealsConfirmation)).as(part(appealsConfirmation, "text/plain")).startsWith("Verwerkt");
		MimeMessage outcome = awaitMailTo(complainant, "Uitspraak van de beroepscommissie");
		assertThat(part(outcome, "text/plain")).contains("burgerlijke rechter")
			.contains("ongegrond")
			.contains("Het verslag van de monteur bevestigt dat niemand opendeed.")
			.contains(reference);

		// R19: the export holds the appeal
		JsonNode exported = export(reference).get("appeal");
		assertThat(exported.isNull()).isFalse();
		assertThat(OffsetDateTime.parse(exported.get("filed_at").asString()).toInstant())
			.isEqualTo(filedAt.toInstant());
		assertThat(exported.get("due").asString()).isEqualTo(extended.toString());
		assertThat(exported.get("outcome").asString()).isEqualTo("ongegrond");
		assertThat(exported.get("decided_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(LocalDate.parse(exported.get("decided_at").asString()))
			.isBetween(filedAt.atZoneSameInstant(ZONE).toLocalDate(), LocalDate.now(this.clock.withZone(ZONE)));
	}

	@Test
	void shouldRefuseAppealBeforeAnyDecision() {
		String complainant = uniqueSender();
		deliver(greenMail, aComplaint(complainant, "Factuur klopt niet",
				"Ik betaal twee keer voor hetzelfde abonnement.", newMessageId()));
		MimeMessage ack = awaitMailTo(complainant, "Ontvangstbevestiging");
		String reference = header(ack, "X-Complaint-Reference");
		long id = complaintId(reference);

		String appealId = newMessageId();
		deliver(greenMail, aMail(complainant, "Re: " + subject(ack), "BEROEP\n\nIk wil in beroep.\n", appealId,
				replyHeaders(messageId(ack)), "text/plain; charset=UTF-8"));
		MimeMessage refused = awaitMailTo(complainant, "Uw beroep kan niet worden ingesteld");
		assertThat(header(refused, "In-Reply-To")).isEqualTo("<" + appealId + ">");
		assertThat(part(refused, "text/plain")).contains("nog niet beslist").contains(reference);
		assertThat(this.jdbc.sql("SELECT count(*) FROM appeal WHERE complaint_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM appeal_letter WHERE complaint_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		assertThat(
				inboxOf(greenMail, complainant).stream().filter((m) -> subject(m).startsWith("Uw beroep is ontvangen")))
			.isEmpty();
		assertThat(export(reference).get("appeal").isNull()).isTrue();
	}

	@Test
	void shouldRejectAppealOutcomeOnCaseWithoutAppeal() {
		String complainant = uniqueSender();
		deliver(greenMail, aComplaint(complainant, "Storing bij verhuizing", "Na de verhuizing heb ik geen internet.",
				newMessageId()));
		MimeMessage ack = awaitMailTo(complainant, "Ontvangstbevestiging");
		String reference = header(ack, "X-Complaint-Reference");
		long id = complaintId(reference);

		// a new mail naming the case, trusted through DKIM, as nothing was sent to the
		// appeals committee yet
		String commandId = newMessageId();
		deliver(greenMail, aMail(APPEALS, "Beroep [" + reference + "]", """
				BEROEP-GEGROND

				De klager heeft gelijk.
				""", commandId, dkimPass(AUTHSERV, "klikklaar.com"), "text/plain; charset=UTF-8"));
		MimeMessage rejected = awaitReplyTo(APPEALS, commandId);
		assertThat(subject(rejected)).startsWith("Niet uitgevoerd");
		assertThat(part(rejected, "text/plain")).contains("BEROEP-GEGROND").contains("Er is geen beroep ingesteld");
		assertThat(this.jdbc.sql("SELECT count(*) FROM appeal WHERE complaint_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		assertThat(inboxOf(greenMail, complainant).stream()
			.filter((m) -> subject(m).startsWith("Uitspraak van de beroepscommissie"))).isEmpty();
	}

	private void assertPdfLetter(MimeMessage mail, String reference) {
		Map<String, byte[]> files = attachments(mail);
		assertThat(files).containsOnlyKeys("beroep-" + reference + ".pdf");
		byte[] pdf = files.get("beroep-" + reference + ".pdf");
		assertThat(new String(Arrays.copyOf(pdf, 4), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		assertThat(pdfText(pdf)).contains(reference);
	}

	/**
	 * The chair answers a mail of the processor with commands; returns the confirmation.
	 */
	private MimeMessage chairCommand(MimeMessage answered, String body) {
		String commandId = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(answered), body, commandId, replyHeaders(messageId(answered)),
				"text/plain; charset=UTF-8"));
		MimeMessage answer = awaitReplyTo(CHAIR, commandId);
		assertThat(subject(answer)).as(part(answer, "text/plain")).startsWith("Verwerkt");
		return answer;
	}

	/**
	 * The appeals committee answers a mail it got from the processor; returns the
	 * processor's answer.
	 */
	private MimeMessage appealsCommand(MimeMessage answered, String body) {
		String commandId = newMessageId();
		deliver(greenMail, aMail(APPEALS, "Re: " + subject(answered), body, commandId,
				replyHeaders(messageId(answered)), "text/plain; charset=UTF-8"));
		return awaitReplyTo(APPEALS, commandId);
	}

	private long complaintId(String reference) {
		return this.jdbc.sql("SELECT id FROM complaint WHERE reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}

	private Map<String, Object> appealRow(long id) {
		return this.jdbc.sql("SELECT filed_at, due, outcome, decided_at FROM appeal WHERE complaint_id = ?")
			.param(id)
			.query()
			.singleRow();
	}

}
