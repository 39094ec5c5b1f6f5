package nl.klachten.commands;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import nl.klachten.commands.ChairCommand.AddProduct;
import nl.klachten.commands.ChairCommand.AppealDismissed;
import nl.klachten.commands.ChairCommand.AppealExtend;
import nl.klachten.commands.ChairCommand.AppealUpheld;
import nl.klachten.commands.ChairCommand.AskComplainant;
import nl.klachten.commands.ChairCommand.AskEmployee;
import nl.klachten.commands.ChairCommand.Decide;
import nl.klachten.commands.ChairCommand.Digest;
import nl.klachten.commands.ChairCommand.Extend;
import nl.klachten.commands.ChairCommand.Help;
import nl.klachten.commands.ChairCommand.InvolveManagement;
import nl.klachten.commands.ChairCommand.NoMeasure;
import nl.klachten.commands.ChairCommand.Note;
import nl.klachten.commands.ChairCommand.RecordMeasure;
import nl.klachten.commands.ChairCommand.Reopen;
import nl.klachten.commands.ChairCommand.SetAddress;
import nl.klachten.commands.ChairCommand.SetAroseOn;
import nl.klachten.commands.ChairCommand.SetCity;
import nl.klachten.commands.ChairCommand.SetEmployee;
import nl.klachten.commands.ChairCommand.SetLanguage;
import nl.klachten.commands.ChairCommand.Status;
import nl.klachten.committee.Language;
import nl.klachten.commands.ParsedCommands.Commands;
import nl.klachten.commands.ParsedCommands.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command grammar of CONTRACT §5, one row per case. Accepted rows give the commands
 * and the text; refused rows give the line number and a piece of the reason, because a
 * refused mail is applied not at all.
 */
class CommandParserTests {

	private static final String ARGS = "De levering was drie weken te laat.";

