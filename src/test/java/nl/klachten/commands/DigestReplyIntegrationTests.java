package nl.klachten.commands;

import java.util.List;

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
 * Replying to the digest with reference lines (issue 11, CONTRACT §5): in a reply to a
 * mail that listed several cases, a line that starts with a case's reference acts on that
 * case, and several such lines act on several cases at once, all or nothing, answered by
 * one confirmation. Trust is that of the answered mail: it went to the sender and listed
 * the case. A reply to a case's own notification acts on that case only, and a fresh mail
 * or someone else's digest proves nothing.
 */
class DigestReplyIntegrationTests extends MailIntegrationTest {

	static final String TEXT = "text/plain; charset=UTF-8";

	static final String MEMBER = "Kenny@klikklaar.com";

	@Test
	void shouldApplyEveryReferenceLineToItsCaseAndConfirmThemAllInOneMail() {
		Filed one = fileComplaint("Internet valt weg", "Elke avond valt het internet weg.");
		Filed two = fileComplaint("Verkeerde bundel", "Ik kreeg de verkeerde bundel.");
		MimeMessage digest = digestListing(one.reference(), two.reference());

		String reply = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(digest), "Beste commissie,\n\n" + one.reference()
						+ " VERLENG 2 weken\n\nDe monteur kan pas over drie weken langskomen.\n\n[" + two.reference()
						+ "] MEDEWERKER Piet <piet@klikklaar.com>\n\n> " + subject(digest) + "\n", reply,
						replyHeaders(messageId(digest)), TEXT));
		MimeMessage confirmation = awaitReplyTo(CHAIR, reply);
		assertThat(subject(confirmation)).startsWith("Verwerkt");
		assertThat(part(confirmation, "text/plain").replaceAll("\\s+", " ")).as("wrapped at 76 columns")
			.contains(one.reference() + " VERLENG 2 weken: Termijn verlengd")
			.contains(two.reference() + " MEDEWERKER Piet <piet@klikklaar.com>: Medewerker vastgelegd");
		assertThat(chairMails(greenMail).stream()
			.filter((m) -> subject(m).startsWith("Verwerkt"))
			.filter((m) -> part(m, "text/plain").contains(one.reference()))).as("one confirmation").hasSize(1);

		JsonNode first = export(one.reference());
		assertThat(first.get("extensions")).hasSize(1);
		assertThat(first.get("extensions").get(0).toString())
			.contains("De monteur kan pas over drie weken langskomen.");
		assertThat(first.at("/employee/name").isNull()).isTrue();
		assertThat(header(awaitMailTo(one.sender(), "Meer tijd nodig"), "X-Complaint-Reference"))
			.isEqualTo(one.reference());
		JsonNode second = export(two.reference());
		assertThat(second.at("/employee/email").asString()).isEqualTo("piet@klikklaar.com");
		assertThat(second.get("extensions")).isEmpty();

		// each case files its own lines of the mail, never the other case's
		assertThat(filedCommand(one.id())).contains(one.reference() + " VERLENG 2 weken").doesNotContain("Piet");
		assertThat(filedCommand(two.id())).contains("MEDEWERKER Piet").doesNotContain("monteur");
	}

	@Test
	void shouldApplyNothingAndNameTheLineWhenOneReferenceLineIsWrong() {
		Filed one = fileComplaint("Storing tv", "Het beeld valt weg.");
		Filed two = fileComplaint("Modem traag", "Het modem is traag.");
		MimeMessage digest = digestListing(one.reference(), two.reference());
		Filed unlisted = fileComplaint("Na het overzicht", "Deze klacht kwam na het overzicht.");

		// a bad value on the second case's line
		String bad = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(digest),
						one.reference() + " PRODUCT Decoder X\n" + two.reference() + " VERLENG morgen\n\nReden.\n", bad,
						replyHeaders(messageId(digest)), TEXT));
		MimeMessage refusal = awaitReplyTo(CHAIR, bad);
		assertThat(subject(refusal)).startsWith("Niet uitgevoerd");
		assertThat(part(refusal, "text/plain")).contains("Regel 2: " + two.reference() + " VERLENG morgen");
		assertThat(export(one.reference()).get("products").toString()).doesNotContain("Decoder X");

		// a case the digest did not list
		String notListed = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(digest),
						one.reference() + " PRODUCT Decoder X\n" + unlisted.reference() + " PRODUCT Decoder Y\n",
						notListed, replyHeaders(messageId(digest)), TEXT));
		assertThat(part(awaitReplyTo(CHAIR, notListed), "text/plain"))
			.contains("Regel 2: " + unlisted.reference() + " PRODUCT Decoder Y")
			.contains("dit dossier stond niet in het overzicht");
		assertThat(export(one.reference()).get("products").toString()).doesNotContain("Decoder X");
		assertThat(export(unlisted.reference()).get("products").toString()).doesNotContain("Decoder Y");

		// a mistyped keyword behind a reference
		String typo = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(digest),
						one.reference() + " PRODUCT Decoder X\n\n" + two.reference() + " VERLNG 2 weken\n\nReden.\n",
						typo, replyHeaders(messageId(digest)), TEXT));
		assertThat(part(awaitReplyTo(CHAIR, typo), "text/plain")).contains("bedoelde u VERLENG?");
		assertThat(export(one.reference()).get("products").toString()).doesNotContain("Decoder X");
	}

	@Test
	void shouldRefuseReferenceLinesThatNoDigestToTheSenderCovers() {
		Filed one = fileComplaint("Abonnement opgezegd", "Mijn abonnement is zonder reden opgezegd.");
		Filed two = fileComplaint("Rekening te hoog", "Mijn rekening is te hoog.");
		MimeMessage digest = digestListing(one.reference(), two.reference());
		String lines = one.reference() + " PRODUCT Abonnement Plus\n" + two.reference() + " PRODUCT Bundel M\n";

		// from the chair, a fresh mail that answers nothing
		String fresh = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Commando's", lines, fresh, "", TEXT));
		assertThat(part(awaitReplyTo(CHAIR, fresh), "text/plain")).contains("niet als echt herkend");

		// from a member, answering the digest that went to the chair only
		String member = newMessageId();
		deliver(greenMail,
				aMail(MEMBER, "Re: " + subject(digest), lines, member, replyHeaders(messageId(digest)), TEXT));
		assertThat(part(awaitReplyTo(MEMBER, member), "text/plain")).contains("niet als echt herkend");

		// from the chair, answering the first case's notification but acting on the
		// second case
		MimeMessage notification = awaitChairMail(one.reference(), "Nieuwe klacht");
		String mixed = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(notification), lines, mixed,
				replyHeaders(messageId(notification)), TEXT));
		assertThat(part(awaitReplyTo(CHAIR, mixed), "text/plain")).contains("Regel 2: " + two.reference())
			.contains("hoort niet bij de mail die u beantwoordt");

		for (Filed filed : List.of(one, two)) {
			assertThat(export(filed.reference()).get("products").toString()).doesNotContain("Abonnement Plus")
				.doesNotContain("Bundel M");
		}
	}

	@Test
	void shouldApplyAReferenceLineWhenItNamesTheCaseOfTheAnsweredNotification() {
		Filed filed = fileComplaint("Glasvezel traag", "De glasvezel haalt de snelheid niet.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		String reply = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(notification), "[" + filed.reference() + "] PRODUCT Glasvezel 1000\n",
						reply, replyHeaders(messageId(notification)), TEXT));
		assertThat(subject(awaitReplyTo(CHAIR, reply))).startsWith("Verwerkt");
		assertThat(export(filed.reference()).get("products").toString()).contains("Glasvezel 1000");
	}

	/**
	 * The digest and the notification say how to reply in three lines (the command, a
	 * blank line, the text; {@code Oplossing:} with a decision), never "a new mail with
	 * the reference in the subject" (refused as not authentic) nor the README's
	 * placeholder employee; the digest's suggestion is built from the case and works when
	 * sent back as it stands.
	 */
	@Test
	void shouldTellHowToReplyAndSuggestAReplyThatWorksWhenTheDigestListsACase() {
		Filed filed = fileComplaint("Pakket kwijt", "Mijn pakket is nooit aangekomen.");
		String notification = part(awaitChairMail(filed.reference(), "Nieuwe klacht"), "text/plain").replace("\r\n",
				"\n");
		assertThat(notification).contains("het commando op de eerste regel, dan een\nlege regel, dan uw tekst")
			.contains("  GEGROND\n\n  (uw argumenten")
			.contains("  Oplossing: ")
			.doesNotContain("Piet Jansen");
		java.time.Instant now = this.clock.instant();
		try {
			this.clock.advance(java.time.Duration.ofDays(22));
			MimeMessage digest = digestListing(filed.reference());
			String text = part(digest, "text/plain").replace("\r\n", "\n");
			assertThat(text).contains("Antwoord: " + filed.reference() + " VERLENG 2 weken\n")
				.contains("en daaronder: de reden")
				.contains("beantwoord dit overzicht")
				.doesNotContain("nieuwe mail met het kenmerk")
				.doesNotContain("Piet Jansen");
			assertThat(text.lines().filter((line) -> line.length() > 76)).as("reply guidance fits 76 columns")
				.allMatch((line) -> line.startsWith("- ") || line.startsWith("Dagoverzicht"));
			String reply = newMessageId();
			deliver(greenMail,
					aMail(CHAIR, "Re: " + subject(digest),
							filed.reference() + " VERLENG 2 weken\n\nDe vervoerder zoekt het pakket nog.\n", reply,
							replyHeaders(messageId(digest)), TEXT));
			assertThat(subject(awaitReplyTo(CHAIR, reply))).startsWith("Verwerkt");
			assertThat(export(filed.reference()).get("extensions")).hasSize(1);
		}
		finally {
			this.clock.set(now);
		}
	}

	/**
	 * Asks for the digest now and waits for one that lists these cases. A test that moves
	 * the clock past the digest time may also get the scheduled digest, which lists them
	 * too; either answers as well, and the first is taken.
	 */
	private MimeMessage digestListing(String... references) {
		String ask = newMessageId();
		deliver(greenMail, aMail(CHAIR, "overzicht", "OVERZICHT\n", ask, "", TEXT));
		awaitReplyTo(CHAIR, ask);
		return await().atMost(WAIT)
			.until(() -> chairMails(greenMail).stream()
				.filter((m) -> subject(m).startsWith("Dagoverzicht"))
				.filter((m) -> List.of(references).stream().allMatch((r) -> part(m, "text/plain").contains(r)))
				.toList(), (found) -> !found.isEmpty())
			.get(0);
	}

	private String filedCommand(long complaintId) {
		return String.join("\n",
				this.jdbc.sql("SELECT new_text FROM correspondence WHERE complaint_id = ? AND kind = 'committee'")
					.param(complaintId)
					.query(String.class)
					.list());
	}

}
