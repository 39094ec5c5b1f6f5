package nl.klachten.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import nl.klachten.committee.MessageId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case file for people (issue 11, R14, R19): how command traffic becomes one dated
 * line, what is substance, the state in one sentence and dates as people write them.
 * Table rows hold {@code \n} for line breaks.
 */
class CaseSummaryTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-03T14:02:07.086886421+01:00");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "one command|VERLENG 2 weken\\n\\nWe wachten.|VERLENG 2 weken",
					"greeting skipped|Beste commissie,\\n\\nGEGROND\\n\\nArgumenten.|GEGROND",
					"short greeting without comma|Hallo\\nSTATUS|STATUS",
					"several command lines|MEDEWERKER Piet <p@klikklaar.com>\\nPRODUCT Wasmachine\\n\\nTekst.|"
							+ "MEDEWERKER Piet <p@klikklaar.com>; PRODUCT Wasmachine",
					"leading blank lines|\\n \\n\\tHELP|HELP",
					"a sentence is not a greeting|Beste resultaat ooit|" + "Beste resultaat ooit" })
	void shouldSummariseTheCommandLinesWhenACommandMailIsShown(String row, String text, String expected) {
		assertThat(CaseTimeline.commandLines(text.replace("\\n", "\n").replace("\\t", "\t"))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"blank line after the keyword|VRAAG-KLAGER\\n\\nWanneer begon het?|Wanneer begon het?",
			"no blank line|VRAAG-KLAGER\\nWanneer begon het?|Wanneer begon het?",
			"lower-case keyword|vraag-klager\\n\\nWanneer begon het?|Wanneer begon het?",
			"greeting and two commands|Beste commissie,\\nMEDEWERKER Piet <p@klikklaar.com>\\nVRAAG-MEDEWERKER\\n\\nWat "
					+ "gebeurde er?|Wat gebeurde er?",
			"reference-prefixed line|KK-2026-0007 VRAAG-KLAGER\\n\\nWanneer?|Wanneer?",
			"capitals after the block are text|VRAAG-KLAGER\\n\\nKPN zegt dat het werkt.|KPN zegt dat het werkt." })
	void shouldTakeTheQuestionFromUnderTheCommandsWhenAQuestionIsShown(String row, String text, String expected) {
		assertThat(CaseExchanges.underCommands(text.replace("\\n", "\n"))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"line and reason|Regel 1: VERLNG 2 weken\\nReden: Onbekend commando; stuur HELP.|commando geweigerd, regel 1: "
					+ "onbekend commando",
			"no line|Reden: De mail bevat geen commando; stuur HELP.|commando geweigerd: de mail bevat geen commando",
			"reworded refusal|Er ging iets mis.|commando geweigerd" })
	void shouldNameLineAndReasonWhenARefusalIsShown(String row, String text, String expected) {
		List<String> timeline = CaseTimeline
			.of(aFile(List.of(letter("out", "command-rejected", text.replace("\\n", "\n")))), ZONE);
		assertThat(timeline).containsExactly("3 december 2026 14:02    " + expected);
	}

	@Test
	void shouldTellACommandAndItsConfirmationOnOneLineWithinSeventySixColumns() {
		String longLine = "VERLENG 2026-01-12 " + "en nog veel meer tekst op dezelfde regel ".repeat(3);
		List<String> timeline = CaseTimeline.of(aFile(List.of(letter("in", "committee", longLine + "\n\nReden."),
				letter("out", "extension-notice", "Geachte ..."), letter("out", "command-confirmation", "Wat nu? ..."),
				letter("out", "digest-of-the-future", ""))), ZONE);

		assertThat(timeline).hasSize(3);
		assertThat(timeline.get(0)).startsWith("3 december 2026 14:02    commissie: VERLENG 2026-01-12 en nog")
			.endsWith("… (bevestigd)")
			.hasSize(76);
		assertThat(timeline.get(1)).endsWith("verlenging gemeld aan de klager");
		assertThat(timeline.get(2)).endsWith("verstuurd: digest-of-the-future");
	}

	@Test
	void shouldShowQuestionsAnswersAndWithdrawalButNotKeywordMailsAsSubstance() {
		CaseFile file = aFile(List.of(letter("in", "committee", "VRAAG-KLAGER\n\nWanneer begon het?"),
				letter("out", "question-complainant", "Geachte Anna,\n\nWanneer begon het?\n\nMet vriendelijke groet"),
				letter("out", "command-confirmation", "Wat nu?"), letter("in", "follow-up", "Gisteren."),
				letter("out", "follow-up-notification", "Nieuw bericht"), letter("in", "follow-up", "INZAGE"),
				letter("out", "data-access", "Uw gegevens"), letter("in", "follow-up", "INTREKKEN\n\nHet is opgelost."),
				letter("out", "withdrawal-confirmation", "Ingetrokken")));

		String shown = CaseSummary.of(file, ZONE);

		assertThat(shown).contains("3 december 2026 om 14:02, vraag aan de klager:\n  Wanneer begon het?\n")
			.contains("bericht van de klager:\n  Gisteren.\n")
			.contains("Intrekking\n----------\n3 december 2026 om 14:02, ingetrokken door de klager:\n  INTREKKEN\n\n"
					+ "  Het is opgelost.")
			.contains("klager vraagt om zijn gegevens (inzage)")
			.contains("klacht ingetrokken door de klager")
			.doesNotContain("Wat nu?")
			.doesNotContain("Met vriendelijke groet");
		assertThat(shown.substring(0, shown.indexOf("Intrekking"))).doesNotContain("INZAGE")
			.doesNotContain("INTREKKEN");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "in_behandeling|||in behandeling; beslissing uiterlijk 11 januari 2027",
			"afgehandeld|||afgehandeld op 3 december 2026 (deels gegrond)",
			"afgehandeld|pending||afgehandeld, beroep ingesteld op 5 december 2026; de beroepscommissie beslist "
					+ "uiterlijk 30 januari 2027",
			"afgehandeld|decided|ongegrond|afgehandeld; beroep ongegrond verklaard op 20 januari 2027",
			"ingetrokken|||ingetrokken" })
	void shouldSayTheStateInOneSentenceWhenACaseIsShown(String status, String appeal, String outcome, String expected) {
		CaseFile.Appeal filed = appeal == null ? null
				: new CaseFile.Appeal(OffsetDateTime.parse("2026-12-05T10:00:00+01:00"), LocalDate.parse("2027-01-30"),
						outcome, outcome == null ? null : LocalDate.parse("2027-01-20"), "Gronden.", List.of());
		CaseFile file = aFile(status, filed, List.of());
		assertThat(CaseStatus.of(file, ZONE)).isEqualTo(expected);
	}

	/**
	 * A stored value as the register reads it ({@link Timestamps}) and as people see it.
	 * A value that is neither a time nor a date (a hand-edited row) reads as absent and
	 * is written as nothing; before the register handed out typed values it was shown as
	 * stored.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "2026-12-01T21:15:16.086886421+01:00|1 december 2026 om 21:15",
			"2026-12-01T20:15:16Z|1 december 2026 om 21:15", "2026-07-01T23:30:00Z|2 juli 2026 om 01:30",
			"2026-12-01T20:15:16.000000000Z|1 december 2026 om 21:15", "2026-12-01|1 december 2026", "verwijderd|" })
	void shouldWriteStoredDatesForPeople(String stored, String expected) {
		String written = stored.length() <= 10 ? StoredDates.date(Timestamps.date(stored))
				: StoredDates.dateTime(Timestamps.readAt(stored, ZONE), ZONE);
		assertThat(written).isEqualTo(expected == null ? "" : expected);
	}

	@Test
	void shouldWriteNothingForAMissingDate() {
		assertThat(StoredDates.dateTime(null, ZONE)).isEmpty();
		assertThat(StoredDates.date((LocalDate) null)).isEmpty();
		assertThat(StoredDates.date((OffsetDateTime) null, ZONE)).isEmpty();
	}

	static CaseFile.Entry letter(String direction, String kind, String text) {
		return new CaseFile.Entry(direction, AT, "anna@example.org", "NCJansen@klikklaar.com", "Onderwerp",
				MessageId.stored("m" + kind + "@example.org"), kind, text, text, List.of());
	}

	static CaseFile aFile(List<CaseFile.Entry> letters) {
		return aFile("in_behandeling", null, letters);
	}

	static CaseFile aFile(String status, CaseFile.Appeal appeal, List<CaseFile.Entry> letters) {
		CaseFile.Decision decision = "in_behandeling".equals(status) ? null : new CaseFile.Decision("deels_gegrond",
				LocalDate.parse("2026-12-03"), "schriftelijk per e-mail", "Argumenten.", "Wij betalen € 50 terug.");
		return new CaseFile("KK-2026-0007", status, "Anna de Boer", "anna@example.org", null, null, null,
				"Storing glasvezel", "Mijn glasvezel valt uit.", OffsetDateTime.parse("2026-11-30T08:01:00+01:00"),
				null, false, null, null, List.of(), LocalDate.parse("2026-12-14"), LocalDate.parse("2027-01-11"),
				List.of(), false, decision, appeal, List.of(), new ArrayList<>(letters), List.of(), false);
	}

}
