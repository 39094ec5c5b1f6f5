package nl.klachten.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.allText;
import static nl.klachten.MailFixtures.attachments;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Threading end to end over GreenMail IMAP (IDLE) and SMTP: a complainant's reply to the
 * acknowledgement, register details from it, data access (R21), withdrawal, a stranger
 * quoting a reference, and an HTML-only reply (CONTRACT §4, §5, R13, R19, R21).
 */
class ThreadingIntegrationTests extends MailIntegrationTest {

	static final String ACK_PHRASE = "Wij hebben uw klacht ontvangen";

	@Test
	void shouldNotifyChairAndConfirmDetailsWhenComplainantRepliesToAcknowledgement() throws Exception {
		Filed filed = file("Internet valt steeds weg", "Mijn internet valt elke avond weg.");
		String replyId = newMessageId();
		deliver(greenMail, aMail(filed.sender(), "Re: " + filed.ackSubject(), """
				Hierbij de ontbrekende gegevens.

				Adres: Kerkstraat 1
				Woonplaats: Utrecht
				Product: Glasvezel 500

				Op ma 5 jan 2026 om 10:12 schreef Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:

				""" + quote(part(filed.ack(), "text/plain")), replyId, replyTo(messageId(filed.ack())),
				"text/plain; charset=UTF-8"));

		// the chair: the new text, without the quoted acknowledgement
		MimeMessage note = awaitChairMail(filed.reference(), "Nieuw bericht van de klager");
		String noteText = part(note, "text/plain");
		assertThat(noteText).contains("Hierbij de ontbrekende gegevens.")
			.contains("Kerkstraat 1")
			.doesNotContain(ACK_PHRASE);
		// the complainant: what was recorded
		MimeMessage recorded = awaitMailTo(filed.sender(), "Uw gegevens zijn vastgelegd");
		assertThat(header(recorded, "X-Complaint-Reference")).isEqualTo(filed.reference());
		assertThat(header(recorded, "In-Reply-To")).isEqualTo("<" + replyId + ">");
		// wrapped and aligned text: compared with its runs of white space made one space
		assertThat(part(recorded, "text/plain").replaceAll("\\s+", " ")).contains("Adres: Kerkstraat 1")
			.contains("Woonplaats: Utrecht")
			.contains("Product: Glasvezel 500");

		// the export (CONTRACT §6)
		JsonNode file = exported(filed.reference());
		assertThat(file.get("complainant").get("address").asString()).isEqualTo("Kerkstraat 1");
		assertThat(file.get("complainant").get("city").asString()).isEqualTo("Utrecht");
		assertThat(file.get("products").toString()).contains("Glasvezel 500");
		List<String> kinds = new ArrayList<>();
		for (JsonNode entry : file.get("correspondence")) {
			kinds.add(entry.get("kind").asString() + "/" + entry.get("direction").asString());
		}
		JsonNode followUp = file.get("correspondence").get(kinds.indexOf("follow-up/in"));
		assertThat(followUp.get("message_id").asString()).isEqualTo(replyId);
		assertThat(followUp.get("text").asString()).contains("Adres: Kerkstraat 1").doesNotContain(ACK_PHRASE);
		assertThat(followUp.get("body").asString()).contains("Adres: Kerkstraat 1").contains(ACK_PHRASE);
		assertThat(count("SELECT count(*) FROM complaint WHERE complainant_email = ?", filed.sender())).isOne();
		// in the order it happened: the complaint before its acknowledgement
		assertThat(kinds).containsExactly("complaint/in", "acknowledgement/out", "chair-notification/out",
				"follow-up/in", "details-recorded/out", "follow-up-notification/out");
	}

	@Test
	void shouldSendDataAccessWithJsonWhenComplainantAsksForInzage() throws Exception {
		Filed filed = file("Monteur niet gekomen", "De monteur kwam twee keer niet opdagen.");
		deliver(greenMail,
				aMail(filed.sender(), "Re: " + filed.ackSubject(),
						"INZAGE\n\nOp ma 5 jan 2026 om 10:12 "
								+ "schreef Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:\n\n"
								+ quote(part(filed.ack(), "text/plain")),
						newMessageId(), replyTo(messageId(filed.ack())), "text/plain; charset=UTF-8"));

		MimeMessage access = awaitMailTo(filed.sender(), "Uw gegevens uit de klachtenadministratie");
		assertThat(access.getAllRecipients()).hasSize(1);
		assertThat(access.getAllRecipients()[0].toString()).contains(filed.sender());
		assertThat(allText(access)).contains(filed.reference()).contains(filed.sender());
		Map<String, byte[]> files = attachments(access);
		assertThat(files).containsOnlyKeys("klachtdossier-" + filed.reference() + ".json");
		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(files.get("klachtdossier-" + filed.reference() + ".json"));
		assertThat(json.isArray()).isTrue();
		assertThat(json.get(0).get("reference").asString()).isEqualTo(filed.reference());
		assertThat(json.get(0).get("complainant").get("email").asString()).isEqualTo(filed.sender());
		assertThat(json.get(0).get("description").asString()).contains("twee keer niet opdagen");
		assertThat(count("SELECT count(*) FROM data_request WHERE complaint_id = ?", filed.id())).isOne();
	}

