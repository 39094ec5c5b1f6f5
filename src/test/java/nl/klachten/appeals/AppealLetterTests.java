package nl.klachten.appeals;

import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nl.klachten.committee.CommitteeSettings;
import nl.klachten.register.CaseFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable appeal letter (R4, R22): a real PDF, addressed to the appeals committee, with the whole file. */
class AppealLetterTests {

	static final CommitteeSettings COMMITTEE = new CommitteeSettings("Klikklaar", List.of("klikklaar.com"),
			new CommitteeSettings.Person("NC Jansen", "NCJansen@klikklaar.com", "Voorzitter klachtencommissie",
					"Newtonlaan 115, 3584BH Utrecht"),
			List.of(), List.of(), new CommitteeSettings.Person("CR Makarawung", null, "Voorzitter beroepscommissie",
					"Stadswal 61a, 6851CZ Huissen"));

	static CaseFile aFile(int letters) {
		List<CaseFile.Entry> entries = new java.util.ArrayList<>();
		for (int i = 0; i < letters; i++) {
			entries.add(new CaseFile.Entry("in", "2026-01-05T10:00:00+01:00", "anna@example.org",
					"NCJansen@klikklaar.com", "Brief " + i, "m" + i + "@example.org", "correspondence",
					"Regel " + i + " met één ë en een tab\tnaar de storing.\n".repeat(5), null, List.of()));
		}
		return new CaseFile("KK-2026-0007", "afgehandeld", "Anna de Boer", "anna@example.org", "Dorpsstraat 1",
				"Huissen", null, "Storing glasvezel", "Mijn glasvezel valt elke avond uit.",
				"2026-01-05T10:00:00+01:00", null, false, null, null, List.of(), "2026-01-19", "2026-02-02", List.of(),
				false, new CaseFile.Decision("ongegrond", "2026-01-20", "schriftelijk per e-mail", "Geen storing gemeten."),
				new CaseFile.Appeal("2026-01-25T09:00:00+01:00", "2026-03-22", null, null), List.of(), entries, List.of(),
				false);
	}

	@Test
	void shouldRenderAReadablePdfToTheAppealsCommitteesPostalAddress() throws Exception {
		byte[] pdf = AppealLetter.render(aFile(3), "Ik ben het niet eens: de storing is er nog elke avond.",
				LocalDate.of(2026, 1, 25), COMMITTEE);

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
			.contains("Het volledige dossier")
			.contains("Geen storing gemeten.")
			.contains("Brief 2")
			.contains("pagina 1")
			.contains("22 maart 2026");
		reader.close();
	}

	@Test
	void shouldNumberEveryPageOfALongFile() throws Exception {
		byte[] pdf = AppealLetter.render(aFile(60), "", LocalDate.of(2026, 1, 25), COMMITTEE);

		PdfReader reader = new PdfReader(pdf);
		int pages = reader.getNumberOfPages();
		assertThat(pages).isGreaterThan(3);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		assertThat(extractor.getTextFromPage(pages)).contains("pagina " + pages);
		assertThat(allText(reader)).contains("geen nadere gronden").contains("Brief 59");
		reader.close();
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
