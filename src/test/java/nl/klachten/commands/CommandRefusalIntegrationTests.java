package nl.klachten.commands;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import nl.klachten.committee.PeopleDates;
import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.TestClock;
import nl.klachten.intake.Intake;
import nl.klachten.register.CaseFileJson;
import nl.klachten.register.CaseFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.message;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands by mail (CONTRACT §5, R11-R17, R24), one row a case: every refusal names the
 * line and the reason and changes nothing, and every keyword, Dutch and English, does
 * what it says. No mail server: the pipeline is off and each mail goes straight into
 * {@link Intake#take}; the chair's commands are trusted because they answer the
 * chair-notification the processor sent to the chair.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CommandRefusalIntegrationTests {

	static final Path register = MailFixtures.registerDirectory();

	static final String TRUSTED_AUTHSERV = "mx.klikklaar.com";

	static final String MEMBER = "Kenny@klikklaar.com";

	static final String MANAGEMENT = "directie@klikklaar.com";

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	static final AtomicLong uids = new AtomicLong(5000);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("complaints.pipeline.enabled", () -> "false");
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
		registry.add("complaints.commands.trusted-authserv-id", () -> TRUSTED_AUTHSERV);
	}

	@Autowired
	Intake intake;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseFiles caseFiles;

	Case c;

	record Case(long id, String reference, String complainant, String ackId, String ackSubject, String notificationId,
			String notificationSubject) {
	}

	/** What the case is like before the row's command mail. */
	enum Pre {

		OPEN, WITHDRAWN, HANDLED, EMPLOYEE_WITHOUT_EMAIL, EMPLOYEE_WITH_EMAIL

	}

	/** Who sends the row's command mail, and how it is trusted. */
	enum From {

		/** The chair, replying to the chair-notification. */
		CHAIR_REPLY,
		/**
		 * The member, a new mail with the reference in the subject, DKIM-signed by the
		 * own domain.
		 */
		MEMBER_DKIM

	}

	record Refused(String name, Pre pre, String body, int lineNumber, String line, String reason) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * What a row may check after its command ran: the export before and after, the new
	 * outbox rows, the notes.
	 */
	record Effect(JsonNode before, JsonNode after, List<Sent> sent, List<String> notes) {

		Sent only(String kind) {
			List<Sent> found = this.sent.stream().filter((s) -> s.kind().equals(kind)).toList();
			assertThat(found).as("outbox rows of kind " + kind).hasSize(1);
			return found.get(0);
		}

	}

	record Sent(String kind, String recipients, String text, String inReplyTo) {
	}

	record Accepted(String name, Pre pre, From from, String body, boolean html, String confirmationSays,
			Consumer<Effect> check) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@BeforeEach
	void fileCase() {
		this.c = file();
	}

	// ---------------------------------------------------------------- refusals

	static Stream<Refused> refusals() {
		String today = TestClock.configuredDay(AMSTERDAM).toString();
		String nextWeek = TestClock.configuredDay(AMSTERDAM).plusDays(7).toString();
		List<Refused> r = new ArrayList<>();
		r.add(new Refused("unknown keyword on the first line", Pre.OPEN, "VERWIJDER alles\n", 1, "VERWIJDER alles",
				"Onbekend commando"));
		r.add(new Refused("plain prose from the chair", Pre.OPEN, "Dank u, ik kijk er morgen naar.\n", 1,
				"Dank u, ik kijk er morgen naar.", "Onbekend commando"));
		r.add(new Refused("keyword only in the quoted text of a prose reply", Pre.OPEN, """
				Ik bel de klager eerst even.

				Op ma 5 jan 2026 om 10:12 schreef Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:
				> GEGROND
				> De klager heeft gelijk.
				""", 1, "Ik bel de klager eerst even.", "Onbekend commando"));
		r.add(new Refused("missing value: PRODUCT alone", Pre.OPEN, "PRODUCT\n", 1, "PRODUCT",
				"PRODUCT heeft een omschrijving nodig"));
		r.add(new Refused("bad date", Pre.OPEN, "DATUM-ONTSTAAN 2026-02-30\n", 1, "DATUM-ONTSTAAN 2026-02-30",
				"geldige datum"));
		r.add(new Refused("decision without arguments", Pre.OPEN, "GEGROND\n", 1, "GEGROND", "zonder argumenten"));
		r.add(new Refused("VRAAG-KLAGER without text", Pre.OPEN, "VRAAG-KLAGER\n", 1, "VRAAG-KLAGER",
				"heeft een vraag nodig"));
		r.add(new Refused("VERLENG to a date before today", Pre.OPEN, "VERLENG 2020-01-01\n\nMeer tijd nodig.", 1,
				"VERLENG 2020-01-01", "ligt niet na vandaag"));
		r.add(new Refused("VERLENG to today", Pre.OPEN, "VERLENG " + today + "\n\nMeer tijd nodig.", 1,
				"VERLENG " + today, "ligt niet na vandaag"));
		r.add(new Refused("VERLENG to a date before the current due date", Pre.OPEN,
				"VERLENG " + nextWeek + "\n\nMeer tijd nodig.", 1, "VERLENG " + nextWeek,
				"ligt niet na de huidige termijn"));
		r.add(new Refused("VERLENG without reason", Pre.OPEN, "VERLENG 2 weken\n", 1, "VERLENG 2 weken",
				"reden van de verlenging"));
		r.add(new Refused("VERLENG 0 weken", Pre.OPEN, "VERLENG 0 weken\n\nMeer tijd nodig.", 1, "VERLENG 0 weken",
				"geldige datum"));
		r.add(new Refused("VRAAG-MEDEWERKER with no employee known", Pre.OPEN, "VRAAG-MEDEWERKER\n\nWat is er gebeurd?",
				1, "VRAAG-MEDEWERKER", "geen medewerker met e-mailadres"));
		r.add(new Refused("VRAAG-MEDEWERKER with an employee without email", Pre.EMPLOYEE_WITHOUT_EMAIL,
				"VRAAG-MEDEWERKER\n\nWat is er gebeurd?", 1, "VRAAG-MEDEWERKER", "geen medewerker met e-mailadres"));
		r.add(new Refused("MEDEWERKER with a broken address", Pre.OPEN, "MEDEWERKER Piet <piet-at-klikklaar>\n", 1,
				"MEDEWERKER Piet <piet-at-klikklaar>", "geen geldig e-mailadres"));
		r.add(new Refused("a command on a withdrawn case", Pre.WITHDRAWN, "PRODUCT Glasvezel 500\n", 1,
				"PRODUCT Glasvezel 500", "ingetrokken"));
		r.add(new Refused("a decision on a withdrawn case", Pre.WITHDRAWN, "GEGROND\n\nDe klager had gelijk.", 1,
				"GEGROND", "ingetrokken"));
		r.add(new Refused("GEGROND on an already handled case", Pre.HANDLED, "GEGROND\n\nToch gegrond.", 1, "GEGROND",
				"afgehandeld"));
		r.add(new Refused("HEROPEN on an open case", Pre.OPEN, "HEROPEN\n", 1, "HEROPEN",
				"Alleen een afgehandeld of ingetrokken dossier"));
		r.add(new Refused("BEROEP-GEGROND from the chair", Pre.HANDLED, "BEROEP-GEGROND\n\nDe klager heeft gelijk.", 1,
				"BEROEP-GEGROND", "niet geven vanaf dit adres"));
		r.add(new Refused("MAATREGEL and GEEN-MAATREGEL together", Pre.HANDLED,
				"MAATREGEL Monteurs bellen vooraf\nGEEN-MAATREGEL\n", 2, "GEEN-MAATREGEL", "spreken elkaar tegen"));
		r.add(new Refused("two decisions", Pre.OPEN, "GEGROND\nONGEGROND\n\nDe argumenten.", 2, "ONGEGROND",
				"Meer dan één beslissing"));
		r.add(new Refused("the same keyword twice", Pre.OPEN, "ADRES Kerkstraat 1\nADRES Kerkstraat 2\n", 2,
				"ADRES Kerkstraat 2", "twee keer"));
		r.add(new Refused("atomicity: PRODUCT then a bad VERLENG", Pre.OPEN,
				"PRODUCT X\nVERLENG 2020-01-01\n\nMeer tijd nodig.", 2, "VERLENG 2020-01-01", "ligt niet na vandaag"));
		r.add(new Refused("atomicity: a good MEDEWERKER then an unknown-value line", Pre.OPEN,
				"MEDEWERKER Piet Jansen <piet@klikklaar.com>\nWOONPLAATS\n", 2, "WOONPLAATS", "woonplaats"));
		r.add(new Refused("STATUS with a value", Pre.OPEN, "STATUS graag\n", 1, "STATUS graag", "geen waarde"));
		return r.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void shouldRefuseNamingLineAndChangeNothingWhenCommandMayNotRun(Refused row) {
		prepare(row.pre());
		Map<String, Object> before = snapshot();
		long outboxBefore = maxId("outbox");
		long lettersBefore = maxId("correspondence");

		String commandId = command(CHAIR, row.body(), false);

		assertThat(snapshot()).as("nothing of a refused mail is applied").isEqualTo(before);
		List<Map<String, Object>> sent = outboxSince(outboxBefore);
		assertThat(sent).as("only the refusal is sent").hasSize(1);
		Map<String, Object> refusal = sent.get(0);
		assertThat(refusal).containsEntry("kind", "command-rejected");
		assertThat(((String) refusal.get("recipients")).toLowerCase()).isEqualTo(CHAIR.toLowerCase());
		assertThat(((Number) refusal.get("complaint_id")).longValue()).isEqualTo(this.c.id());
		byte[] raw = (byte[]) refusal.get("raw");
		assertThat(header(message(raw), "In-Reply-To")).isEqualTo("<" + commandId + ">");
		String text = allText(raw);
		assertThat(text).contains("Regel " + row.lineNumber() + ": " + row.line())
			.contains(row.reason())
			.contains("NIET uitgevoerd");
		// only the refusal joins the file: a refused mail never becomes part of the
		// case's thread
		// (CONTRACT §5); it is kept in the ignored list, linked to the case it named
		assertThat(lettersSince(lettersBefore)).containsExactly("out/command-rejected/" + refusal.get("message_id"));
		assertThat(this.jdbc
			.sql("SELECT outcome || '/' || reason || '/' || complaint_id FROM inbound_mail WHERE message_id = ?")
			.param(commandId)
			.query(String.class)
			.single()).isEqualTo("ignored/command-refused/" + this.c.id());
	}

	// ---------------------------------------------------------------- accepted commands

	static Stream<Accepted> accepted() {
		LocalDate today = TestClock.configuredDay(AMSTERDAM);
		String thirteenMonthsAgo = today.minusMonths(13).toString();
		String lastMonth = today.minusMonths(1).toString();
		String inTwoMonths = today.plusMonths(2).toString();
		List<Accepted> a = new ArrayList<>();
		for (String word : List.of("MEDEWERKER", "EMPLOYEE", "medewerker")) {
			a.add(ok(word + " with name and address", word + " Piet Jansen <piet@klikklaar.com>\n",
					"Medewerker vastgelegd: Piet Jansen <piet@klikklaar.com>", (e) -> {
						assertThat(e.after().at("/employee/name").asString()).isEqualTo("Piet Jansen");
						assertThat(e.after().at("/employee/email").asString()).isEqualTo("piet@klikklaar.com");
					}));
		}
		a.add(ok("MEDEWERKER with a name only", "MEDEWERKER Piet Jansen\n", "Medewerker vastgelegd: Piet Jansen",
				(e) -> {
					assertThat(e.after().at("/employee/name").asString()).isEqualTo("Piet Jansen");
					assertThat(e.after().at("/employee/email").isNull()).isTrue();
				}));
		a.add(ok("PRODUCT", "PRODUCT Glasvezel 500\n", "Product toegevoegd: Glasvezel 500",
				(e) -> assertThat(e.after().get("products").toString()).contains("Glasvezel 500")));
		a.add(ok("PRODUCT twice, lower case and surrounding whitespace",
				"   product   Modem X1   \nPRODUCT: Router Y2\n", "Product toegevoegd: Modem X1",
				(e) -> assertThat(e.after().get("products").toString()).contains("\"Modem X1\"")
					.contains("\"Router Y2\"")));
		for (String word : List.of("ADRES", "ADDRESS")) {
			a.add(ok(word, word + " Kerkstraat 1\n", "Adres vastgelegd: Kerkstraat 1",
					(e) -> assertThat(e.after().at("/complainant/address").asString()).isEqualTo("Kerkstraat 1")));
		}
		for (String word : List.of("WOONPLAATS", "CITY")) {
			a.add(ok(word, word + " Utrecht\n", "Woonplaats vastgelegd: Utrecht",
					(e) -> assertThat(e.after().at("/complainant/city").asString()).isEqualTo("Utrecht")));
		}
		for (String word : List.of("DATUM-ONTSTAAN", "OCCURRED")) {
			a.add(ok(word + " 13 months ago is late", word + " " + thirteenMonthsAgo + "\n", "buiten de termijn",
					(e) -> {
						assertThat(e.after().get("arose_on").asString()).isEqualTo(thirteenMonthsAgo);
						assertThat(e.after().get("late").asBoolean()).isTrue();
					}));
		}
		a.add(ok("DATUM-ONTSTAAN last month is in time", "DATUM-ONTSTAAN " + lastMonth + "\n",
				"Datum ontstaan vastgelegd", (e) -> {
					assertThat(e.after().get("arose_on").asString()).isEqualTo(lastMonth);
					assertThat(e.after().get("late").asBoolean()).isFalse();
				}));
		for (String word : List.of("VRAAG-MEDEWERKER", "ASK-EMPLOYEE")) {
			a.add(new Accepted(word, Pre.EMPLOYEE_WITH_EMAIL, From.CHAIR_REPLY,
					word + "\n\nWanneer was de monteur bij de klant?", false, "Vraag gestuurd aan de medewerker",
					(e) -> {
						Sent question = e.only("question-employee");
						assertThat(question.recipients()).isEqualTo("piet@klikklaar.com");
						assertThat(question.text()).contains("Wanneer was de monteur bij de klant?");
					}));
		}
		a.add(ok("MEDEWERKER and VRAAG-MEDEWERKER in one mail",
				"MEDEWERKER Piet Jansen <piet@klikklaar.com>\nVRAAG-MEDEWERKER\n\nWanneer was de monteur er?",
				"Vraag gestuurd aan de medewerker", (e) -> {
					assertThat(e.only("question-employee").recipients()).isEqualTo("piet@klikklaar.com");
					assertThat(e.after().at("/employee/email").asString()).isEqualTo("piet@klikklaar.com");
				}));
		for (String word : List.of("VRAAG-KLAGER", "ASK-COMPLAINANT")) {
			a.add(ok(word, word + "\n\nOp welk adres is de storing?", "Vraag gestuurd aan de klager", (e) -> {
				Sent question = e.only("question-complainant");
				assertThat(question.recipients()).isEqualTo(e.after().at("/complainant/email").asString());
				assertThat(question.text()).contains("Op welk adres is de storing?");
			}));
		}
		for (String word : List.of("DIRECTIE", "MANAGEMENT")) {
			a.add(ok(word, word + "\n\nHet gaat om een schadeclaim van 2000 euro.", "naar de directie gestuurd",
					(e) -> {
						assertThat(e.before().get("management_involved").asBoolean()).isFalse();
						assertThat(e.after().get("management_involved").asBoolean()).isTrue();
						Sent file = e.only("management-file");
						assertThat(file.recipients()).isEqualTo(MANAGEMENT);
						assertThat(file.text()).contains("schadeclaim van 2000 euro")
							.contains(e.after().get("subject").asString());
					}));
		}
		for (String term : List.of("VERLENG 2 weken", "EXTEND 2 weeks", "verleng 2 week")) {
			a.add(ok(term, term + "\n\nWe wachten op de monteur.", "Termijn verlengd tot", (e) -> {
				LocalDate due = LocalDate.parse(e.before().get("decision_due").asString()).plusDays(14);
				assertThat(e.after().get("decision_due").asString()).isEqualTo(due.toString());
				JsonNode extension = e.after().get("extensions").get(0);
				assertThat(extension.get("to").asString()).isEqualTo(due.toString());
				assertThat(extension.get("reason").asString()).isEqualTo("We wachten op de monteur.");
				assertThat(extension.get("notified_at").asString()).isNotBlank();
				Sent notice = e.only("extension-notice");
				assertThat(notice.recipients()).isEqualTo(e.after().at("/complainant/email").asString());
				assertThat(notice.text()).contains(PeopleDates.date(due)).contains("We wachten op de monteur.");
			}));
		}
		a.add(ok("VERLENG to a date", "VERLENG " + inTwoMonths + "\n\nDrukte.", "Termijn verlengd tot",
				(e) -> assertThat(e.after().get("decision_due").asString()).isEqualTo(inTwoMonths)));
		String[][] decisions = { { "GEGROND", "gegrond" }, { "FOUNDED", "gegrond" },
				{ "DEELS-GEGROND", "deels_gegrond" }, { "PARTLY-FOUNDED", "deels_gegrond" },
				{ "ONGEGROND", "ongegrond" }, { "UNFOUNDED", "ongegrond" }, { "ongegrond", "ongegrond" },
				{ "*GEGROND*", "gegrond" } };
		for (String[] d : decisions) {
			a.add(ok(d[0] + " with arguments", d[0] + "\n\nDe monteur is twee keer niet gekomen.",
					"Status: afgehandeld", (e) -> {
						assertThat(e.after().get("status").asString()).isEqualTo("afgehandeld");
						JsonNode decision = e.after().get("decision");
						assertThat(decision.get("assessment").asString()).isEqualTo(d[1]);
						assertThat(decision.get("arguments").asString())
							.isEqualTo("De monteur is twee keer niet gekomen.");
						assertThat(decision.get("decided_at").asString()).isNotBlank();
						assertThat(decision.get("manner").asString()).isNotBlank();
						Sent letter = e.only("decision");
						assertThat(letter.recipients()).isEqualTo(e.after().at("/complainant/email").asString());
						assertThat(letter.text()).contains("De monteur is twee keer niet gekomen.")
							.contains("CR Makarawung");
						assertThat(e.only("measures-request").recipients()).isEqualTo(MANAGEMENT);
					}));
		}
		for (String word : List.of("MAATREGEL", "MEASURE")) {
			a.add(new Accepted(word + " on a handled case", Pre.HANDLED, From.CHAIR_REPLY,
					word + " Monteurs bellen voortaan vooraf\n", false, "Structurele maatregel vastgelegd",
					(e) -> assertThat(e.after().get("measures").toString())
						.contains("Monteurs bellen voortaan vooraf")));
		}
		a.add(ok("MAATREGEL with the text below", "MAATREGEL\n\nExtra training voor monteurs.",
				"Structurele maatregel vastgelegd",
				(e) -> assertThat(e.after().get("measures").toString()).contains("Extra training voor monteurs.")));
		for (String word : List.of("GEEN-MAATREGEL", "NO-MEASURE")) {
			a.add(new Accepted(word, Pre.HANDLED, From.CHAIR_REPLY, word + "\n", false, "geen structurele maatregel",
					(e) -> assertThat(e.after().get("measures").toString()).contains("geen structurele maatregel")));
		}
		for (String word : List.of("NOTITIE", "NOTE")) {
			a.add(ok(word, word + " Klant gebeld, geen gehoor.\n", "Notitie toegevoegd",
					(e) -> assertThat(e.notes()).containsExactly("Klant gebeld, geen gehoor.")));
		}
		a.add(ok("NOTITIE with text, a quoted decision and a signature",
				"NOTITIE\n\nKlant gebeld, morgen terug.\n\n-- \nNC Jansen\nVoorzitter klachtencommissie\n\n"
						+ "Op ma 5 jan 2026 om 10:12 schreef Klachtencommissie Klikklaar <NCJansen@klikklaar.com>:\n"
						+ "> GEGROND\n> De klager heeft gelijk.\n",
				"Notitie toegevoegd", (e) -> {
					assertThat(e.notes()).containsExactly("Klant gebeld, morgen terug.");
					assertThat(e.after().get("decision").isNull()).as("quoted keyword does not count").isTrue();
					assertThat(e.after().get("status").asString()).isEqualTo("in_behandeling");
				}));
		for (String word : List.of("HEROPEN", "REOPEN")) {
			a.add(new Accepted(word, Pre.HANDLED, From.CHAIR_REPLY, word + "\n", false, "Dossier heropend", (e) -> {
				assertThat(e.before().get("status").asString()).isEqualTo("afgehandeld");
				assertThat(e.after().get("status").asString()).isEqualTo("in_behandeling");
				assertThat(e.after().get("decision").isNull()).isTrue();
			}));
		}
		// a withdrawal (forged or mistaken) can be undone by the committee
		a.add(new Accepted("HEROPEN on a withdrawn case", Pre.WITHDRAWN, From.CHAIR_REPLY, "HEROPEN\n", false,
				"Dossier heropend", (e) -> {
					assertThat(e.before().get("status").asString()).isEqualTo("ingetrokken");
					assertThat(e.after().get("status").asString()).isEqualTo("in_behandeling");
				}));
		a.add(ok("STATUS", "STATUS\n", "Het volledige dossier staat hieronder",
				(e) -> assertThat(e.only("command-confirmation").text()).contains(e.after().get("reference").asString())
					.contains("Mijn glasvezel valt elke avond uit.")));
		a.add(ok("OVERZICHT", "OVERZICHT\n", "Het overzicht van termijnen is verstuurd",
				(e) -> assertThat(e.only("daily-digest").recipients()).containsIgnoringCase("NCJansen@klikklaar.com")));
		a.add(ok("DIGEST", "digest\n", "Het overzicht van termijnen is verstuurd",
				(e) -> assertThat(e.only("daily-digest").text()).contains("Dagoverzicht")));
		a.add(ok("HELP", "HELP\n", "De commando's staan hieronder",
				(e) -> assertThat(e.only("command-confirmation").text()).contains("APPEAL-DISMISSED")
					.contains("DEELS-GEGROND")
					.contains("(Engels: APPEAL-DISMISSED)")));
		a.add(new Accepted("HTML-only command mail", Pre.OPEN, From.CHAIR_REPLY,
				"<html><body><div dir=\"ltr\"><div>PRODUCT Glasvezel 1000</div><div>WOONPLAATS Utrecht</div>"
						+ "<div><br></div><div>Groet, NC</div></div></body></html>",
				true, "Product toegevoegd: Glasvezel 1000", (e) -> {
					assertThat(e.after().get("products").toString()).contains("Glasvezel 1000");
					assertThat(e.after().at("/complainant/city").asString()).isEqualTo("Utrecht");
				}));
		a.add(new Accepted("member, DKIM-signed new mail naming the reference", Pre.OPEN, From.MEMBER_DKIM,
				"PRODUCT Glasvezel 200\n", false, "Product toegevoegd: Glasvezel 200",
				(e) -> assertThat(e.after().get("products").toString()).contains("Glasvezel 200")));
		return a.stream();
	}

	private static Accepted ok(String name, String body, String says, Consumer<Effect> check) {
		return new Accepted(name, Pre.OPEN, From.CHAIR_REPLY, body, false, says, check);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("accepted")
	void shouldConfirmAndApplyWhenTrustedCommitteeSendsCommand(Accepted row) {
		prepare(row.pre());
		JsonNode before = exported();
		long outboxBefore = maxId("outbox");
		String sender = row.from() == From.MEMBER_DKIM ? MEMBER : CHAIR;

		String commandId = row.from() == From.MEMBER_DKIM
				? send(MEMBER, "Klacht [" + this.c.reference() + "]", row.body(),
						"Authentication-Results: " + TRUSTED_AUTHSERV
								+ "; dkim=pass header.d=klikklaar.com; spf=pass\r\n",
						row.html())
				: command(CHAIR, row.body(), row.html());

		List<Sent> sent = outboxSince(outboxBefore).stream()
			.map((m) -> new Sent((String) m.get("kind"), ((String) m.get("recipients")).toLowerCase(),
					allText((byte[]) m.get("raw")), header(message((byte[]) m.get("raw")), "In-Reply-To")))
			.toList();
		Effect effect = new Effect(before, exported(), sent, notes());
		Sent confirmation = effect.only("command-confirmation");
		assertThat(effect.sent().stream().filter((s) -> s.kind().equals("command-rejected"))).isEmpty();
		assertThat(confirmation.recipients()).isEqualTo(sender.toLowerCase());
		assertThat(confirmation.inReplyTo()).isEqualTo("<" + commandId + ">");
		assertThat(confirmation.text()).contains(row.confirmationSays());
		row.check().accept(effect);
	}

	@Test
	void shouldAnswerHelpWhenChairSendsNewMailWithoutReferenceAuthenticatedByDkim() {
		long outboxBefore = maxId("outbox");
		long casesBefore = count("SELECT count(*) FROM complaint");

		String commandId = send(CHAIR, "help", "HELP\n",
				"Authentication-Results: " + TRUSTED_AUTHSERV + "; dkim=pass header.d=klikklaar.com\r\n", false);

		List<Map<String, Object>> sent = outboxSince(outboxBefore);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0)).containsEntry("kind", "command-confirmation");
		assertThat(sent.get(0).get("complaint_id")).isNull();
		assertThat(((String) sent.get(0).get("recipients")).toLowerCase()).isEqualTo(CHAIR.toLowerCase());
		byte[] raw = (byte[]) sent.get(0).get("raw");
		assertThat(header(message(raw), "In-Reply-To")).isEqualTo("<" + commandId + ">");
		assertThat(allText(raw)).contains("VRAAG-MEDEWERKER")
			.contains("ASK-COMPLAINANT")
			.contains("(Engels: APPEAL-DISMISSED)");
		assertThat(count("SELECT count(*) FROM complaint")).as("not a new complaint").isEqualTo(casesBefore);
	}

	@Test
	void shouldAnswerHelpToTheChairItselfWhenChairSendsNewMailWithoutReferenceOrAuthentication() {
		// HELP changes nothing: answered without proof, to the authorised address
		// (CONTRACT §5)
		long outboxBefore = maxId("outbox");
		long casesBefore = count("SELECT count(*) FROM complaint");

		send(CHAIR, "help", "HELP\n", "", false);

		List<Map<String, Object>> sent = outboxSince(outboxBefore);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0)).containsEntry("kind", "command-confirmation");
		assertThat(((String) sent.get(0).get("recipients")).toLowerCase()).isEqualTo(CHAIR.toLowerCase());
		assertThat(allText((byte[]) sent.get(0).get("raw"))).contains("(Engels: APPEAL-DISMISSED)");
		assertThat(count("SELECT count(*) FROM complaint")).isEqualTo(casesBefore);
	}

	@Test
	void shouldRefuseAChangeWhenChairSendsNewMailWithTheReferenceButNoProof() {
		long outboxBefore = maxId("outbox");
		Map<String, Object> before = snapshot();

		send(CHAIR, "Re: [" + this.c.reference() + "]", "PRODUCT Glasvezel 500\n", "", false);

		assertThat(snapshot()).isEqualTo(before);
		List<Map<String, Object>> sent = outboxSince(outboxBefore);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0)).containsEntry("kind", "command-rejected");
		assertThat(allText((byte[]) sent.get(0).get("raw"))).contains("niet als echt herkend");
	}

	// ---------------------------------------------------------------- helpers

	private void prepare(Pre pre) {
		switch (pre) {
			case OPEN -> {
			}
			case WITHDRAWN -> {
				send(this.c.complainant(), "Re: " + this.c.ackSubject(), "INTREKKEN\n\nHet is opgelost.",
						replyHeaders(this.c.ackId()), false);
				assertThat(exported().get("status").asString()).isEqualTo("ingetrokken");
			}
			case HANDLED -> {
				command(CHAIR, "ONGEGROND\n\nDe storing lag bij de klant thuis.", false);
				assertThat(exported().get("status").asString()).isEqualTo("afgehandeld");
			}
			case EMPLOYEE_WITHOUT_EMAIL -> {
				command(CHAIR, "MEDEWERKER Piet Jansen\n", false);
				assertThat(exported().at("/employee/name").asString()).isEqualTo("Piet Jansen");
			}
			case EMPLOYEE_WITH_EMAIL -> {
				command(CHAIR, "MEDEWERKER Piet Jansen <piet@klikklaar.com>\n", false);
				assertThat(exported().at("/employee/email").asString()).isEqualTo("piet@klikklaar.com");
			}
		}
	}

	private Case file() {
		String sender = uniqueSender();
		feed(aComplaint(sender, "Storing glasvezel", "Mijn glasvezel valt elke avond uit.", newMessageId()));
		Map<String, Object> row = this.jdbc.sql("SELECT id, reference FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query()
			.singleRow();
		long id = ((Number) row.get("id")).longValue();
		Map<String, Object> ack = outboxRow(id, "acknowledgement");
		Map<String, Object> notification = outboxRow(id, "chair-notification");
		return new Case(id, (String) row.get("reference"), sender, (String) ack.get("message_id"), subjectOf(ack),
				(String) notification.get("message_id"), subjectOf(notification));
	}

	private Map<String, Object> outboxRow(long id, String kind) {
		return this.jdbc.sql("SELECT message_id, raw FROM outbox WHERE complaint_id = ? AND kind = ?")
			.params(id, kind)
			.query()
			.singleRow();
	}

	private static String subjectOf(Map<String, Object> outboxRow) {
		return MailFixtures.subject(message((byte[]) outboxRow.get("raw")));
	}

	/**
	 * A command mail from this sender, replying to the chair-notification; returns its
	 * Message-ID.
	 */
	private String command(String from, String body, boolean html) {
		return send(from, "Re: " + this.c.notificationSubject(), body, replyHeaders(this.c.notificationId()), html);
	}

	private String send(String from, String subject, String body, String headers, boolean html) {
		String id = newMessageId();
		feed(aMail(from, subject, body, id, headers, html ? "text/html; charset=UTF-8" : "text/plain; charset=UTF-8"));
		return id;
	}

	private void feed(String raw) {
		MailFixtures.feed(this.intake, uids.incrementAndGet(), raw);
	}

	/** Everything of the case that a command could change, except its correspondence. */
	private Map<String, Object> snapshot() {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("complaint",
				this.jdbc.sql("SELECT * FROM complaint WHERE id = ?").param(this.c.id()).query().singleRow());
		for (String table : List.of("product", "extension", "measure", "note", "participant", "data_request", "appeal",
				"appeal_extension")) {
			s.put(table,
					this.jdbc.sql("SELECT * FROM " + table + " WHERE complaint_id = ? ORDER BY 1")
						.param(this.c.id())
						.query()
						.listOfRows());
		}
		Map<String, Object> json = new LinkedHashMap<>(CaseFileJson.toJson(caseFile(), null));
		json.remove("correspondence");
		s.put("json", json.toString());
		s.put("complaints", count("SELECT count(*) FROM complaint"));
		return s;
	}

	private nl.klachten.register.CaseFile caseFile() {
		return this.caseFiles.all()
			.stream()
			.filter((f) -> f.reference().equals(this.c.reference()))
			.findFirst()
			.orElseThrow();
	}

	private JsonNode exported() {
		byte[] json = CaseFileJson.write(List.of(caseFile()), "default");
		return JsonMapper.builder().build().readTree(json).get(0);
	}

	private List<String> notes() {
		return this.jdbc.sql("SELECT text FROM note WHERE complaint_id = ? ORDER BY id")
			.param(this.c.id())
			.query(String.class)
			.list();
	}

	private List<Map<String, Object>> outboxSince(long id) {
		return this.jdbc
			.sql("SELECT complaint_id, kind, message_id, recipients, raw FROM outbox WHERE id > ? ORDER BY id")
			.param(id)
			.query()
			.listOfRows();
	}

	private List<String> lettersSince(long id) {
		return this.jdbc.sql("SELECT direction, kind, message_id FROM correspondence WHERE id > ? ORDER BY id")
			.param(id)
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3))
			.list();
	}

	private long maxId(String table) {
		return this.jdbc.sql("SELECT coalesce(max(id), 0) FROM " + table).query(Long.class).single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
