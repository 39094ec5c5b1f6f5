package nl.klachten.commands;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.chairMails;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forgiving, still safe commands (issue 11, CONTRACT §5), end to end over GreenMail with
 * no {@code Authentication-Results} trusted: {@code HELP}, {@code STATUS} and
 * {@code OVERZICHT} are answered from a fresh mail (before any case exists:
 * {@link FreshInstallHelpIntegrationTests}), a fresh mail that changes something is still
 * refused as not authentic, a greeting above the command is skipped, and a mistyped
 * keyword is answered with "bedoelde u ...?" while nothing is applied.
 */
class ForgivingCommandsIntegrationTests extends MailIntegrationTest {

	static final String TEXT = "text/plain; charset=UTF-8";

	@Test
	void shouldAnswerStatusAndOverzichtFromAFreshMailAndStillRefuseAFreshChange() {
		Filed filed = fileComplaint("Router stuk", "Mijn router is stuk.");
		// STATUS, a new mail with the reference in the subject and a greeting on top
		String status = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Hoe staat " + filed.reference() + " ervoor?", "Hallo,\n\nSTATUS\n", status, "", TEXT));
		MimeMessage file = awaitReplyTo(CHAIR, status);
		assertThat(subject(file)).startsWith("Verwerkt");
		assertThat(part(file, "text/plain")).contains(filed.reference()).contains("Mijn router is stuk.");

		// OVERZICHT, a new mail without any reference
		String digest = newMessageId();
		deliver(greenMail, aMail(CHAIR, "overzicht", "OVERZICHT\n", digest, "", TEXT));
		assertThat(subject(awaitReplyTo(CHAIR, digest))).startsWith("Verwerkt");
		await().atMost(WAIT)
			.until(() -> chairMails(greenMail).stream()
				.filter((m) -> subject(m).startsWith("Dagoverzicht"))
				.filter((m) -> part(m, "text/plain").contains(filed.reference()))
				.count() == 1);

		// a new mail that changes something proves nothing and is refused
		String change = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: [" + filed.reference() + "]", "PRODUCT Router X1\n", change, "", TEXT));
		MimeMessage refusal = awaitReplyTo(CHAIR, change);
		assertThat(subject(refusal)).startsWith("Niet uitgevoerd");
		assertThat(part(refusal, "text/plain")).contains("niet als echt herkend");
		assertThat(export(filed.reference()).get("products").toString()).doesNotContain("Router X1");
	}

	@Test
	void shouldDecideWhenTheReplyStartsWithAGreeting() {
		Filed filed = fileComplaint("Factuur dubbel", "Ik heb twee keer betaald.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		String reply = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(notification),
						"Beste commissie,\n\nGEGROND\nOmdat de betaling twee keer is afgeschreven.\n", reply,
						replyHeaders(messageId(notification)), TEXT));
		assertThat(subject(awaitReplyTo(CHAIR, reply))).startsWith("Verwerkt");
		JsonNode decided = export(filed.reference());
		assertThat(decided.at("/decision/assessment").asString()).isEqualTo("gegrond");
		assertThat(decided.at("/decision/arguments").asString())
			.isEqualTo("Omdat de betaling twee keer is afgeschreven.");
		assertThat(header(awaitMailTo(filed.sender(), "Beslissing"), "X-Complaint-Reference"))
			.isEqualTo(filed.reference());
	}

	@Test
	void shouldAnswerBedoeldeUAndApplyNothingWhenTheKeywordIsMistyped() {
		Filed filed = fileComplaint("Monteur kwam niet", "De monteur kwam niet opdagen.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		String reply = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(notification),
						"PRODUCT Glasvezel 500\nMEDEWERKR Piet <piet@klikklaar.com>\n", reply,
						replyHeaders(messageId(notification)), TEXT));
		MimeMessage refusal = awaitReplyTo(CHAIR, reply);
		assertThat(subject(refusal)).startsWith("Niet uitgevoerd");
		assertThat(part(refusal, "text/plain")).contains("Regel 2: MEDEWERKR Piet <piet@klikklaar.com>")
			.contains("bedoelde u MEDEWERKER?");
		JsonNode untouched = export(filed.reference());
		assertThat(untouched.get("products").toString()).doesNotContain("Glasvezel 500");
		assertThat(untouched.at("/employee/name").isNull()).isTrue();
	}

	@Test
	void shouldAnswerAMistypedHelpInAFreshMailInsteadOfSettingItAside() {
		String asked = newMessageId();
		deliver(greenMail, aMail(CHAIR, "help", "HLEP\n", asked, "", TEXT));
		MimeMessage refusal = awaitReplyTo(CHAIR, asked);
		assertThat(subject(refusal)).startsWith("Niet uitgevoerd");
		assertThat(part(refusal, "text/plain")).contains("Regel 1: HLEP").contains("bedoelde u HELP?");
		assertThat(inboxOf(greenMail, "piet@klikklaar.com")).isEmpty();
	}

}
