package nl.klachten.realstack;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processor's whole loop on Dovecot and Postfix (issue 12): a complaint sent through
 * Postfix is registered, acknowledged into the complainant's Dovecot INBOX, filed in
 * {@code Klachten/Verwerkt} with the chair's notice in {@code Klachten/Meldingen}; a
 * reply joins the case; the chair's command is carried out; and a recipient Postfix
 * refuses with 550 is not retried, the chair being told once.
 */
class MailFlowRealServerIT extends RealServerTest {

	private record Filed(String sender, String messageId, long id, String reference, MimeMessage ack) {
	}

	private Filed file(String sender, String subject, String text) {
		String messageId = newMessageId();
		RealServers.send(sender, CHAIR, aComplaint(sender, subject, text, messageId));
		Map<String, Object> row = awaitComplaintFrom(sender);
		MimeMessage ack = awaitOne(sender, "INBOX", subjectStarts("Ontvangstbevestiging"));
		return new Filed(sender, messageId, ((Number) row.get("id")).longValue(), (String) row.get("reference"), ack);
	}

	private MimeMessage command(MimeMessage answered, String body) {
		String commandId = newMessageId();
		RealServers.send(CHAIR, CHAIR, aMail(CHAIR, "Re: " + subject(answered), body, commandId,
				replyHeaders(messageId(answered)), "text/plain; charset=UTF-8"));
		MimeMessage answer = awaitOne(CHAIR, MELDINGEN, inReplyTo(commandId));
		assertThat(subject(answer)).as(part(answer, "text/plain")).startsWith("Verwerkt");
		return answer;
	}

	@Test
	void shouldRegisterAcknowledgeAndFileWhenAComplaintArrivesThroughPostfix() {
		Filed filed = file("klager1@example.org", "Factuur klopt niet",
				"Ik betaal twee keer voor hetzelfde abonnement.");

		assertThat(header(filed.ack(), "X-Complaint-Reference")).isEqualTo(filed.reference());
		assertThat(subject(filed.ack())).contains("[" + filed.reference() + "]");
		MimeMessage notice = awaitOne(CHAIR, MELDINGEN, about(filed.reference(), "Nieuwe klacht"));
		assertThat(part(notice, "text/plain")).contains(filed.reference());
		awaitOne(CHAIR, VERWERKT, (m) -> messageId(m).equals(filed.messageId()));
		await().atMost(WAIT).until(() -> RealServers.folder(CHAIR, "INBOX").isEmpty());
	}

	private long incoming(long id) {
		return correspondence(id).stream().filter((c) -> "in".equals(c.get("direction"))).count();
	}

	@Test
	void shouldJoinTheCaseWhenTheComplainantRepliesWithTheReference() {
		Filed filed = file("klager2@example.org", "Modem kapot", "Mijn modem doet het niet meer sinds dinsdag.");
		long before = incoming(filed.id());
		String replyId = newMessageId();
		RealServers.send(filed.sender(), CHAIR,
				aMail(filed.sender(), "Re: " + subject(filed.ack()), "Ook vandaag weer niets.\n", replyId,
						replyHeaders(messageId(filed.ack())), "text/plain; charset=UTF-8"));

		awaitOne(CHAIR, VERWERKT, (m) -> messageId(m).equals(replyId));
		await().atMost(WAIT).until(() -> incoming(filed.id()) == before + 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
			.param(filed.sender())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldMailTheDecisionWhenTheChairRepliesGegrond() {
		Filed filed = file("klager3@example.org", "Monteur kwam niet", "De monteur kwam drie keer niet opdagen.");
		MimeMessage notice = awaitOne(CHAIR, MELDINGEN, about(filed.reference(), "Nieuwe klacht"));

		command(notice, """
				GEGROND

				De monteur had moeten komen; wij vergoeden de gemiste dagen.
				""");

		MimeMessage decision = awaitOne(filed.sender(), "INBOX", subjectStarts("Beslissing op uw klacht"));
		assertThat(part(decision, "text/plain")).contains("wij vergoeden de gemiste dagen");
	}

	@Test
	void shouldTellTheChairOnceAndNotRetryWhenPostfixRefusesTheEmployee() {
		Filed filed = file("klager4@example.org", "Verkeerde aansluiting", "Men heeft de verkeerde lijn aangesloten.");
		MimeMessage notice = awaitOne(CHAIR, MELDINGEN, about(filed.reference(), "Nieuwe klacht"));
		MimeMessage confirmation = command(notice, "MEDEWERKER Niemand <nobody@klikklaar.com>\n");
		command(confirmation, """
				VRAAG-MEDEWERKER

				Welke lijn heb je aangesloten?
				""");

		MimeMessage refused = awaitOne(CHAIR, MELDINGEN, about(filed.reference(), "Niet bezorgd"));
		assertThat(subject(refused)).contains("nobody@klikklaar.com");
		assertThat(part(refused, "text/plain").replaceAll("\\s+", " ")).contains("nobody@klikklaar.com")
			.contains(filed.reference());
		List<Map<String, Object>> outbox = this.jdbc
			.sql("SELECT status, attempts, last_error FROM outbox WHERE kind = 'question-employee'")
			.query()
			.listOfRows();
		assertThat(outbox).singleElement().satisfies((row) -> {
			assertThat(row.get("status")).isEqualTo("failed");
			assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
			assertThat(row.get("last_error")).isEqualTo("recipient-refused");
		});
		// the next outbox runs neither send it again nor tell the chair twice
		await().pollDelay(java.time.Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
		assertThat(RealServers.folder(CHAIR, MELDINGEN).stream().filter(about(filed.reference(), "Niet bezorgd")))
			.hasSize(1);
	}

}
