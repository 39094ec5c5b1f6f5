package nl.klachten.pipeline;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.attachments;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Only the complainant changes their case, and INZAGE shows them only what is theirs
 * (CONTRACT §5, R21, R22): a forged {@code From:} line with the reference in the subject
 * (what anyone who saw the reference can write) withdraws nothing, appeals nothing and
 * changes no details; the real complainant is asked to confirm and a reply to that
 * request applies the change. The data request holds no internal note, no mail between
 * the committee and others, and no Message-ID of such mail.
 */
class ComplainantProofIntegrationTests extends MailIntegrationTest {

	static final String TEXT = "text/plain; charset=UTF-8";

	@Test
	void shouldNotWithdrawWhenIntrekkenComesWithAForgedFromAndWithdrawOnceTheComplainantConfirms() {
		Filed victim = fileComplaint("Storing internet", "Mijn internet valt elke avond weg.");

		// the attacker knows the reference, not our mail: a new mail "from" the victim
		deliver(greenMail,
				aMail(victim.sender(), "Re: [" + victim.reference() + "]", "INTREKKEN\n", newMessageId(), "", TEXT));
		MimeMessage request = awaitMailTo(victim.sender(), "Bevestig uw verzoek");
		assertThat(part(request, "text/plain").replaceAll("\\s+", " ")).contains("de klacht intrekken")
			.contains("nog niets veranderd");
		assertThat(status(victim.id())).isEqualTo("in_behandeling");
		assertThat(inboxOf(greenMail, victim.sender()))
			.noneMatch((m) -> subject(m).startsWith("Uw klacht is ingetrokken"));

		// the real complainant answers the request: now it applies
		deliver(greenMail, aMail(victim.sender(), "Re: " + subject(request), "Ja.\n", newMessageId(),
				replyHeaders(messageId(request)), TEXT));
		awaitMailTo(victim.sender(), "Uw klacht is ingetrokken");
		assertThat(status(victim.id())).isEqualTo("ingetrokken");
	}

	@Test
	void shouldNotChangeDetailsWhenLabelLinesComeWithAForgedFrom() {
		Filed victim = fileComplaint("Factuur klopt niet", "De factuur van november is te hoog.");

		deliver(greenMail, aMail(victim.sender(), "Re: [" + victim.reference() + "]",
				"Adres: Valse straat 13\nWoonplaats: Nergenshuizen\n", newMessageId(), "", TEXT));
		MimeMessage request = awaitMailTo(victim.sender(), "Bevestig uw verzoek");
		assertThat(part(request, "text/plain").replaceAll("\\s+", " ")).contains("uw gegevens in het dossier aanpassen")
			.contains("Adres: Valse straat 13")
			.contains("Woonplaats: Nergenshuizen");
		awaitChairMail(victim.reference(), "Nieuw bericht van de klager");
		assertThat(export(victim.reference()).get("complainant").get("address").isNull()).isTrue();
		assertThat(inboxOf(greenMail, victim.sender()))
			.noneMatch((m) -> subject(m).startsWith("Uw gegevens zijn vastgelegd"));

		// a reply to the acknowledgement is the complainant's own: recorded at once
		deliver(greenMail, aMail(victim.sender(), "Re: " + victim.ackSubject(), "Adres: Kerkstraat 1\n", newMessageId(),
				replyHeaders(messageId(victim.ack())), TEXT));
		awaitMailTo(victim.sender(), "Uw gegevens zijn vastgelegd");
		assertThat(export(victim.reference()).get("complainant").get("address").asString()).isEqualTo("Kerkstraat 1");
	}

	@Test
	void shouldNotFileAnAppealWhenBeroepComesWithAForgedFrom() {
		Filed victim = fileComplaint("Monteur kwam niet", "De monteur kwam twee keer niet.");
		decideByChair(victim);

		deliver(greenMail, aMail(victim.sender(), "Re: [" + victim.reference() + "]", "BEROEP\n\nIk ben het oneens.\n",
				newMessageId(), "", TEXT));
		MimeMessage request = awaitMailTo(victim.sender(), "Bevestig uw verzoek");
		assertThat(part(request, "text/plain").replaceAll("\\s+", " ")).contains("beroep instellen")
			.contains("Gronden: Ik ben het oneens.");
		assertThat(appeals(victim.id())).isZero();

		deliver(greenMail, aMail(victim.sender(), "Re: " + subject(request), "\n", newMessageId(),
				replyHeaders(messageId(request)), TEXT));
		await().atMost(WAIT).until(() -> appeals(victim.id()) == 1);
		assertThat(this.jdbc.sql("SELECT grounds FROM appeal WHERE complaint_id = ?")
			.param(victim.id())
			.query(String.class)
			.single()).contains("Ik ben het oneens.");
	}

	@Test
	void shouldGiveTheComplainantOnlyTheirOwnViewWhenTheyAskForInzage() throws Exception {
		Filed filed = fileComplaint("Wifi zwak", "De wifi op zolder is te zwak.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		String noteId = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(notification), "NOTITIE Klager is lastig, eerst bellen.\n",
				noteId, replyHeaders(messageId(notification)), TEXT));
		awaitReplyTo(CHAIR, noteId);

		deliver(greenMail, aMail(filed.sender(), "Re: " + filed.ackSubject(), "INZAGE\n", newMessageId(),
				replyHeaders(messageId(filed.ack())), TEXT));
		MimeMessage access = awaitMailTo(filed.sender(), "Uw gegevens uit de klachtenadministratie");
		byte[] raw = attachments(access).get("klachtdossier-" + filed.reference() + ".json");
		String json = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
		JsonNode file = JsonMapper.builder().build().readTree(raw).get(0);

		assertThat(json).doesNotContain("Klager is lastig")
			.doesNotContain(messageId(notification))
			.doesNotContain(noteId)
			.doesNotContain("chair-notification")
			.doesNotContain("command-confirmation");
		assertThat(file.has("measures")).isFalse();
		assertThat(file.has("management_involved")).isFalse();
		for (JsonNode entry : file.get("correspondence")) {
			String party = "in".equals(entry.get("direction").asString()) ? entry.get("from").asString()
					: entry.get("to").asString();
			assertThat(party).as(entry.get("kind").asString()).isEqualToIgnoringCase(filed.sender());
		}
		assertThat(file.get("correspondence").toString()).contains("acknowledgement").contains(messageId(filed.ack()));

		// a second request the same day gets no second copy
		deliver(greenMail, aMail(filed.sender(), "Re: " + filed.ackSubject(), "INZAGE\n", newMessageId(),
				replyHeaders(messageId(filed.ack())), TEXT));
		await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE complaint_id = ?")
				.param(filed.id())
				.query(Integer.class)
				.single() >= 4);
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(inboxOf(greenMail, filed.sender()).stream()
				.filter((m) -> subject(m).startsWith("Uw gegevens uit de klachtenadministratie"))).hasSize(1);
		});
	}

	private void decideByChair(Filed filed) {
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		String decisionId = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(notification), "ONGEGROND\n\nDe monteur is wel gekomen.\n",
				decisionId, replyHeaders(messageId(notification)), TEXT));
		awaitReplyTo(CHAIR, decisionId);
		await().atMost(WAIT).until(() -> "afgehandeld".equals(status(filed.id())));
	}

	private String status(long id) {
		return this.jdbc.sql("SELECT status FROM complaint WHERE id = ?").param(id).query(String.class).single();
	}

	private int appeals(long id) {
		return this.jdbc.sql("SELECT count(*) FROM appeal WHERE complaint_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

}
