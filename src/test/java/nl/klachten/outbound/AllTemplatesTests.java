package nl.klachten.outbound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import freemarker.template.Configuration;
import nl.klachten.commands.Guidance;
import nl.klachten.commands.Keyword;
import nl.klachten.mailbox.MailboxSettings;
import nl.klachten.register.CaseState;
import nl.klachten.register.ReferenceNumber;
import nl.klachten.register.RegisteredComplaint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template in {@code templates/}, rendered through the real composer with the
 * widest values a case can bring (issue 11, CONTRACT §4): every text 200 characters and
 * more, long names and subjects, reference-like words and URLs longer than a line, in two
 * variants (every optional part present, every optional part absent). The plain text
 * never has a line over 76 columns outside quoted lines ({@code >}) and single
 * unbreakable words, names no requirement code ({@code R13}) and writes no ISO date. The
 * folders are listed, not named, so a new template is covered the day it is added; one
 * whose model is not here fails to render, and so fails the test.
 */
class AllTemplatesTests {

	private static final Path TEMPLATES = Path.of("templates");

	private static final Pattern REQUIREMENT_CODE = Pattern.compile("\\bR[0-9]+\\b");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final String NAME = "Maria Theresia Wilhelmina van den Heuvel-Oosterhout tot Nederhorst den Berg";

	private static final String TOKEN = "KK-2026-0001/ORDER-" + "7".repeat(40) + "-RETOUR-" + "X".repeat(30);

	private static final String URL = "https://www.klikklaar.example.com/klantenservice/retouren/" + "a".repeat(60);

	/** A value of 200+ characters: words, an unbreakable reference-like word, a URL. */
	private static final String LONG = "Mijn wasmachine werd drie weken te laat bezorgd en de bezorger zette haar "
			+ "beschadigd bij de buren neer zonder iets te zeggen, " + TOKEN + " en zie " + URL
			+ " voor de foto's; daarna hoorde ik van niemand meer iets terwijl ik vier keer heb gebeld.";

	/** Mail text: paragraphs, a quoted line, an indented list line. */
	private static final String TEXT = LONG + "\n\n> " + LONG + "\n\n  - " + LONG + "\n\nMet vriendelijke groet,\n"
			+ NAME;

	/**
	 * The purposes of mail to the complainant: each has an English version (CONTRACT §4).
	 */
	private static final List<String> TO_COMPLAINANT = List.of("acknowledgement", "appeal-confirmation",
			"appeal-decision", "appeal-extension", "appeal-refused", "confirmation-request", "data-access", "decision",
			"details-recorded", "extension-notice", "question-complainant", "withdrawal-confirmation");

	static Stream<Arguments> templates() throws IOException {
		List<Arguments> all = new ArrayList<>();
		try (Stream<Path> folders = Files.list(TEMPLATES)) {
			for (Path folder : folders.filter((f) -> Files.isRegularFile(f.resolve("body.ftl"))).sorted().toList()) {
				for (String language : Files.isRegularFile(folder.resolve("body_en.ftl")) ? List.of("nl", "en")
						: List.of("nl")) {
					all.add(Arguments.of(folder.getFileName().toString(), true, language));
					all.add(Arguments.of(folder.getFileName().toString(), false, language));
				}
			}
		}
		assertThat(all).hasSizeGreaterThan(40 + 2 * TO_COMPLAINANT.size());
		return all.stream();
	}

	@ParameterizedTest(name = "{0}, everything present: {1}, {2}")
	@MethodSource("templates")
	void shouldFitSeventySixColumnsWhenValuesAreLong(String purpose, boolean full, String language) {
		ComposedMail mail = compose(purpose, full, language);
		String text = mail.text();

		for (String line : text.split("\r?\n", -1)) {
			if (line.startsWith(">")) {
				continue;
			}
			if (PlainText.columns(line) > PlainText.WIDTH) {
				assertThat(line.strip()).as("an over-wide line in %s is one unbreakable word", purpose)
					.doesNotContain(" ");
			}
			assertThat(line).as("%s names no requirement code", purpose).doesNotContainPattern(REQUIREMENT_CODE);
			assertThat(line).as("%s writes dates for people", purpose).doesNotContainPattern(ISO_DATE);
		}
		assertThat(text).as("the long values reach the text of %s", purpose).isNotBlank();
		if (language.equals("en")) {
			assertThat(text).as("%s greets and signs in English", purpose)
				.doesNotContain("Geachte", "Referentie:")
				.contains("Kind regards,", "Reference: KK-2026-0001");
			assertThat(mail.subject()).as("%s has an English subject", purpose)
				.doesNotContain(" uw ")
				.endsWith("[KK-2026-0001]");
		}
	}

