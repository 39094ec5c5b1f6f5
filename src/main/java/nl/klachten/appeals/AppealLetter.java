package nl.klachten.appeals;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfWriter;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.PeopleDates;
import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseSummary;
import nl.klachten.register.StoredDates;

/**
 * The printable letter that puts an appeal before the appeals committee (R4, R22): our
 * letterhead, the date, the appeals committee's postal address, the subject with the
 * reference, the complainant's grounds and the case file as {@link CaseSummary} writes it
 * (the substance, the decision with its proposed solution, and one dated line per letter
 * rather than every command mail in full), with page numbers. Dates are written for
 * people in the committee's zone. A pure function: same input, same text.
 */
public final class AppealLetter {

	private AppealLetter() {
	}

	public static byte[] render(CaseFile file, String grounds, LocalDate date, CommitteeSettings committee,
			ZoneId zone) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 64, 64, 56, 64);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new PageFooter("Beroep klacht " + file.reference(), LetterFonts.SMALL));
		document.addTitle("Beroep " + file.reference());
		document.addAuthor("Klachtencommissie " + committee.provider());
		document.addCreationDate();
		document.open();
		letterhead(document, committee);
		addressee(document, committee.appeals());
		add(document, new Paragraph(PeopleDates.date(date), LetterFonts.NORMAL), 18);
		subject(document, file);
		body(document, file, committee, zone);
		grounds(document, grounds);
		signature(document, committee);
		caseFile(document, file, zone);
		document.close();
		return out.toByteArray();
	}

	private static void subject(Document document, CaseFile file) {
		Paragraph subject = new Paragraph();
		subject.add(new Phrase("Betreft: ", LetterFonts.BOLD));
		subject.add(new Phrase("beroep van de klager, klacht " + file.reference()
				+ (file.subject() == null ? "" : " (" + clean(file.subject()) + ")"), LetterFonts.NORMAL));
		add(document, subject, 12);
	}

	private static void grounds(Document document, String grounds) {
		add(document, new Paragraph("Gronden van het beroep", LetterFonts.HEADING), 16);
		String text = grounds == null || grounds.isBlank() ? "(De klager heeft geen nadere gronden genoemd.)" : grounds;
		add(document, new Paragraph(clean(text.strip()), LetterFonts.NORMAL), 6);
	}

	/**
	 * The case file on a page of its own, in the 76 columns {@link CaseSummary} writes.
	 */
	private static void caseFile(Document document, CaseFile file, ZoneId zone) {
		document.newPage();
		add(document, new Paragraph("Het dossier " + file.reference(), LetterFonts.HEADING), 0);
		Paragraph caseFile = new Paragraph(clean(CaseSummary.of(file, zone)), LetterFonts.MONO);
		caseFile.setLeading(11);
		add(document, caseFile, 8);
	}

	private static void letterhead(Document document, CommitteeSettings committee) {
		CommitteeSettings.Person chair = committee.chair();
		add(document, new Paragraph("Klachtencommissie " + committee.provider(), LetterFonts.LETTERHEAD), 0);
		StringBuilder lines = new StringBuilder(chair.name());
		if (chair.title() != null && !chair.title().isBlank()) {
			lines.append(", ").append(chair.title());
		}
		if (chair.postalAddress() != null && !chair.postalAddress().isBlank()) {
			lines.append('\n').append(chair.postalAddress());
		}
		if (chair.email() != null && !chair.email().isBlank()) {
			lines.append('\n').append("E-mail: ").append(chair.email());
		}
		add(document, new Paragraph(clean(lines.toString()), LetterFonts.SMALL), 2);
	}

	/** The appeals committee's postal address, one line per comma-separated part (R4). */
	private static void addressee(Document document, CommitteeSettings.Person appeals) {
		StringBuilder lines = new StringBuilder("Beroepscommissie\n").append("t.a.v. ").append(appeals.name());
		if (appeals.title() != null && !appeals.title().isBlank()) {
			lines.append(", ").append(appeals.title());
		}
		if (appeals.postalAddress() != null) {
			Arrays.stream(appeals.postalAddress().split(","))
				.map(String::strip)
				.filter((part) -> !part.isEmpty())
				.forEach((part) -> lines.append('\n').append(part));
		}
		add(document, new Paragraph(clean(lines.toString()), LetterFonts.NORMAL), 36);
	}

	private static void body(Document document, CaseFile file, CommitteeSettings committee, ZoneId zone) {
		String complainant = file.complainantName() == null || file.complainantName().isBlank()
				? file.complainantEmail() : file.complainantName();
		StringBuilder text = new StringBuilder("Geachte ").append(committee.appeals().name()).append(",\n\n");
		text.append(complainant).append(" stelt beroep in tegen de afhandeling van klacht ").append(file.reference());
		facts(text, file, zone);
		text.append("\n\nHieronder vindt u de gronden van het beroep zoals de klager die heeft opgegeven, en daarna "
				+ "het dossier: de klacht, de vragen en antwoorden, de beslissing met de argumenten en de "
				+ "voorgestelde oplossing, en een overzicht van alle correspondentie met datum. Alle berichten "
				+ "volledig stuurt de voorzitter u op verzoek. Uw beslissing is bindend voor ")
			.append(committee.provider())
			.append(". Wij verzoeken u deze schriftelijk aan de "
					+ "voorzitter van de klachtencommissie te zenden, onder vermelding van het referentienummer ")
			.append(file.reference())
			.append('.');
		add(document, new Paragraph(clean(text.toString()), LetterFonts.NORMAL), 12);
	}

	/**
	 * The rest of the opening paragraph: the decision appealed against, when the appeal
	 * came in and is due, and the solution the committee proposed.
	 */
	private static void facts(StringBuilder text, CaseFile file, ZoneId zone) {
		if (file.decision() != null) {
			text.append(", die de klachtencommissie op ")
				.append(StoredDates.date(file.decision().decidedAt()))
				.append(" ")
				.append(file.decision().assessment().replace('_', ' '))
				.append(" heeft verklaard");
		}
		text.append(".");
		if (file.appeal() != null) {
			text.append(" Het beroep is ontvangen op ")
				.append(StoredDates.date(file.appeal().filedAt(), zone))
				.append(". Volgens de klachtenregeling beslist de beroepscommissie in de regel binnen acht weken na "
						+ "ontvangst, dus uiterlijk op ")
				.append(StoredDates.date(file.appeal().due()))
				.append('.');
		}
		if (file.decision() != null && file.decision().solution() != null) {
			text.append(" De klachtencommissie stelde als oplossing voor: ")
				.append(file.decision().solution().strip())
				.append(file.decision().solution().strip().endsWith(".") ? "" : ".");
		}
	}

	private static void signature(Document document, CommitteeSettings committee) {
		CommitteeSettings.Person chair = committee.chair();
		String text = "Met vriendelijke groet,\n\n\n" + chair.name()
				+ (chair.title() == null || chair.title().isBlank() ? "" : "\n" + chair.title())
				+ "\nKlachtencommissie " + committee.provider();
		add(document, new Paragraph(clean(text), LetterFonts.NORMAL), 18);
	}

	private static void add(Document document, Paragraph paragraph, float spacingBefore) {
		paragraph.setSpacingBefore(spacingBefore);
		document.add(paragraph);
	}

	/**
	 * Keeps what the standard fonts can print (WinAnsi); tabs become spaces, other
	 * characters '?'.
	 */
	static String clean(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (c == '\n' || (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) || "€‘’“”–—…•".indexOf(c) >= 0) {
				out.appendCodePoint(c);
			}
			else if (c == '\t') {
				out.append("    ");
			}
			else if (c != '\r') {
				out.append('?');
			}
		});
		return out.toString();
	}

}