	private final CommandParser parser = new CommandParser();

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "everyKeyword", "blocks" })
	void shouldReadCommandsAndTextWhenMailIsWellFormed(String name, String body, List<ChairCommand> commands,
			String text) {
		ParsedCommands parsed = this.parser.parse(body);
		assertThat(parsed).isInstanceOf(Commands.class);
		Commands result = (Commands) parsed;
		assertThat(result.commands()).extracting(CommandLine::command).containsExactlyElementsOf(commands);
		assertThat(result.text()).isEqualTo(text);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void shouldRefuseWholeMailNamingLineWhenALineIsWrong(String name, String body, int number, String reason) {
		ParsedCommands parsed = this.parser.parse(body);
		assertThat(parsed).isInstanceOf(Refusal.class);
		Refusal refusal = (Refusal) parsed;
		assertThat(refusal.number()).isEqualTo(number);
		assertThat(refusal.reason()).containsIgnoringCase(reason);
		String[] lines = body.split("\\R", -1);
		assertThat(refusal.line()).isEqualTo((number == 0) ? "" : lines[number - 1].strip());
	}

	@ParameterizedTest(name = "{0} / {1}")
	@CsvSource({ "MEDEWERKER, EMPLOYEE, MEDEWERKER", "PRODUCT, PRODUCT, PRODUCT", "ADRES, ADDRESS, ADRES",
			"WOONPLAATS, CITY, WOONPLAATS", "DATUM-ONTSTAAN, OCCURRED, DATUM_ONTSTAAN",
			"VRAAG-MEDEWERKER, ASK-EMPLOYEE, VRAAG_MEDEWERKER", "VRAAG-KLAGER, ASK-COMPLAINANT, VRAAG_KLAGER",
			"DIRECTIE, MANAGEMENT, DIRECTIE", "VERLENG, EXTEND, VERLENG", "GEGROND, FOUNDED, GEGROND",
			"DEELS-GEGROND, PARTLY-FOUNDED, DEELS_GEGROND", "ONGEGROND, UNFOUNDED, ONGEGROND",
			"MAATREGEL, MEASURE, MAATREGEL", "GEEN-MAATREGEL, NO-MEASURE, GEEN_MAATREGEL", "NOTITIE, NOTE, NOTITIE",
			"HEROPEN, REOPEN, HEROPEN", "STATUS, STATUS, STATUS", "OVERZICHT, DIGEST, OVERZICHT", "HELP, HELP, HELP",
			"BEROEP-GEGROND, APPEAL-UPHELD, BEROEP_GEGROND", "BEROEP-ONGEGROND, APPEAL-DISMISSED, BEROEP_ONGEGROND",
			"BEROEP-VERLENG, APPEAL-EXTEND, BEROEP_VERLENG" })
	void shouldKnowEveryWordWhenContractListsIt(String dutch, String english, Keyword keyword) {
		assertThat(Keyword.of(dutch)).contains(keyword);
		assertThat(Keyword.of(english)).contains(keyword);
		assertThat(Keyword.of(dutch.toLowerCase(Locale.ROOT))).contains(keyword);
		assertThat(Keyword.of(english.toLowerCase(Locale.ROOT))).contains(keyword);
		assertThat(keyword.dutch()).isEqualTo(dutch);
		assertThat(keyword.english()).isEqualTo(english);
	}

	@ParameterizedTest
	@CsvSource({ "INZAGE", "ACCESS", "BEROEP", "APPEAL", "INTREKKEN", "WITHDRAW", "GEGROND.", "''" })
	void shouldNotKnowWordWhenItIsTheComplainantsOrUnknown(String word) {
		assertThat(Keyword.of(word)).isEmpty();
	}

	@Test
	void shouldCoverEveryKeywordWhenCountingContractWords() {
		assertThat(Keyword.values()).hasSize(23);
		assertThat(Arrays.stream(Keyword.values()).filter((k) -> !k.needsCase())).containsExactly(Keyword.OVERZICHT,
				Keyword.HELP);
		assertThat(Keyword.MAATREGEL.authority()).isEqualTo(Authority.COMMITTEE_OR_MANAGEMENT);
		assertThat(Keyword.BEROEP_VERLENG.authority()).isEqualTo(Authority.APPEALS);
		assertThat(Keyword.HELP.authority()).isEqualTo(Authority.ANY_TRUSTED);
		assertThat(Keyword.STATUS.authority()).isEqualTo(Authority.COMMITTEE);
	}

	/**
	 * The HELP list fits 76 columns (issue 11): per keyword its usage and English word,
	 * below it, indented, what it does.
	 */
	@Test
	void shouldFitHelpTableInMailWidthWhenRendered() {
		String table = Keyword.helpTable();
		String[] lines = table.split("\n");
		assertThat(lines).hasSize(Keyword.values().length * 2);
		for (Keyword keyword : Keyword.values()) {
			assertThat(lines[keyword.ordinal() * 2]).startsWith(keyword.usage()).contains(keyword.english());
			assertThat(lines[keyword.ordinal() * 2 + 1]).isEqualTo("    " + keyword.description());
		}
		assertThat(lines).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(76))
			.noneSatisfy((line) -> assertThat(line).containsPattern("\\bR[0-9]+\\b"));
	}

	@Test
	void shouldCountWeeksFromCurrentDueDateWhenTermIsWeeks() {
		LocalDate due = LocalDate.of(2026, 5, 1);
		assertThat(Term.weeks(2).from(due)).isEqualTo(LocalDate.of(2026, 5, 15));
		assertThat(Term.until(LocalDate.of(2026, 12, 31)).from(due)).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(Assessment.DEELS_GEGROND.column()).isEqualTo("deels_gegrond");
		assertThat(Assessment.DEELS_GEGROND.label()).isEqualTo("deels gegrond");
	}

	@Test
	void shouldNotPrintContentWhenLogged() {
		Commands commands = (Commands) this.parser.parse("NOTITIE geheim-merkteken\n\nmeer geheim-merkteken");
		assertThat(commands.toString()).doesNotContain("geheim");
		assertThat(commands.commands().get(0).toString()).doesNotContain("geheim");
	}

	/**
	 * Every keyword in Dutch upper case, English lower case, and mixed case with a colon
	 * and whitespace.
	 */
	static Stream<Arguments> everyKeyword() {
		List<Arguments> rows = new ArrayList<>();
		for (Object[] sample : samples()) {
			Keyword keyword = (Keyword) sample[0];
			String value = (String) sample[1];
			String text = (String) sample[2];
			ChairCommand command = (ChairCommand) sample[3];
			String tail = text.isEmpty() ? "" : "\n" + text;
			rows.add(accepted(keyword.dutch() + " " + value, keyword.dutch() + spaced(value) + tail, text, command));
			String english = keyword.english().toLowerCase(Locale.ROOT);
			rows.add(accepted(english + " " + value, english + spaced(value) + tail, text, command));
			String mixed = "  \t" + mixed(keyword.dutch()) + ":" + spaced(value) + " \t";
			rows.add(accepted(mixed + " " + value, mixed + "\n\n" + text + "\n", text, command));
		}
		return rows.stream();
	}

	static Object[][] samples() {
		return new Object[][] {
				{ Keyword.MEDEWERKER, "Piet Jansen <piet@klikklaar.com>", "",
						new SetEmployee("Piet Jansen", "piet@klikklaar.com") },
				{ Keyword.PRODUCT, "Wasmachine WM-300", "", new AddProduct("Wasmachine WM-300") },
				{ Keyword.ADRES, "Dorpsstraat 1", "", new SetAddress("Dorpsstraat 1") },
				{ Keyword.WOONPLAATS, "Utrecht", "", new SetCity("Utrecht") },
				{ Keyword.DATUM_ONTSTAAN, "2026-03-01", "", new SetAroseOn(LocalDate.of(2026, 3, 1)) },
				{ Keyword.VRAAG_MEDEWERKER, "", "Wat is er gebeurd?", new AskEmployee() },
				{ Keyword.VRAAG_KLAGER, "", "Wat is uw ordernummer?", new AskComplainant() },
				{ Keyword.DIRECTIE, "", "", new InvolveManagement() },
				{ Keyword.VERLENG, "2 weken", "De leverancier antwoordt niet.", new Extend(Term.weeks(2)) },
				{ Keyword.GEGROND, "", ARGS, new Decide(Assessment.GEGROND) },
				{ Keyword.DEELS_GEGROND, "", ARGS, new Decide(Assessment.DEELS_GEGROND) },
				{ Keyword.ONGEGROND, "", ARGS, new Decide(Assessment.ONGEGROND) },
				{ Keyword.MAATREGEL, "Extra controle bij verzending", "",
						new RecordMeasure("Extra controle bij verzending") },
				{ Keyword.GEEN_MAATREGEL, "", "", new NoMeasure() },
				{ Keyword.NOTITIE, "Klant gebeld", "", new Note("Klant gebeld") },
				{ Keyword.TAAL, "en", "", new SetLanguage(Language.EN) }, { Keyword.HEROPEN, "", "", new Reopen() },
				{ Keyword.STATUS, "", "", new Status() }, { Keyword.OVERZICHT, "", "", new Digest() },
				{ Keyword.HELP, "", "", new Help() }, { Keyword.BEROEP_GEGROND, "", ARGS, new AppealUpheld() },
				{ Keyword.BEROEP_ONGEGROND, "", ARGS, new AppealDismissed() }, { Keyword.BEROEP_VERLENG, "2026-12-31",
						"", new AppealExtend(Term.until(LocalDate.of(2026, 12, 31))) } };
	}

	static Stream<Arguments> blocks() {
		return Stream.of(
				accepted("block with text after",
						"MEDEWERKER Piet Jansen\nPRODUCT Koelkast\nVERLENG 3 weeks\n"
								+ "De leverancier reageert niet.\nTweede regel.",
						"De leverancier reageert niet.\nTweede regel.", new SetEmployee("Piet Jansen", null),
						new AddProduct("Koelkast"), new Extend(Term.weeks(3))),
				accepted("keyword in text after a non-command line", "STATUS\nGraag snel.\nGEGROND",
						"Graag snel.\nGEGROND", new Status()),
				accepted("blank line ends the block", "STATUS\n\nHELP", "HELP", new Status()),
				accepted("text keeps its line breaks", "GEGROND\n\nEerste alinea.\nRegel twee.\n\nTweede alinea.\n\n",
						"Eerste alinea.\nRegel twee.\n\nTweede alinea.", new Decide(Assessment.GEGROND)),
				accepted("employee without address", "MEDEWERKER Piet Jansen", "",
						new SetEmployee("Piet Jansen", null)),
				accepted("employee with colon", "EMPLOYEE: Piet Jansen <piet@klikklaar.com>", "",
						new SetEmployee("Piet Jansen", "piet@klikklaar.com")),
				accepted("two weeks", "VERLENG 2 weken", "", new Extend(Term.weeks(2))),
				accepted("three weeks in English", "VERLENG 3 weeks", "", new Extend(Term.weeks(3))),
				accepted("one week", "verleng 1 week", "", new Extend(Term.weeks(1))),
				accepted("fifty-two weeks", "VERLENG 52 weken", "", new Extend(Term.weeks(52))),
				accepted("extend to a date", "EXTEND 2026-12-31", "",
						new Extend(Term.until(LocalDate.of(2026, 12, 31)))),
				accepted("appeal extend in weeks", "APPEAL-EXTEND: 4 weeks", "", new AppealExtend(Term.weeks(4))),
				accepted("decision and measure", "ONGEGROND\nMAATREGEL Extra controle bij verzending\n\n" + ARGS, ARGS,
						new Decide(Assessment.ONGEGROND), new RecordMeasure("Extra controle bij verzending")),
				accepted("decision and no measure", "DEELS-GEGROND\nGEEN-MAATREGEL\n" + ARGS, ARGS,
						new Decide(Assessment.DEELS_GEGROND), new NoMeasure()),
				accepted("measure from the text", "MAATREGEL\nWe passen het retourproces aan.",
						"We passen het retourproces aan.", new RecordMeasure("We passen het retourproces aan.")),
				accepted("note from the text", "NOTITIE\n\nKlant gebeld,\nbelt terug.", "Klant gebeld,\nbelt terug.",
						new Note("Klant gebeld,\nbelt terug.")),
				accepted("body begins with blank lines", "\n\n   \n\tSTATUS\n", "", new Status()),
				accepted("greeting line skipped (CONTRACT §5)", "Beste commissie,\n\nGEGROND\n" + ARGS, ARGS,
						new Decide(Assessment.GEGROND)),
				accepted("greeting without blank line", "Hallo\nSTATUS", "", new Status()),
				accepted("a sentence under a command is text, capitals or not", "GEGROND\nMedewerkers waren te laat.",
						"Medewerkers waren te laat.", new Decide(Assessment.GEGROND)),
				accepted("markdown bold decision", "*GEGROND*\n\n" + ARGS, ARGS, new Decide(Assessment.GEGROND)),
				accepted("markdown bold with colon inside", "**NOTITIE:** klant gebeld", "", new Note("klant gebeld")),
				accepted("windows line endings", "PRODUCT Koelkast\r\nPRODUCT Oven\r\n\r\nNog iets.\r\n", "Nog iets.",
						new AddProduct("Koelkast"), new AddProduct("Oven")),
				accepted("non-breaking space from html", "VERLENG\u00a02\u00a0weken", "", new Extend(Term.weeks(2))),
				accepted("register details together", "ADRES: Dorpsstraat 1\nWOONPLAATS: Utrecht\nOCCURRED 2026-02-28",
						"", new SetAddress("Dorpsstraat 1"), new SetCity("Utrecht"),
						new SetAroseOn(LocalDate.of(2026, 2, 28))),
				accepted("question with reason and management", "DIRECTIE\nVRAAG-MEDEWERKER\nWaarom?", "Waarom?",
						new InvolveManagement(), new AskEmployee()),
				accepted("leap day", "DATUM-ONTSTAAN 2028-02-29", "", new SetAroseOn(LocalDate.of(2028, 2, 29))));
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				refused("first line not a keyword", "Graag uw aandacht\nGEGROND\n\n" + ARGS, 1, "onbekend commando"),
				refused("a greeting with a keyword in it is no greeting",
						"Beste klager heeft gelijk GEGROND\n\n" + ARGS, 1, "onbekend commando"),
				refused("a greeting alone", "Beste commissie,\n\n", 0, "geen commando"),
				refused("a near miss on the first line", "MEDEWERKR Piet <piet@klikklaar.com>", 1,
						"bedoelde u MEDEWERKER?"),
				refused("a near miss after a greeting", "Hallo,\n\nDEELSGEGROND\n\n" + ARGS, 3,
						"bedoelde u DEELS-GEGROND?"),
				refused("a near miss in capitals right under a command", "PRODUCT Oven\nPRODCT Koelkast\n\nDank.", 2,
						"bedoelde u PRODUCT?"),
				refused("first non-empty line after blanks", "\n\n Graag STATUS", 3, "onbekend commando"),
				refused("keyword glued to punctuation", "STATUS?", 1, "onbekend commando"),
				refused("complainant keyword from committee", "BEROEP\nIk ga in beroep.", 1, "onbekend commando"),
				refused("access keyword from committee", "INZAGE", 1, "onbekend commando"),
				refused("empty mail", "", 0, "geen commando"),
				refused("only blank lines", "  \n\n\t\n", 0, "geen commando"),
				refused("language without a value", "TAAL", 1, "TAAL heeft nl of en nodig"),
				refused("a language the letters are not written in", "LANGUAGE de", 1, "TAAL heeft nl of en nodig"),
				refused("employee without name", "MEDEWERKER", 1, "naam"),
				refused("employee with only an address", "MEDEWERKER <piet@klikklaar.com>", 1, "naam"),
				refused("employee with a bad address", "MEDEWERKER Piet <piet-at-klikklaar>", 1,
						"geen geldig e-mailadres"),
				refused("employee with a bare address", "MEDEWERKER piet@klikklaar.com", 1, "tussen < >"),
				refused("product without text", "STATUS\nPRODUCT", 2, "omschrijving"),
				refused("address without text", "ADRES:", 1, "adres"),
				refused("city without text", "CITY", 1, "woonplaats"),
				refused("arose without date", "DATUM-ONTSTAAN", 1, "JJJJ-MM-DD"),
				refused("arose on a date that does not exist", "DATUM-ONTSTAAN 2026-02-30", 1, "JJJJ-MM-DD"),
				refused("arose in Dutch date order", "OCCURRED 1-3-2026", 1, "JJJJ-MM-DD"),
				refused("extend by zero weeks", "VERLENG 0 weken", 1, "n weken"),
				refused("extend by 53 weeks", "VERLENG 53 weken", 1, "n weken"),
				refused("extend until tomorrow in words", "VERLENG morgen", 1, "n weken"),
				refused("extend without value", "VERLENG\nReden.", 1, "n weken"),
				refused("extend to month 13", "EXTEND 2026-13-01", 1, "JJJJ-MM-DD"),
				refused("appeal extend by zero", "BEROEP-VERLENG 0 weeks", 1, "n weken"),
				refused("decision without arguments", "GEGROND", 1, "zonder argumenten wordt niet verstuurd."),
				refused("decision without arguments on line 2", "STATUS\nONGEGROND\n", 2, "zonder argumenten"),
				refused("appeal upheld without arguments", "BEROEP-GEGROND", 1, "zonder argumenten"),
				refused("appeal dismissed without arguments", "APPEAL-DISMISSED:", 1, "zonder argumenten"),
				refused("ask employee without question", "VRAAG-MEDEWERKER", 1, "vraag"),
				refused("ask complainant without question", "ASK-COMPLAINANT\n\n", 1, "vraag"),
				refused("measure without text", "MAATREGEL", 1, "zonder tekst"),
				refused("note without text", "NOTITIE:", 1, "zonder tekst"),
				refused("two decisions", "GEGROND\nONGEGROND\n\n" + ARGS, 2, "meer dan één beslissing"),
				refused("decision and appeal outcome", "DEELS-GEGROND\nBEROEP-ONGEGROND\n" + ARGS, 2, "één beslissing"),
				refused("extend twice", "VERLENG 2 weken\nVERLENG 3 weken", 2, "twee keer"),
				refused("status twice in two languages", "STATUS\nstatus", 2, "twee keer"),
				refused("employee twice", "MEDEWERKER Piet\nEMPLOYEE Jan", 2, "twee keer"),
				refused("measure and no measure", "MAATREGEL Training\nGEEN-MAATREGEL", 2, "spreken elkaar tegen"),
				refused("status with a value", "STATUS graag", 1, "geen waarde"),
				refused("help with a value", "HELP me", 1, "geen waarde"),
				refused("digest with a value", "OVERZICHT nu", 1, "geen waarde"),
				refused("management with a value", "DIRECTIE ja", 1, "geen waarde"),
				refused("reopen with a value", "HEROPEN: nu", 1, "geen waarde"),
				refused("no measure with a value", "GEEN-MAATREGEL want", 1, "geen waarde"),
				refused("question on the keyword line", "VRAAG-KLAGER Welk ordernummer?\n\nDank.", 1, "geen waarde"),
				refused("decision with a value", "GEGROND want te laat\n\n" + ARGS, 1, "geen waarde"),
				refused("one bad line refuses the whole mail", "PRODUCT Koelkast\nVERLENG morgen\n\nReden.", 2,
						"n weken"));
	}

	private static Arguments accepted(String name, String body, String text, ChairCommand... commands) {
		return Arguments.of(name, body, List.of(commands), text);
	}

	private static Arguments refused(String name, String body, int number, String reason) {
		return Arguments.of(name, body, number, reason);
	}

	private static String spaced(String value) {
		return value.isEmpty() ? "" : " " + value;
	}

	private static String mixed(String word) {
		StringBuilder mixed = new StringBuilder();
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			mixed.append((i % 2 == 0) ? Character.toUpperCase(c) : Character.toLowerCase(c));
		}
		return mixed.toString();
	}

}