	/**
	 * {@code digest --dry-run} prints {@link MailComposer#text} without composing the
	 * mail: the same text as the mail's, for every template.
	 */
	@ParameterizedTest(name = "{0}, everything present: {1}, {2}")
	@MethodSource("templates")
	void shouldGiveTheMailsTextWithoutComposingTheMail(String purpose, boolean full, String language) {
		Configuration templates = new TemplateConfiguration().mailTemplates(TEMPLATES.toString());
		MailboxSettings mailbox = new MailboxSettings("klachten@klikklaar.com", "Klachtencommissie KlikKlaar",
				"Klachten/Verwerkt", "Klachten/Quarantaine", null, null);
		Map<String, Object> model = model(full);
		model.put(MailComposer.LANGUAGE, language);
		Letter letter = new Letter(purpose, List.of("klager@example.org"), "KK-2026-0001", null, List.of(), model);
		MailComposer composer = new MailComposer(templates, mailbox,
				Clock.fixed(Instant.parse("2026-11-30T07:01:00Z"), ZoneId.of("Europe/Amsterdam")));
		assertThat(composer.text(letter)).isEqualTo(composer.compose(letter).text());
	}

	@ParameterizedTest(name = "{0}")
	@org.junit.jupiter.params.provider.FieldSource("TO_COMPLAINANT")
	void shouldHaveAnEnglishVersionWhenTheMailGoesToTheComplainant(String purpose) {
		for (String file : List.of("subject_en.ftl", "body_en.ftl", "body_en.ftlh")) {
			assertThat(TEMPLATES.resolve(purpose).resolve(file)).isRegularFile();
		}
	}

	private static ComposedMail compose(String purpose, boolean full, String language) {
		Configuration templates = new TemplateConfiguration().mailTemplates(TEMPLATES.toString());
		MailboxSettings mailbox = new MailboxSettings("klachten@klikklaar.com", "Klachtencommissie KlikKlaar",
				"Klachten/Verwerkt", "Klachten/Quarantaine", null, null);
		Clock clock = Clock.fixed(Instant.parse("2026-11-30T07:01:00Z"), ZoneId.of("Europe/Amsterdam"));
		Map<String, Object> model = model(full);
		model.put(MailComposer.LANGUAGE, language);
		return new MailComposer(templates, mailbox, clock)
			.compose(new Letter(purpose, List.of("klager@example.org"), "KK-2026-0001", null, List.of(), model));
	}

