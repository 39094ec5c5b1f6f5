package nl.klachten.threading;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.intake.Intake;
import nl.klachten.mailbox.FetchedMail;
import nl.klachten.mailbox.MailBatch;
import nl.klachten.register.Complaints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.allText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threading (CONTRACT §4, R3, R13) over real reply shapes: mail clients, locales, with
 * and without In-Reply-To/References, forwards, HTML-only replies, several references,
 * unknown references, and who may join a case. No mail server: the pipeline is off and
 * each mail goes straight into {@link Intake#take}, as the IMAP reader would hand it
 * over.
 */
@SpringBootTest(classes = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReplyShapesIntegrationTests {

	static final Path register = MailFixtures.registerDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("complaints.pipeline.enabled", () -> "false");
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
		registry.add("complaints.commands.trusted-authserv-id", () -> AUTHSERV);
		// sixty shapes land on two cases within one (fixed) hour: no notice may be held
		// back
		registry.add("complaints.intake.notices-per-case-per-hour", () -> "1000");
	}

	static final String COMPLAINANT_A = "anna.de.boer@example.org";

	static final String COMPLAINANT_B = "bert.smit@example.com";

	static final String EMPLOYEE_A = "monteur.visser@example.com";

	static final String MANAGEMENT = "directie@klikklaar.com";

	/**
	 * A new committee mail (no reply to our mail) is trusted only with the own server's
	 * DKIM pass.
	 */
	static final String AUTHSERV = "mx.klikklaar.com";

	static final String SIGNED = "Authentication-Results: " + AUTHSERV + "; dkim=pass header.d=klikklaar.com\r\n";

	static final String APPEALS = "beroepscommissie@klikklaar.com";

	static final String MEMBER = "Kenny@klikklaar.com";

	static final String TEXT_A = "Mijn glasvezel valt elke avond uit sinds de monteur er was.";

	static final String TEXT_B = "De factuur van december is twee keer afgeschreven.";

	/**
	 * A phrase of our acknowledgement, to see whether quoted history was removed from the
	 * new text.
	 */
	static final String ACK_PHRASE = "Wij hebben uw klacht ontvangen";

	static final AtomicLong uids = new AtomicLong(1000);

	@Autowired
	Intake intake;

	@Autowired
	java.time.Clock clock;

	@Autowired
	Complaints complaints;

	@Autowired
	JdbcClient jdbc;

	Case a;

	Case b;

	record Case(long id, String reference, String ackId, String ackSubject, String ackText, String notificationId,
			String complaintId) {
	}

	enum Role {

		COMPLAINANT_A, COMPLAINANT_B, STRANGER, CHAIR, MEMBER, EMPLOYEE_A, MANAGEMENT, APPEALS

	}

	enum Landing {

		CASE_A, CASE_B, NEW_CASE, IGNORED

	}

	/**
	 * One reply shape. Subject, headers and body may hold placeholders: {A}/{B}
	 * references, {a} A's reference in lower case, {YEAR}, {ACK_A}/{ACK_B}
	 * acknowledgement Message-IDs, {NOTIF_A}/{NOTIF_B} chair-notification Message-IDs,
	 * {IN_A} the complaint's own Message-ID, {ACKSUBJ_A}, {QUOTE_A} the acknowledgement
	 * quoted with "> ", {ACKTEXT_A} it unquoted, {ACKHTML_A} it as HTML.
	 *
	 * @param kind the correspondence kind on the case, or for NEW_CASE the case the chair
	 * is told of ("A"/"B"), or null
	 * @param fresh words that must be in the new text (null: not checked)
	 */
	record Shape(String name, Role role, String subject, String headers, String body, boolean html, Landing landing,
			String kind, String fresh) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static String replyTo(String id) {
		return "In-Reply-To: <" + id + ">\r\nReferences: <" + id + ">\r\n";
	}

	static String inReplyToOnly(String id) {
		return "In-Reply-To: <" + id + ">\r\n";
	}

	static final String OUTLOOK = "Thread-Index: AdqFZ1x2c3d4e5f6g7h8i9j0kA==\r\nX-Mailer: Microsoft Outlook 16.0\r\n";

	static Shape toA(String name, Role role, String subject, String headers, String body, String kind, String fresh) {
		return new Shape(name, role, subject, headers, body, false, Landing.CASE_A, kind, fresh);
	}

	static Stream<Shape> shapes() {
		List<Shape> s = new ArrayList<>();
		Role ca = Role.COMPLAINANT_A;
		// --- Gmail web ---
		s.add(toA("gmail web NL, headers, quoted ack", ca, "Re: {ACKSUBJ_A}", replyTo("{ACK_A}"), """
				Hierbij mijn adres: Kerkstraat 1, Utrecht.

				Op ma 5 jan 2026 om 10:12 schreef Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:

				{QUOTE_A}
				""", "follow-up", "Hierbij mijn adres"));
		s.add(toA("gmail web EN, only In-Reply-To, no reference anywhere", ca, "Re: my complaint",
				inReplyToOnly("{ACK_A}"), """
						Thanks, the outage happened again last night.

						On Mon, 5 Jan 2026 at 10:12, Complaints Committee <NCJansen@klikklaar.com> wrote:
						> Dear sir or madam,
						""", "follow-up", "the outage happened again"));
		s.add(toA("gmail web DE, no headers, reference in subject", ca, "Re: {ACKSUBJ_A}", "", """
				Vielen Dank, die Störung besteht weiterhin.

				Am Mo., 5. Jan. 2026 um 10:12 Uhr schrieb Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:

				{QUOTE_A}
				""", "follow-up", "die Störung besteht weiterhin"));
		s.add(toA("gmail web NL, subject rewritten, no headers, reference only in quoted body", ca, "Re: mijn klacht",
				"", """
						De storing is nog steeds niet opgelost.

						Op ma 5 jan 2026 om 10:12 schreef Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:

						{QUOTE_A}
						""", "follow-up", "nog steeds niet opgelost"));
		s.add(new Shape("gmail web HTML-only, subject rewritten, no headers, HTML quotes our ack", ca,
				"Re: mijn klacht", "",
				"""
						<div dir="ltr"><div>Het probleem is terug sinds zaterdag.</div></div><br>
						<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Op ma 5 jan 2026 om 10:12 schreef \
						Klachtencommissie Klikklaar &lt;<a href="mailto:NCJansen@klikklaar.com">NCJansen@klikklaar.com</a>&gt;:<br></div>
						<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">{ACKHTML_A}</blockquote></div>
						""",
				true, Landing.CASE_A, "follow-up", "Het probleem is terug sinds zaterdag."));
		// --- Outlook desktop NL / EN / DE ---
		s.add(toA("outlook desktop NL, RE: with headers and header block", ca, "RE: {ACKSUBJ_A}",
				OUTLOOK + replyTo("{ACK_A}"), """
						Goedemiddag,

						De monteur is vandaag weer niet gekomen.

						Van: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
						Verzonden: maandag 5 januari 2026 10:12
						Aan: Anna de Boer <anna.de.boer@example.org>
						Onderwerp: {ACKSUBJ_A}

						{ACKTEXT_A}
						""", "follow-up", "weer niet gekomen"));
		s.add(toA("outlook desktop NL, Antw: without headers", ca, "Antw: {ACKSUBJ_A}", OUTLOOK, """
				Ik ben overdag niet thuis, bel mij na 18 uur.

				-----Oorspronkelijk bericht-----
				Van: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
				Verzonden: maandag 5 januari 2026 10:12
				Onderwerp: {ACKSUBJ_A}

				{ACKTEXT_A}
				""", "follow-up", "bel mij na 18 uur"));
		s.add(toA("outlook desktop NL, Doorst: forward of the ack back to the committee", ca, "Doorst: {ACKSUBJ_A}",
				OUTLOOK, """
						Zie hieronder, ik heb nog niets gehoord.

						Van: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
						Verzonden: maandag 5 januari 2026 10:12
						Aan: anna.de.boer@example.org
						Onderwerp: {ACKSUBJ_A}

						{ACKTEXT_A}
						""", "follow-up", "ik heb nog niets gehoord"));
		s.add(toA("outlook desktop EN, RE: with References", ca, "RE: {ACKSUBJ_A}", OUTLOOK + replyTo("{ACK_A}"), """
				Please find my address below.
				Address: Kerkstraat 1

				From: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
				Sent: Monday, January 5, 2026 10:12 AM
				To: Anna de Boer <anna.de.boer@example.org>
				Subject: {ACKSUBJ_A}

				{ACKTEXT_A}
				""", "follow-up", "Please find my address below."));
		s.add(toA("outlook desktop EN, FW: forward without headers", ca, "FW: {ACKSUBJ_A}", OUTLOOK, """
				Forwarding this again, no answer yet.

				________________________________
				From: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
				Sent: Monday, January 5, 2026 10:12 AM
				Subject: {ACKSUBJ_A}

				{ACKTEXT_A}
				""", "follow-up", "no answer yet"));
		s.add(toA("outlook desktop DE, AW: with headers", ca, "AW: {ACKSUBJ_A}", OUTLOOK + replyTo("{ACK_A}"), """
				Danke, ich warte auf Ihre Antwort.

				Von: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
				Gesendet: Montag, 5. Januar 2026 10:12
				An: anna.de.boer@example.org
				Betreff: {ACKSUBJ_A}

				{ACKTEXT_A}
				""", "follow-up", "ich warte auf Ihre Antwort"));
		s.add(toA("outlook desktop DE, WG: forward, no headers", ca, "WG: {ACKSUBJ_A}", OUTLOOK, """
				Zur Info.

				-----Ursprüngliche Nachricht-----
				Von: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
				Gesendet: Montag, 5. Januar 2026 10:12
				Betreff: {ACKSUBJ_A}

				{ACKTEXT_A}
				""", "follow-up", "Zur Info."));
		// --- Outlook web ---
		s.add(toA("outlook web NL, RE: with headers, underscores separator", ca, "RE: {ACKSUBJ_A}", replyTo("{ACK_A}"),
				"""
						Mijn klantnummer is 123456.

						________________________________
						Van: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
						Verzonden: maandag 5 januari 2026 10:12
						Aan: anna.de.boer@example.org
						Onderwerp: {ACKSUBJ_A}

						{ACKTEXT_A}
						""", "follow-up", "klantnummer is 123456"));
		s.add(new Shape("outlook web HTML-only, subject rewritten, no headers, HTML quotes our ack", ca, "Re: klacht",
				"",
				"""
						<html><body><div>Ik heb inmiddels een nieuwe modem gekregen.</div>
						<hr style="display:inline-block;width:98%">
						<div id="divRplyFwdMsg"><b>Van:</b> Klachtencommissie Klikklaar &lt;NCJansen@klikklaar.com&gt;<br>
						<b>Verzonden:</b> maandag 5 januari 2026 10:12<br><b>Onderwerp:</b> {ACKSUBJ_A}</div>
						<div>{ACKHTML_A}</div></body></html>
						""",
				true, Landing.CASE_A, "follow-up", "nieuwe modem gekregen"));
		// --- Apple Mail ---
		s.add(toA("apple mail NL, References, 'het volgende geschreven'", ca, "Re: {ACKSUBJ_A}", replyTo("{ACK_A}"),
				"""
						Vandaag viel het weer uit om 20:00.

						> Op 5 jan. 2026, om 10:12 heeft Klachtencommissie Klikklaar <NCJansen@klikklaar.com> het volgende geschreven:
						>
						{QUOTE_A}
						""",
				"follow-up", "viel het weer uit"));
		s.add(toA("apple mail EN, Fwd: with 'Begin forwarded message'", ca, "Fwd: {ACKSUBJ_A}", "", """
				See below, still waiting.

				Begin forwarded message:

				From: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
				Subject: {ACKSUBJ_A}
				Date: 5 January 2026 at 10:12:00 CET

				{ACKTEXT_A}
				""", "follow-up", "still waiting"));
		// --- Thunderbird ---
		s.add(toA("thunderbird EN, bottom-posted, References", ca, "Re: {ACKSUBJ_A}", replyTo("{ACK_A}"), """
				On 05-01-2026 10:12, Klachtencommissie Klikklaar wrote:
				{QUOTE_A}

				The engineer did not show up today either.
				""", "follow-up", "did not show up today"));
		s.add(toA("thunderbird DE, forwarded inline", ca, "WG: {ACKSUBJ_A}", "", """
				Weitergeleitet zur Kenntnis.

				-------- Weitergeleitete Nachricht --------
				Betreff: 	{ACKSUBJ_A}
				Datum: 	Mon, 5 Jan 2026 10:12:00 +0100
				Von: 	Klachtencommissie Klikklaar <NCJansen@klikklaar.com>

				{ACKTEXT_A}
				""", "follow-up", "Weitergeleitet zur Kenntnis."));
		// --- iPhone / Android ---
		s.add(toA("iPhone NL, In-Reply-To only, 'Verstuurd vanaf mijn iPhone'", ca, "Re: {ACKSUBJ_A}",
				inReplyToOnly("{ACK_A}"),
				"""
						Oké, dank u.

						Verstuurd vanaf mijn iPhone

						> Op 5 jan. 2026 om 10:12 heeft Klachtencommissie Klikklaar <NCJansen@klikklaar.com> het volgende geschreven:
						>
						{QUOTE_A}
						""",
				"follow-up", "Oké, dank u."));
		s.add(toA("iPhone EN, no headers, reference in subject", ca, "Re: {ACKSUBJ_A}", "", """
				Ok thanks

				Sent from my iPhone

				> On 5 Jan 2026, at 10:12, Klachtencommissie Klikklaar <NCJansen@klikklaar.com> wrote:
				>
				{QUOTE_A}
				""", "follow-up", "Ok thanks"));
		s.add(toA("android gmail NL, References", ca, "Re: {ACKSUBJ_A}", replyTo("{ACK_A}"), """
				Graag telefonisch contact.

				Op ma 5 jan. 2026 10:12 schreef Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:

				{QUOTE_A}
				""", "follow-up", "Graag telefonisch contact."));
		// --- subject prefixes, no headers, no reference in the body ---
		String plain = "Nog een aanvulling op mijn klacht.";
		s.add(toA("nested prefixes Re: AW: Fwd: [ref]", ca, "Re: AW: Fwd: [{A}] storing", "", plain, "follow-up",
				plain));
		s.add(toA("RE[2]:", ca, "RE[2]: [{A}] storing", "", plain, "follow-up", plain));
		s.add(toA("Antw:", ca, "Antw: Uw klacht [{A}]", "", plain, "follow-up", plain));
		s.add(toA("Antwoord:", ca, "Antwoord: Uw klacht [{A}]", "", plain, "follow-up", plain));
		s.add(toA("SV: (Swedish/Danish)", ca, "SV: [{A}] storing", "", plain, "follow-up", plain));
		s.add(toA("TR: (French forward)", ca, "TR: [{A}] storing", "", plain, "follow-up", plain));
		s.add(toA("VS: (Finnish)", ca, "VS: [{A}] storing", "", plain, "follow-up", plain));
		s.add(toA("without brackets", ca, "Re: vraag over {A}", "", plain, "follow-up", plain));
		s.add(toA("lower case reference", ca, "re: {a}", "", plain, "follow-up", plain));
		s.add(toA("Re:Re:Re: without spaces", ca, "Re:Re:Re:[{A}]", "", plain, "follow-up", plain));
		s.add(toA("Aw: Doorst: Re[3]: (ref) in parentheses", ca, "Aw: Doorst: Re[3]: ({A})", "", plain, "follow-up",
				plain));
		s.add(toA("WG: AW: with reference at the end of the subject", ca, "WG: AW: storing glasvezel - {A}", "", plain,
				"follow-up", plain));
		// --- unknown or malformed references never thread ---
		s.add(new Shape("unknown reference KK-YYYY-9999", ca, "Re: [KK-{YEAR}-9999]", "", "Mijn vraag staat hieronder.",
				false, Landing.NEW_CASE, null, null));
		s.add(new Shape("malformed two-digit year KK-26-0001", ca, "Re: [KK-26-0001]", "", "Mijn vraag.", false,
				Landing.NEW_CASE, null, null));
		s.add(new Shape("wrong prefix XX-YYYY-0001", ca, "Re: [XX-{YEAR}-0001]", "", "Mijn vraag.", false,
				Landing.NEW_CASE, null, null));
		s.add(new Shape("reference glued to a word XKK-...", ca, "Re: X{A}", "", "Mijn vraag.", false, Landing.NEW_CASE,
				null, null));
		s.add(new Shape("unknown reference only in the body", ca, "Vraag", "", "Het gaat om KK-{YEAR}-8888.", false,
				Landing.NEW_CASE, null, null));
		s.add(new Shape("In-Reply-To of a message we never saw", ca, "Re: iets anders",
				replyTo("onbekend-" + "1@mail.example.org"), "Nieuwe vraag.", false, Landing.NEW_CASE, null, null));
		s.add(new Shape("complainant's second complaint without reference", ca, "Andere klacht: factuur", "",
				"Ik heb ook een klacht over de factuur.", false, Landing.NEW_CASE, null, null));
		// --- two references and the order of the clues ---
		s.add(toA("A in subject, B in body, complainant A", ca, "Re: [{A}]", "", "Zie ook {B} van mijn buurman.",
				"follow-up", "Zie ook"));
		s.add(new Shape("A in subject, B in body, complainant B may join only B", Role.COMPLAINANT_B, "Re: [{A}]", "",
				"Mijn eigen klacht is {B}.", false, Landing.CASE_B, "follow-up", "Mijn eigen klacht"));
		s.add(toA("headers name B's ack but complainant A writes A's reference", ca, "Re: [{A}]", replyTo("{ACK_B}"),
				"Verkeerde mail beantwoord, sorry.", "follow-up", null));
		s.add(new Shape("headers name B's ack, subject A, complainant B", Role.COMPLAINANT_B, "Re: [{A}]",
				replyTo("{ACK_B}"), "Aanvulling.", false, Landing.CASE_B, "follow-up", null));
		s.add(new Shape("chair: headers (B) win over subject (A)", Role.CHAIR, "Re: Nieuwe klacht [{A}]",
				replyTo("{NOTIF_B}"), "NOTITIE gebeld met de klager.", false, Landing.CASE_B, "committee", null));
		s.add(toA("chair: subject (A) wins over body (B)", Role.CHAIR, "Re: Nieuwe klacht [{A}]", SIGNED,
				"NOTITIE zie ook {B}.", "committee", null));
		s.add(toA("chair: reply to the notification, reference stripped", Role.CHAIR, "Re: Nieuwe klacht",
				replyTo("{NOTIF_A}"), "NOTITIE klant gebeld.", "committee", null));
		s.add(toA("complainant's headers name their own complaint mail", ca, "Re: storing", replyTo("{IN_A}"),
				"Nog een aanvulling.", "follow-up", null));
		s.add(new Shape("committee member on B", Role.MEMBER, "Re: [{B}]", SIGNED, "NOTITIE factuur opgevraagd.", false,
				Landing.CASE_B, "committee", null));
		// --- others ---
		s.add(new Shape("stranger quotes A in the subject", Role.STRANGER, "Re: {ACKSUBJ_A}", "",
				"Ik heb hetzelfde probleem.", false, Landing.NEW_CASE, "A", null));
		s.add(new Shape("stranger quotes A in the body only", Role.STRANGER, "Storing", "",
				"Mijn buurvrouw heeft klacht {A} ingediend, ik heb hetzelfde.", false, Landing.NEW_CASE, "A", null));
		s.add(new Shape("stranger replies to A's forwarded ack with headers", Role.STRANGER, "Re: {ACKSUBJ_A}",
				replyTo("{ACK_A}"), """
						INZAGE

						Op ma 5 jan 2026 om 10:12 schreef Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:

						{QUOTE_A}
						""", false, Landing.NEW_CASE, "A", null));
		s.add(new Shape("stranger forwards A's ack with Fwd:", Role.STRANGER, "Fwd: {ACKSUBJ_A}", "", """
				Dit kreeg ik doorgestuurd.

				---------- Forwarded message ---------
				From: Klachtencommissie Klikklaar <NCJansen@klikklaar.com>
				Date: Mon, 5 Jan 2026 at 10:12
				Subject: {ACKSUBJ_A}

				{ACKTEXT_A}
				""", false, Landing.NEW_CASE, "A", null));
		s.add(toA("employee participant of A", Role.EMPLOYEE_A, "Re: Vraag over klacht [{A}]", "",
				"Ik ben die avond wel langs geweest.", "employee", "wel langs geweest"));
		s.add(new Shape("employee participant of A writes about B", Role.EMPLOYEE_A, "Re: [{B}]", "",
				"Ik weet niets van deze factuur.", false, Landing.NEW_CASE, "B", null));
		s.add(toA("management on A", Role.MANAGEMENT, "RE: [{A}] dossier", "", "Wij nemen dit mee.", "management",
				"Wij nemen dit mee."));
		s.add(toA("appeals committee on A", Role.APPEALS, "Re: [{A}]", "", "Wij hebben het beroep ontvangen.",
				"appeals", null));
		// --- auto-replies never touch a case ---
		s.add(new Shape("out-of-office with Auto-Submitted on A's ack", ca, "Automatisch antwoord: {ACKSUBJ_A}",
				replyTo("{ACK_A}") + "Auto-Submitted: auto-replied\r\n", "Ik ben afwezig tot 12 januari.", false,
				Landing.IGNORED, null, null));
		s.add(new Shape("Exchange auto-reply with X-Autoreply", ca, "Automatisch antwoord: {ACKSUBJ_A}",
				"X-Autoreply: yes\r\n", "Ik ben afwezig.", false, Landing.IGNORED, null, null));
		s.add(new Shape("Precedence: auto_reply", ca, "Out of office: [{A}]", "Precedence: auto_reply\r\n",
				"I am away.", false, Landing.IGNORED, null, null));
		return s.stream();
	}

	@BeforeAll
	void registerTwoCases() {
		this.a = file(COMPLAINANT_A, "Storing glasvezel", TEXT_A);
		this.b = file(COMPLAINANT_B, "Dubbele afschrijving", TEXT_B);
		this.complaints.addParticipant(this.a.id(), EMPLOYEE_A, "employee", this.clock.instant());
	}

	private Case file(String sender, String subject, String text) {
		String messageId = MailFixtures.newMessageId();
		take(aComplaint(sender, subject, text, messageId));
		Map<String, Object> row = this.jdbc.sql("SELECT id, reference FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query()
			.singleRow();
		long id = ((Number) row.get("id")).longValue();
		Map<String, Object> ack = this.jdbc.sql(
				"SELECT message_id, subject, body FROM correspondence WHERE complaint_id = ? AND kind = 'acknowledgement'")
			.param(id)
			.query()
			.singleRow();
		String notification = this.jdbc
			.sql("SELECT message_id FROM outbox WHERE complaint_id = ? AND kind = 'chair-notification'")
			.param(id)
			.query(String.class)
			.single();
		return new Case(id, (String) row.get("reference"), (String) ack.get("message_id"), (String) ack.get("subject"),
				(String) ack.get("body"), notification, messageId);
	}

	private void take(String raw) {
		byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
		this.intake
			.take(new MailBatch(List.of(new FetchedMail(uids.incrementAndGet(), null, bytes.length, bytes, null))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void shouldLandWhereExpectedWhenReplyHasThisShape(Shape shape) {
		String sender = senderOf(shape.role());
		String messageId = MailFixtures.newMessageId();
		long casesBefore = count("SELECT count(*) FROM complaint");
		long chairNotesOnABefore = followUpNotifications(this.a.id());
		long chairNotesOnBBefore = followUpNotifications(this.b.id());

		take(aMail(sender, fill(shape.subject()), fill(shape.body()), messageId, fill(shape.headers()),
				shape.html() ? "text/html; charset=UTF-8" : "text/plain; charset=UTF-8"));

		Map<String, Object> inbound = this.jdbc
			.sql("SELECT outcome, reason, complaint_id FROM inbound_mail WHERE message_id = ?")
			.param(messageId)
			.query()
			.singleRow();
		switch (shape.landing()) {
			case CASE_A, CASE_B -> {
				Case expected = shape.landing() == Landing.CASE_A ? this.a : this.b;
				// a command mail is filed on its case only once accepted (CONTRACT §5)
				assertThat(inbound).containsEntry("outcome", "case")
					.containsEntry("reason", shape.kind().equals("committee") ? "command" : "correspondence");
				assertThat(((Number) inbound.get("complaint_id")).longValue()).as("complaint of the mail")
					.isEqualTo(expected.id());
				assertThat(count("SELECT count(*) FROM complaint")).as("no new case").isEqualTo(casesBefore);
				Map<String, Object> letter = this.jdbc
					.sql("SELECT kind, body, new_text FROM correspondence WHERE message_id = ? AND direction = 'in'")
					.param(messageId)
					.query()
					.singleRow();
				assertThat(letter).containsEntry("kind", shape.kind());
				String newText = (String) letter.get("new_text");
				if (shape.fresh() != null) {
					assertThat(newText).contains(shape.fresh());
				}
				if (shape.body().contains("_A}") && !shape.html()) {
					assertThat((String) letter.get("body")).as("full body kept").contains(ACK_PHRASE);
				}
				if (shape.body().contains("_A}")) {
					assertThat(newText).as("quoted history removed").doesNotContain(ACK_PHRASE);
				}
				// the chair hears of every mail on a case, except the committee's own
				long expectedNotes = "committee".equals(shape.kind()) ? 0 : 1;
				long notesA = followUpNotifications(this.a.id()) - chairNotesOnABefore;
				long notesB = followUpNotifications(this.b.id()) - chairNotesOnBBefore;
				assertThat(shape.landing() == Landing.CASE_A ? notesA : notesB).as("follow-up-notification")
					.isEqualTo(expectedNotes);
				assertThat(shape.landing() == Landing.CASE_A ? notesB : notesA).as("nothing on the other case")
					.isZero();
			}
			case NEW_CASE -> {
				assertThat(inbound).containsEntry("outcome", "case");
				assertThat((String) inbound.get("reason")).startsWith("new-complaint");
				long id = ((Number) inbound.get("complaint_id")).longValue();
				assertThat(id).as("a new case, not A or B").isNotIn(this.a.id(), this.b.id());
				assertThat(count("SELECT count(*) FROM complaint")).isEqualTo(casesBefore + 1);
				assertThat(this.jdbc.sql("SELECT complainant_email FROM complaint WHERE id = ?")
					.param(id)
					.query(String.class)
					.single()).isEqualToIgnoringCase(sender);
				assertThat(followUpNotifications(this.a.id())).isEqualTo(chairNotesOnABefore);
				assertThat(followUpNotifications(this.b.id())).isEqualTo(chairNotesOnBBefore);
				String notification = this.jdbc
					.sql("SELECT body FROM correspondence WHERE complaint_id = ? AND kind = 'chair-notification'")
					.param(id)
					.query(String.class)
					.single();
				if (shape.kind() == null) {
					assertThat(notification).doesNotContain("MOGELIJK VERBAND");
				}
				else {
					Case linked = "A".equals(shape.kind()) ? this.a : this.b;
					assertThat(notification).contains("MOGELIJK VERBAND MET " + linked.reference());
					assertNothingOfCaseSentTo(sender, linked, "A".equals(shape.kind()) ? TEXT_A : TEXT_B);
				}
			}
			case IGNORED -> {
				assertThat(inbound).containsEntry("outcome", "ignored");
				assertThat(inbound.get("complaint_id")).isNull();
				assertThat(count("SELECT count(*) FROM complaint")).isEqualTo(casesBefore);
				assertThat(this.jdbc.sql("SELECT count(*) FROM correspondence WHERE message_id = ?")
					.param(messageId)
					.query(Long.class)
					.single()).isZero();
				assertThat(followUpNotifications(this.a.id())).isEqualTo(chairNotesOnABefore);
			}
		}
	}

	/**
	 * CONTRACT §4: nothing of another person's case goes to a stranger who quotes its
	 * reference.
	 */
	private void assertNothingOfCaseSentTo(String sender, Case linked, String caseText) {
		List<Map<String, Object>> sent = this.jdbc
			.sql("SELECT complaint_id, raw FROM outbox WHERE lower(recipients) LIKE ?")
			.param("%" + sender.toLowerCase() + "%")
			.query()
			.listOfRows();
		assertThat(sent).as("the stranger's own acknowledgement").hasSize(1);
		for (Map<String, Object> mail : sent) {
			assertThat(((Number) mail.get("complaint_id")).longValue()).isNotEqualTo(linked.id());
			String text = allText((byte[]) mail.get("raw"));
			assertThat(text).doesNotContain(linked.reference()).doesNotContain(caseText);
		}
	}

	private String senderOf(Role role) {
		return switch (role) {
			case COMPLAINANT_A -> COMPLAINANT_A;
			case COMPLAINANT_B -> COMPLAINANT_B;
			case STRANGER -> "buurman-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
			case CHAIR -> CHAIR;
			case MEMBER -> MEMBER;
			case EMPLOYEE_A -> EMPLOYEE_A;
			case MANAGEMENT -> MANAGEMENT;
			case APPEALS -> APPEALS;
		};
	}

	private String fill(String template) {
		String ackText = this.a.ackText().replace("\r\n", "\n").strip();
		String quoted = ackText.lines()
			.map((l) -> l.isEmpty() ? ">" : "> " + l)
			.reduce((x, y) -> x + "\n" + y)
			.orElse("");
		String html = ackText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>\n");
		return template.replace("{ACKSUBJ_A}", this.a.ackSubject())
			.replace("{QUOTE_A}", quoted)
			.replace("{ACKTEXT_A}", ackText)
			.replace("{ACKHTML_A}", html)
			.replace("{ACK_A}", this.a.ackId())
			.replace("{ACK_B}", this.b.ackId())
			.replace("{NOTIF_A}", this.a.notificationId())
			.replace("{NOTIF_B}", this.b.notificationId())
			.replace("{IN_A}", this.a.complaintId())
			.replace("{A}", this.a.reference())
			.replace("{a}", this.a.reference().toLowerCase())
			.replace("{B}", this.b.reference())
			.replace("{YEAR}", this.a.reference().substring(3, 7));
	}

	private long followUpNotifications(long complaintId) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE complaint_id = ? AND kind = 'follow-up-notification'")
			.param(complaintId)
			.query(Long.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
