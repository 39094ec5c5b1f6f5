package nl.klachten.register;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.attachments;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.pdfText;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case file for people over GreenMail (issue 11; CONTRACT §1 {@code show}, §5 INZAGE,
 * §6): the decision's proposed solution is stored and exported (R22 names disagreeing
 * with it as a ground for appeal); {@code show} and the appeals committee's file give the
 * substance and one dated line per letter instead of every command mail in full; the
 * complainant's data document greets them by name, writes dates for people and names the
 * pending appeal.
 */
class CaseFileIntegrationTests extends MailIntegrationTest {

	static final String APPEALS = "beroepscommissie@klikklaar.com";

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	static final String TEXT = "text/plain; charset=UTF-8";

	static final String SOLUTION = "wij betalen € 50 terug";

	/** An ISO timestamp as the register stores it: never in text for people. */
	static final String ISO_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";

	@Test
	void shouldKeepTheSolutionAndShowTheSubstanceWithATimelineWhenACaseIsDecidedAndAppealed() throws Exception {
		Case c = complaint("Anna de Boer", "Glasvezel valt elke avond uit",
				"Sinds 28 november valt mijn glasvezel elke avond rond acht uur uit.\nIk werk thuis.");

		// R13: a question and its answer
		MimeMessage confirmation = chairCommand(c.notification(),
				"VRAAG-KLAGER\n\nWanneer begon de storing precies?\n");
		MimeMessage question = awaitMailTo(c.sender(), "Vraag over uw klacht");
		this.clock.advance(Duration.ofHours(20));
		deliver(greenMail, aMail(c.sender(), "Re: " + subject(question), "Op 28 november rond 20:00.\n", newMessageId(),
				replyHeaders(messageId(question)), TEXT));
		MimeMessage answered = awaitChairMail(c.reference(), "Nieuw bericht van de klager");

		// a typo, refused, then the extension and the decision with a proposed solution
		this.clock.advance(Duration.ofHours(3));
		String typo = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(answered),
				"VERLNG 2 weken\n\nWe wachten op de netbeheerder.\n", typo, replyHeaders(messageId(answered)), TEXT));
		assertThat(subject(awaitReplyTo(CHAIR, typo))).startsWith("Niet uitgevoerd");
		confirmation = chairCommand(answered, "VERLENG 2 weken\n\nWe wachten op de netbeheerder.\n");
		this.clock.advance(Duration.ofDays(1));
		chairCommand(confirmation,
				"GEGROND\n\nDe storing lag aan ons netwerk in de wijk.\nOplossing: " + SOLUTION + "\n");
		MimeMessage decision = awaitMailTo(c.sender(), "Beslissing op uw klacht");

		// CONTRACT §6: the solution is stored with the decision and exported
		JsonNode exported = export(c.reference()).get("decision");
		assertThat(exported.get("solution").asString()).isEqualTo(SOLUTION);
		assertThat(exported.get("arguments").asString()).isEqualTo("De storing lag aan ons netwerk in de wijk.");

		// R22: the appeal, and the file the appeals committee gets
		this.clock.advance(Duration.ofDays(2));
		deliver(greenMail,
				aMail(c.sender(), "Re: " + subject(decision), "BEROEP\n\nVijftig euro dekt mijn schade niet.\n",
						newMessageId(), replyHeaders(messageId(decision)), TEXT));
		MimeMessage appealFile = awaitMailTo(APPEALS, "Beroep tegen de beslissing op klacht " + c.reference());
		String mailed = plainText(appealFile, "text/plain");
		assertThat(mailed).contains(SOLUTION)
			.contains("Wanneer begon de storing precies?")
			.contains("Op 28 november rond 20:00.")
			.contains("Vijftig euro dekt mijn schade niet.")
			.contains("commando geweigerd, regel 1: onbekend commando")
			.contains("commissie: VERLENG 2 weken (bevestigd)")
			.doesNotContain("Wat nu?")
			.doesNotContainPattern(ISO_TIMESTAMP);

		// the PDF letter: the same view, dates for people, a few pages
		byte[] pdf = attachments(appealFile).get("beroep-" + c.reference() + ".pdf");
		PdfReader reader = new PdfReader(pdf);
		int pages = reader.getNumberOfPages();
		reader.close();
		String letter = pdfText(pdf);
		assertThat(pages).as("pages of the appeal letter").isLessThanOrEqualTo(3);
		assertThat(letter).contains(SOLUTION)
			.contains("Geachte CR Makarawung")
			.doesNotContain("heer/mevrouw")
			.doesNotContainPattern(ISO_TIMESTAMP);

		// show: the substance and one line per letter; --full keeps every letter
		CaseFile file = this.caseFiles.find(ReferenceNumber.parse(c.reference()).orElseThrow()).orElseThrow();
		String shown = CaseSummary.of(file, ZONE);
		String full = CaseFileText.full(file, ZONE);
		System.out.printf("show: %d lines, show --full: %d lines, appeal PDF: %d pages, %d letters%n",
				shown.lines().count(), full.lines().count(), pages, file.correspondence().size());
		assertThat(shown.lines().count()).as(shown).isLessThan(120);
		assertThat(shown).contains("Status: afgehandeld, beroep ingesteld op ")
			.contains("Sinds 28 november valt mijn glasvezel")
			.contains("vraag aan de klager:\n  Wanneer begon de storing precies?")
			.contains("bericht van de klager:\n  Op 28 november rond 20:00.")
			.contains("Voorgestelde oplossing:\n  " + SOLUTION)
			.contains("Gronden:\n  Vijftig euro dekt mijn schade niet.")
			.contains("Reden: We wachten op de netbeheerder.")
			.contains("commando geweigerd, regel 1: onbekend commando")
			.contains("commissie: GEGROND (bevestigd)")
			.doesNotContain("Wat nu?")
			.doesNotContainPattern(ISO_TIMESTAMP);
		assertThat(shown.lines().filter((line) -> line.length() > 76)).as("lines over 76 columns").isEmpty();
		assertThat(timeline(shown)).hasSize(file.correspondence().size() - confirmations(file));
		assertThat(full).startsWith(shown).contains("Wat nu?").contains("[command-confirmation]");
		assertThat(full.lines().count()).isGreaterThan(2 * shown.lines().count());
	}

	@Test
	void shouldExportNoSolutionWhenTheDecisionProposesNone() {
		Case c = complaint("Bert Smit", "Factuur te hoog", "De factuur van november is twee keer zo hoog.");
		chairCommand(c.notification(), "ONGEGROND\n\nHet verbruik in november was echt hoger.\n");
		awaitMailTo(c.sender(), "Beslissing op uw klacht");

		JsonNode decision = export(c.reference()).get("decision");
		assertThat(decision.get("arguments").asString()).isEqualTo("Het verbruik in november was echt hoger.");
		assertThat(decision.has("solution")).isTrue();
		assertThat(decision.get("solution").isNull()).isTrue();
	}

	@Test
	void shouldGreetByNameWriteDatesForPeopleAndNameThePendingAppealWhenTheComplainantAsksForTheirData()
			throws Exception {
		Case c = complaint("Carla Visser", "Monteur kwam niet", "De monteur kwam twee keer niet opdagen.");
		chairCommand(c.notification(),
				"DEELS-GEGROND\n\nDe tweede afspraak is door ons vergeten.\n\nOplossing: " + SOLUTION + "\n");
		MimeMessage decision = awaitMailTo(c.sender(), "Beslissing op uw klacht");
		deliver(greenMail, aMail(c.sender(), "Re: " + subject(decision), "BEROEP\n\nIk wil ook de vrije dag terug.\n",
				newMessageId(), replyHeaders(messageId(decision)), TEXT));
		MimeMessage appealed = awaitMailTo(c.sender(), "Uw beroep is ontvangen");

		deliver(greenMail, aMail(c.sender(), "Re: " + subject(appealed), "INZAGE\n", newMessageId(),
				replyHeaders(messageId(appealed)), TEXT));
		MimeMessage access = awaitMailTo(c.sender(), "Uw gegevens uit de klachtenadministratie");
		String text = plainText(access, "text/plain");
		CaseFile file = this.caseFiles.find(ReferenceNumber.parse(c.reference()).orElseThrow()).orElseThrow();
		String filed = StoredDates.date(file.appeal().filedAt(), ZONE);
		String due = StoredDates.date(file.appeal().due());
		assertThat(text).startsWith("Geachte Carla Visser,")
			.doesNotContain("heer/mevrouw")
			.satisfies(
					(all) -> assertThat(all.replaceAll("\\s+", " ")).as("wrapped at 76 columns")
						.contains("afgehandeld, beroep ingesteld op " + filed
								+ "; de beroepscommissie beslist uiterlijk " + due))
			.contains(StoredDates.dateTime(file.submittedAt(), ZONE))
			.contains("deels gegrond")
			.contains(SOLUTION)
			.doesNotContainPattern(ISO_TIMESTAMP)
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
		assertThat(plainText(access, "text/html")).contains("Geachte Carla Visser,").contains(SOLUTION);

		// the attachment stays machine-readable: ISO dates, the solution in the decision
		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(attachments(access).get("klachtdossier-" + c.reference() + ".json"))
			.get(0);
		assertThat(json.get("submitted_at").asString()).containsPattern(ISO_TIMESTAMP);
		assertThat(json.get("decision").get("solution").asString()).isEqualTo(SOLUTION);
	}

	private record Case(String sender, String reference, MimeMessage notification) {
	}

	private Case complaint(String name, String subject, String text) {
		String sender = uniqueSender();
		deliver(greenMail,
				aComplaint(sender, subject, text, newMessageId()).replace("From: Klager <", "From: " + name + " <"));
		MimeMessage ack = awaitMailTo(sender, "Ontvangstbevestiging");
		String reference = header(ack, "X-Complaint-Reference");
		return new Case(sender, reference, awaitChairMail(reference, "Nieuwe klacht"));
	}

	/**
	 * The chair answers a mail of the processor with commands; returns the confirmation.
	 */
	private MimeMessage chairCommand(MimeMessage answered, String body) {
		String commandId = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Re: " + subject(answered), body, commandId, replyHeaders(messageId(answered)), TEXT));
		MimeMessage answer = awaitReplyTo(CHAIR, commandId);
		assertThat(subject(answer)).as(part(answer, "text/plain")).startsWith("Verwerkt");
		return answer;
	}

	/**
	 * The first part of this type, however deep: a mail with attachments nests its text
	 * in multipart/alternative.
	 */
	private static String plainText(Part message, String type) throws Exception {
		if (message.isMimeType(type)) {
			return message.getContent().toString();
		}
		if (message.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = plainText(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static List<String> timeline(String shown) {
		String after = shown.substring(shown.indexOf("\nTijdlijn"));
		return after.lines().skip(3).filter((line) -> !line.isBlank()).toList();
	}

	private static int confirmations(CaseFile file) {
		return (int) file.correspondence().stream().filter((e) -> "command-confirmation".equals(e.kind())).count();
	}

}
