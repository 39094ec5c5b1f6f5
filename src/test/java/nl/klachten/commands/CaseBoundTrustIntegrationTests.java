package nl.klachten.commands;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.chairMails;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The attacks on command trust seen on the old code (issue 10), end to end over
 * GreenMail: trust is bound to the case of the mail it answers, a refused mail never
 * becomes a threading anchor, a mail we sent to the complainant proves nothing for the
 * chair, and only the trusted server's own {@code Authentication-Results}, read as RFC
 * 8601 and never decoded, can authenticate a new mail (CONTRACT §5).
 */
class CaseBoundTrustIntegrationTests extends MailIntegrationTest {

	static final String AUTHSERV = "mx.klikklaar.com";

	static final String TEXT = "text/plain; charset=UTF-8";

	@DynamicPropertySource
	static void trust(DynamicPropertyRegistry registry) {
		registry.add("complaints.commands.trusted-authserv-id", () -> AUTHSERV);
	}

	record Case(String sender, String reference, MimeMessage ack, MimeMessage notification) {
	}

	@Test
	void shouldRefuseADecisionWhenTheComplainantForgesTheChairAnsweringTheirAcknowledgement() {
		Case own = file("Monteur kwam niet", "De monteur kwam niet.");
		// the complainant knows the acknowledgement's Message-ID: it was sent to them,
		// not to the chair
		String forged = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(own.ack()), "GEGROND\n\nIk krijg gelijk.\n", forged,
				replyHeaders(messageId(own.ack())), TEXT));
		MimeMessage refusal = awaitReplyTo(CHAIR, forged);
		assertThat(part(refusal, "text/plain")).contains("niet als echt herkend");
		assertThat(export(own.reference()).get("decision").isNull()).isTrue();
		assertThat(inboxOf(greenMail, own.sender())).noneMatch((m) -> subject(m).startsWith("Beslissing"));
	}

	@Test
	void shouldApplyACommandOnlyToTheCaseOfTheAnsweredMailAndNeverThreadARefusedOne() {
		Case victim = file("Factuur te hoog", "Mijn factuur is te hoog.");
		Case attacker = file("Eigen klacht", "Een klacht om een notificatie te krijgen.");

		// step 1: a forged chair mail naming the victim's case, with a Message-ID of the
		// attacker's choice
		String chosen = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: [" + victim.reference() + "]", "GEGROND\n\nZo is het.\n", chosen, "", TEXT));
		awaitReplyTo(CHAIR, chosen);
		assertThat(this.jdbc.sql("SELECT count(*) FROM correspondence WHERE message_id = ?")
			.param(chosen)
			.query(Integer.class)
			.single()).as("a refused mail is no threading anchor").isZero();

		// step 2: a command naming that id first and a (leaked) notification of the
		// attacker's own case
		String command = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: [" + victim.reference() + "]",
				"MEDEWERKER Boef <boef@evil.example>\nGEGROND\n\nDe klager krijgt alles.\n", command, "In-Reply-To: <"
						+ chosen + ">\r\nReferences: <" + chosen + "> <" + messageId(attacker.notification()) + ">\r\n",
				TEXT));
		awaitReplyTo(CHAIR, command);
		JsonNode victimCase = export(victim.reference());
		assertThat(victimCase.get("decision").isNull()).as("the victim's case is untouched").isTrue();
		assertThat(victimCase.get("employee").get("email").isNull()).isTrue();
		assertThat(inboxOf(greenMail, victim.sender())).noneMatch((m) -> subject(m).startsWith("Beslissing"));
		// the answered notification binds the command to the attacker's own case
		assertThat(export(attacker.reference()).get("decision").isNull()).isFalse();
	}

	@Test
	void shouldNotTrustAnAuthenticationResultsHeaderTheSenderWroteBelowReceived() {
		Case filed = file("Wifi zwak", "Wifi op zolder is zwak.");
		String forged = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Klacht [" + filed.reference() + "]", "PRODUCT Glasvezel 500\n", forged,
				"Received: from evil.example by relay.example with ESMTP; Mon, 5 Jan 2026 10:00:00 +0100\r\n"
						+ "Authentication-Results: " + AUTHSERV + "; dkim=pass header.d=klikklaar.com\r\n",
				TEXT, "Received: from relay.example by mx.klikklaar.com with ESMTP; Mon, 5 Jan 2026 10:00:01 +0100"));
		MimeMessage refusal = awaitReplyTo(CHAIR, forged);
		assertThat(part(refusal, "text/plain")).contains("niet als echt herkend");
		assertThat(export(filed.reference()).get("products").toString()).doesNotContain("Glasvezel 500");

		// the same result written by the own server at the top counts
		String real = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Klacht [" + filed
			.reference() + "]", "PRODUCT Glasvezel 500\n", real, "", TEXT, "Authentication-Results: " + AUTHSERV
					+ "; dkim=pass header.d=klikklaar.com\r\n"
					+ "Received: from relay.example by mx.klikklaar.com with ESMTP; Mon, 5 Jan 2026 10:00:01 +0100"));
		assertThat(subject(awaitReplyTo(CHAIR, real))).startsWith("Verwerkt");
		assertThat(export(filed.reference()).get("products").toString()).contains("Glasvezel 500");
	}

	@Test
	void shouldNotReadAPassOutOfAnEncodedWordInTheEnvelopeSender() {
		Case filed = file("Storing tv", "Het beeld valt weg.");
		String forged = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Klacht [" + filed.reference() + "]", "PRODUCT Glasvezel 500\n", forged, "", TEXT,
						"Authentication-Results: " + AUTHSERV + "; spf=pass "
								+ "smtp.mailfrom=<=?us-ascii?q?dkim=3Dpass_header.d=3Dklikklaar.com_?=@evil.example>"));
		assertThat(part(awaitReplyTo(CHAIR, forged), "text/plain")).contains("niet als echt herkend");
		assertThat(export(filed.reference()).get("products").toString()).doesNotContain("Glasvezel 500");
	}

	@Test
	void shouldAnswerStatusToTheChairWithoutProofAndTellTheForgerNothing() throws Exception {
		Case filed = file("Modem stuk", "Mijn modem is stuk.");
		String asked = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Status [" + filed.reference() + "]", "STATUS\n", asked, "", TEXT));
		MimeMessage answer = awaitReplyTo(CHAIR, asked);
		assertThat(subject(answer)).startsWith("Verwerkt");
		assertThat(part(answer, "text/plain")).contains(filed.reference());
		assertThat(answer.getHeader("To")[0]).containsIgnoringCase(CHAIR);
	}

	@Test
	void shouldTrustAReplyToTheDigestForACaseItListedAndForNoOther() {
		Case listed = file("Glasvezel traag", "De glasvezel is traag.");
		String ask = newMessageId();
		deliver(greenMail, aMail(CHAIR, "overzicht", "OVERZICHT\n", ask, "", TEXT));
		MimeMessage digest = await().atMost(WAIT)
			.until(() -> chairMails(greenMail).stream()
				.filter((m) -> subject(m).startsWith("Dagoverzicht"))
				.filter((m) -> part(m, "text/plain").contains(listed.reference()))
				.toList(), (found) -> found.size() == 1)
			.get(0);
		Case later = file("Later gekomen", "Na het overzicht ingediend.");

		// one reply to the digest line's case: trusted, applied to that case
		String extend = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(digest),
						"VERLENG 2 weken\n\nDe monteur is pas later beschikbaar (" + listed.reference() + ").\n",
						extend, replyHeaders(messageId(digest)), TEXT));
		assertThat(subject(awaitReplyTo(CHAIR, extend))).startsWith("Verwerkt");
		assertThat(export(listed.reference()).get("extensions")).hasSize(1);

		// the same reply naming a case the digest did not list: refused, nothing changes
		String forged = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(digest), "VERLENG 2 weken\n\nOok voor " + later.reference() + ".\n",
						forged, replyHeaders(messageId(digest)), TEXT));
		assertThat(part(awaitReplyTo(CHAIR, forged), "text/plain")).contains("niet als echt herkend");
		assertThat(export(later.reference()).get("extensions")).isEmpty();
	}

	private Case file(String subject, String text) {
		Filed filed = fileComplaint(subject, text);
		return new Case(filed.sender(), filed.reference(), filed.ack(),
				awaitChairMail(filed.reference(), "Nieuwe klacht"));
	}

}