	@Test
	void shouldRegisterNewComplaintWithoutLeakingCaseWhenStrangerAsksForInzage() throws Exception {
		Filed filed = file("Storing televisie", "Het beeld van mijn televisie bevriest steeds.");
		String stranger = uniqueSender();
		deliver(greenMail,
				aMail(stranger, "Re: " + filed.ackSubject(),
						"INZAGE\n\nOp ma 5 jan 2026 om 10:12 "
								+ "schreef Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:\n\n"
								+ quote(part(filed.ack(), "text/plain")),
						newMessageId(), replyTo(messageId(filed.ack())), "text/plain; charset=UTF-8"));

		Map<String, Object> own = await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT * FROM complaint WHERE complainant_email = ?")
				.param(stranger)
				.query()
				.listOfRows(), (rows) -> rows.size() == 1)
			.get(0);
		String ownReference = (String) own.get("reference");
		assertThat(ownReference).isNotEqualTo(filed.reference());
		MimeMessage chairNote = awaitChairMail(ownReference, "Nieuwe klacht");
		assertThat(part(chairNote, "text/plain")).contains("MOGELIJK VERBAND MET " + filed.reference());

		MimeMessage ack = awaitMailTo(stranger, "Ontvangstbevestiging");
		Holds.during(Duration.ofSeconds(2), () -> {
			assertThat(inboxOf(greenMail, stranger)).as("only the acknowledgement of their own case").hasSize(1);
		});
		assertThat(header(ack, "X-Complaint-Reference")).isEqualTo(ownReference);
		assertThat(attachments(ack)).isEmpty();
		assertThat(count("SELECT count(*) FROM data_request WHERE complaint_id = ?", filed.id())).isZero();
		assertThat(count("SELECT count(*) FROM correspondence WHERE complaint_id = ? AND lower(sender) = lower(?)",
				filed.id(), stranger))
			.isZero();
		assertThat(allText(ack)).doesNotContain("bevriest steeds").doesNotContain(filed.reference());
	}

	@Test
	void shouldWithdrawAndKeepLaterFollowUpWhenComplainantSendsIntrekken() throws Exception {
		Filed filed = file("Verkeerde abonnement", "Ik heb een ander abonnement gekregen dan besteld.");
		deliver(greenMail, aMail(filed.sender(), "Re: " + filed.ackSubject(), "INTREKKEN\n\nHet is opgelost.",
				newMessageId(), replyTo(messageId(filed.ack())), "text/plain; charset=UTF-8"));

		MimeMessage confirmation = awaitMailTo(filed.sender(), "Uw klacht is ingetrokken");
		assertThat(header(confirmation, "X-Complaint-Reference")).isEqualTo(filed.reference());
		MimeMessage notification = awaitChairMail(filed.reference(), "Klacht ingetrokken door de klager");
		assertThat(part(notification, "text/plain")).contains(filed.sender());
		assertThat(status(filed.id())).isEqualTo("ingetrokken");

		String later = newMessageId();
		deliver(greenMail, aMail(filed.sender(), "Re: " + filed.ackSubject(), "Toch nog een vraag over de factuur.",
				later, "", "text/plain; charset=UTF-8"));
		MimeMessage note = awaitChairMail(filed.reference(), "Nieuw bericht van de klager");
		assertThat(part(note, "text/plain")).contains("Toch nog een vraag over de factuur.").contains("niet heropend");
		assertThat(count(
				"SELECT count(*) FROM correspondence WHERE complaint_id = ? AND message_id = ? AND kind = 'follow-up'",
				filed.id(), later))
			.isOne();
		assertThat(status(filed.id())).isEqualTo("ingetrokken");
		assertThat(count("SELECT count(*) FROM complaint WHERE complainant_email = ?", filed.sender())).isOne();
	}

	@Test
	void shouldThreadAndReadNewTextWhenComplainantRepliesInHtmlOnly() throws Exception {
		Filed filed = file("Wifi zwak", "De wifi op de bovenverdieping is te zwak.");
		String html = part(filed.ack(), "text/html");
		String replyId = newMessageId();
		deliver(greenMail, aMail(filed.sender(), "Re: mijn klacht", """
				<html><body><div dir="ltr">Het signaal is <b>weer</b> weg sinds gisteren.</div><br>
				<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Op ma 5 jan 2026 om 10:12 schreef \
				Klachtencommissie Klikklaar &lt;NCJansen@klikklaar.com&gt;:<br></div>
				<blockquote class="gmail_quote">""" + html + "</blockquote></div></body></html>", replyId, "",
				"text/html; charset=UTF-8"));

		MimeMessage note = awaitChairMail(filed.reference(), "Nieuw bericht van de klager");
		assertThat(part(note, "text/plain")).contains("Het signaal is weer weg sinds gisteren.")
			.doesNotContain(ACK_PHRASE);
		String newText = this.jdbc
			.sql("SELECT new_text FROM correspondence WHERE complaint_id = ? AND message_id = ? AND kind = 'follow-up'")
			.params(filed.id(), replyId)
			.query(String.class)
			.single();
		assertThat(newText).contains("Het signaal is weer weg sinds gisteren.")
			.doesNotContain("<div")
			.doesNotContain(ACK_PHRASE);
	}

	private Filed file(String subject, String text) {
		Filed filed = fileComplaint(subject, text);
		assertThat(header(filed.ack(), "X-Complaint-Reference")).isEqualTo(filed.reference());
		return filed;
	}

	private static String replyTo(String id) {
		return "In-Reply-To: <" + id + ">\r\nReferences: <" + id + ">\r\n";
	}

	private static String quote(String text) {
		return text.replace("\r\n", "\n")
			.strip()
			.lines()
			.map((l) -> l.isEmpty() ? ">" : "> " + l)
			.reduce((a, b) -> a + "\n" + b)
			.orElse("");
	}

	private JsonNode exported(String reference) {
		await().atMost(WAIT)
			.until(() -> count("SELECT count(*) FROM correspondence c JOIN complaint k "
					+ "ON k.id = c.complaint_id WHERE k.reference = ?", reference) >= 6);
		return export(reference);
	}

	private String status(long id) {
		return this.jdbc.sql("SELECT status FROM complaint WHERE id = ?").param(id).query(String.class).single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
