package nl.klachten.appeals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nl.klachten.committee.MessageId;
import nl.klachten.committee.CommitteeSettings;
import nl.klachten.register.CaseFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printable appeal letter (R4, R22): a real PDF, addressed to the appeals committee,
 * with the case file for people (substance and a timeline, dates as "25 januari 2026"), a
 * few pages for a simple case.
 */
class AppealLetterTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	static final CommitteeSettings COMMITTEE = new CommitteeSettings("Klikklaar", List.of("klikklaar.com"),
			new CommitteeSettings.Person("NC Jansen", "NCJansen@klikklaar.com", "Voorzitter klachtencommissie",
					"Newtonlaan 115, 3584BH Utrecht"),
			List.of(), List.of(), new CommitteeSettings.Person("CR Makarawung", null, "Voorzitter beroepscommissie",
					"Stadswal 61a, 6851CZ Huissen"));

	static CaseFile aFile(int letters) {
		List<CaseFile.Entry> entries = new java.util.ArrayList<>();
		for (int i = 0; i < letters; i++) {
			entries.add(new CaseFile.Entry("in", OffsetDateTime.parse("2026-01-05T10:00:00+01:00"), "anna@example.org",
					"NCJansen@klikklaar.com", "Brief " + i, MessageId.stored("m" + i + "@example.org"), "follow-up",
					"Regel " + i + " met één ë en een tab\tnaar de storing.\n".repeat(5), null, List.of()));
		}
		return aFile(entries);
	}

	static CaseFile aFile(List<CaseFile.Entry> entries) {
		return new CaseFile("KK-2026-0007", "afgehandeld", "Anna de Boer", "anna@example.org", "Dorpsstraat 1",
				"Huissen", null, "Storing glasvezel", "Mijn glasvezel valt elke avond uit.",
				OffsetDateTime.parse("2026-01-05T10:00:00+01:00"), null, false, null, null, List.of(),
				LocalDate.parse("2026-01-19"), LocalDate.parse("2026-02-02"), List.of(), false,
				new CaseFile.Decision("ongegrond", LocalDate.parse("2026-01-20"), "schriftelijk per e-mail",
						"Geen storing gemeten.", "Wij sturen kosteloos een monteur."),
				new CaseFile.Appeal(OffsetDateTime.parse("2026-01-25T09:00:00.086886421+01:00"),
						LocalDate.parse("2026-03-22"), null, null, "De storing is er nog elke avond.", List.of()),
				List.of(), entries, List.of(), false);
	}

	@Test
	void shouldRenderAReadablePdfToTheAppealsCommitteesPostalAddress() throws Exception {
		byte[] pdf = AppealLetter.render(aFile(3), "Ik ben het niet eens: de storing is er nog elke avond.",
				LocalDate.of(2026, 1, 25), COMMITTEE, ZONE);

		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(pdf);
		assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
		String text = allText(reader);
		assertThat(text).contains("KK-2026-0007")
			.contains("CR Makarawung")
			.contains("Stadswal 61a")
			.contains("6851CZ Huissen")
			.contains("25 januari 2026")
			.contains("Gronden van het beroep")
			.contains("de storing is er nog elke avond")
			.contains("Het dossier KK-2026-0007")
			.contains("Geen storing gemeten.")
			.contains("Wij sturen kosteloos een monteur.")
			.contains("Regel 2 met")
			.contains("pagina 1")
			.contains("22 maart 2026");
		reader.close();
	}

	@Test
	void shouldNumberEveryPageOfALongFile() throws Exception {
		byte[] pdf = AppealLetter.render(aFile(60), "", LocalDate.of(2026, 1, 25), COMMITTEE, ZONE);

		PdfReader reader = new PdfReader(pdf);
		int pages = reader.getNumberOfPages();
		assertThat(pages).isGreaterThan(3);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		assertThat(extractor.getTextFromPage(pages)).contains("pagina " + pages);
		assertThat(allText(reader)).contains("geen nadere gronden").contains("Regel 59");
		reader.close();
	}

	/**
	 * A simple case with a dozen command mails, confirmations and refusals, each
	 * confirmation carrying a "Wat nu?" block and a quoted file: the letter stays at a
	 * few pages (it was 10 with every mail in full), its dates are for people, and no
	 * command mail is printed in full.
	 */
	@Test
	void shouldFitASimpleCaseOnAFewPagesWhenItHasMuchCommandTraffic() throws Exception {
		List<CaseFile.Entry> entries = new ArrayList<>();
		String traffic = ("Uw commando's zijn uitgevoerd.\n\nWat nu? Beantwoord deze e-mail met een of meer "
				+ "commando's bovenaan, een per regel:\n  VRAAG-KLAGER\n  GEGROND\n")
			.repeat(12);
		for (int i = 0; i < 12; i++) {
			OffsetDateTime at = OffsetDateTime
				.parse("2026-01-0" + (5 + i % 4) + "T1" + i % 10 + ":15:16.086886421+01:00");
			entries.add(new CaseFile.Entry("in", at, "NCJansen@klikklaar.com", "NCJansen@klikklaar.com", "Re: x",
					MessageId.stored("c" + i + "@example.org"), "committee", "NOTITIE\n\nNotitie " + i, null,
					List.of()));
			entries.add(new CaseFile.Entry("out", at, "NCJansen@klikklaar.com", "NCJansen@klikklaar.com", "Verwerkt",
					MessageId.stored("v" + i + "@example.org"), "command-confirmation", traffic, traffic, List.of()));
			entries.add(new CaseFile.Entry("out", at, "NCJansen@klikklaar.com", "NCJansen@klikklaar.com",
					"Niet uitgevoerd", MessageId.stored("r" + i + "@example.org"), "command-rejected",
					"Regel 1: VERLNG 2 weken\nReden: Onbekend commando; stuur HELP.\n" + traffic, traffic, List.of()));
		}
		byte[] pdf = AppealLetter.render(aFile(entries), "De storing is er nog.", LocalDate.of(2026, 1, 25), COMMITTEE,
				ZONE);

		PdfReader reader = new PdfReader(pdf);
		assertThat(reader.getNumberOfPages()).isLessThanOrEqualTo(3);
		String text = allText(reader);
		reader.close();
		assertThat(text).contains("commando geweigerd, regel 1: onbekend commando")
			.contains("commissie: NOTITIE (bevestigd)")
			.contains("25 januari 2026 om 09:00")
			.contains("Wij sturen kosteloos een monteur.")
			.doesNotContain("Wat nu?")
			.doesNotContain("heer/mevrouw")
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
	}

	@Test
	void shouldReplaceWhatTheStandardFontsCannotPrint() {
		assertThat(AppealLetter.clean("a\tb\r\nc 😀 ë €")).isEqualTo("a    b\nc ? ë €");
	}

	private static String allText(PdfReader reader) throws Exception {
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}

}