	/**
	 * One model for every template: each key a template uses, with the widest value it
	 * can get.
	 */
	static Map<String, Object> model(boolean full) {
		String value = full ? LONG : "";
		Map<String, Object> model = new HashMap<>();
		for (String key : List.of("appealsAddress", "appealsEmail", "appealsName", "appealsTitle", "arguments",
				"assessmentLabel", "caseFile", "complaintText", "grounds", "outcome", "possibleLink", "provider",
				"reason", "representativeOf", "request", "solution", "party", "stateLine", "chairTitle", "committee")) {
			model.put(key, value);
		}
		for (String key : List.of("complainantName", "employeeName", "chairName")) {
			model.put(key, full ? NAME : "");
		}
		for (String key : List.of("aroseOn", "decidedOn", "decisionDue", "due", "filedOn", "newDue", "previousDue",
				"submittedOn", "date")) {
			model.put(key, "30 november 2026");
		}
		model.put("subject", full ? LONG : "(geen onderwerp)");
		model.put("complainantEmail",
				"maria.theresia.van.den.heuvel-oosterhout@" + "nederhorst".repeat(4) + ".example");
		model.put("sender", "klager@example.org");
		model.put("text", TEXT);
		model.put("question", full ? "Beste mevrouw Van den Heuvel,\n\n" + TEXT : TEXT);
		model.put("status", full ? "afgehandeld" : "in_behandeling");
		model.put("line", full ? LONG : "");
		for (String key : List.of("late", "acknowledged", "unanswerable", "byMail", "ownGreeting", "upheld", "own")) {
			model.put(key, full);
		}
		for (String key : List.of("perHour", "waiting", "held", "rateLimit", "appealWeeks", "handlingWeeks",
				"overdueCount", "dueSoonCount", "extensionCount", "waitingCount", "newCount", "failedLines",
				"lineNumber")) {
			model.put(key, full ? 123_456_789 : 0);
		}
		model.put("attachments", full ? List.of(TOKEN + ".pdf", LONG) : List.of());
		model.put("missing", full ? List.of("Naam", "Adres", "Woonplaats") : List.of());
		model.put("shown", full ? List.of("Naam: " + NAME, "Gronden: " + LONG) : List.of());
		model.put("changes",
				full ? List.of(LONG, "Termijn verlengd tot 31 december 2026; de klager is ingelicht.") : List.of());
		model.put("details", full ? labelled() : Map.of());
		model.put("recorded", full ? labelled() : Map.of());
		model.put("sent",
				full ? List.of(Map.of("to", "de klager", "text", TEXT, "lines", TEXT.lines().toList())) : List.of());
		model.put("guidance", full ? Guidance.forCase(openCase()) : List.of());
		model.put("help", full ? Keyword.helpTable() : "");
		model.put("sections", List.of(Map.of("title", LONG, "lines", full ? List.of(digestLine()) : List.of())));
		model.put("cases", List.of(caseFile(full)));
		model.put("messageId", full ? TOKEN + "@" + "nederhorst".repeat(4) + ".example" : "a@b");
		model.put("mails", List.of(Map.of("sender", full ? NAME.replace(' ', '.') + "@example.org" : "", "place",
				full ? "klacht KK-2026-0001" : "genegeerd")));
		return model;
	}

	private static Map<String, String> labelled() {
		Map<String, String> labelled = new LinkedHashMap<>();
		labelled.put("Naam", NAME);
		labelled.put("Adres", LONG);
		labelled.put("Datum ontstaan", "1 maart 2026");
		labelled.put("Product", TOKEN);
		return labelled;
	}

	private static Map<String, Object> digestLine() {
		return Map.of("reference", "KK-2026-0001", "date", "30 november 2026", "name", NAME, "subject", LONG, "note",
				LONG, "reply", "GEGROND + argumenten als tekst | VERLENG 2 weken | " + TOKEN);
	}

	/**
	 * A case as {@code register/DataAccessView} gives it to the data-access template:
	 * text for people.
	 */
	private static Map<String, Object> caseFile(boolean full) {
		Map<String, Object> file = new HashMap<>();
		file.put("reference", "KK-2026-0001");
		file.put("subject", LONG);
		file.put("status", full ? "afgehandeld, beroep ingesteld op 4 december 2026; de beroepscommissie beslist "
				+ "uiterlijk 29 januari 2027" : "in behandeling");
		file.put("submittedOn", "30 november 2026 om 08:01");
		file.put("name", NAME);
		file.put("email", "maria.theresia.van.den.heuvel-oosterhout@" + "nederhorst".repeat(4) + ".example");
		file.put("address", LONG);
		file.put("city", LONG);
		file.put("representativeOf", full ? LONG : "");
		file.put("products", LONG + ", " + TOKEN);
		file.put("employee", NAME);
		file.put("aroseOn", "1 maart 2026");
		file.put("decisionDue", "28 december 2026");
		file.put("assessment", full ? "deels gegrond" : "");
		file.put("decidedOn", full ? "4 december 2026" : "");
		file.put("solution", full ? LONG : "");
		file.put("letters", 3);
		return file;
	}

	private static CaseState openCase() {
		return new CaseState(
				new RegisteredComplaint(1, new ReferenceNumber("KK", 2026, 1), "klager@example.org",
						RegisteredComplaint.Status.IN_BEHANDELING),
				LocalDate.of(2026, 12, 28), null, null, null, false);
	}

}
