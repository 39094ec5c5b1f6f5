package nl.klachten.intake;

import static nl.klachten.intake.MimeExpectation.ANY_NAME;
import static nl.klachten.intake.MimeExpectation.mail;

import java.util.List;
import java.util.stream.Stream;

/**
 * The rows of {@link MimeParserTests}: for every corpus file that is a mail, what parsing
 * it must give. Each row says what its file shows; see the file's X-Corpus-Note header
 * for the detail.
 */
final class MimeParserTable {

	private static final String PDF_BASE64 = "JVBERi0xLjQ";

	private MimeParserTable() {
	}

	static Stream<MimeExpectation> rows() {
		return Stream
			.of(charsetRows(), htmlRows(), structureRows(), attachmentRows(), headerRows(), autoRows(), complaintRows(),
					brokenRows())
			.flatMap(List::stream);
	}

	// R3: any written message is a complaint, so its words must survive every charset
	private static List<MimeExpectation> charsetRows() {
		return List.of(
				mail("charset/quoted-printable-iso-8859-1.eml", "Klacht over reparatie", "els.de.wit@example.org",
						"Els de Wit", "20260112100205.4711@mail.example.org")
					.contains("café-programma", "coördinatie met de monteur", "reële oplossing", "uw filiaal",
							"Prijs reparatie = 89,00")
					.lacks("=E9", "=F6", "=EB", "=3D"),
				mail("charset/windows-1252-euro.eml", "Dubbel afgeschreven", "h.vos@example.com", "Hanneke Vos",
						"000a01dc8a1f$5b2e9c40$118bd4c0$@example.com")
					.contains("twee keer € 249,00", "„niet op voorraad”")
					.lacks("\u0080", "\u0084", "\uFFFD"),
				mail("charset/iso-8859-15-euro.eml", "Administratiekosten", "bram.peeters@example.org", "Bram Peeters",
						"a1b2c3d4-8859-15@example.org")
					.contains("Er is € 15,00 administratiekosten")
					.lacks("¤"),
				mail("charset/unknown-charset-utf8-bytes.eml", "Levering", "fleur@example.com", "Fleur Hendriks",
						"unknown-charset-1@example.com")
					.contains("maar één geleverd")
					.lacks("Ã©", "\uFFFD"),
				mail("charset/unknown-charset-latin1-bytes.eml", "Levering (2)", "fleur@example.com", "Fleur Hendriks",
						"unknown-charset-2@example.com")
					.contains("in het café van uw winkel")
					.lacks("\uFFFD"),
				mail("charset/alias-utf8.eml", "Kortingscode", "joost.mulder@example.org", "Joost Mulder",
						"alias-utf8@example.org")
					.contains("€ 12,50", "naïeve fout")
					.lacks("â‚¬", "Ã¯"),
				mail("charset/alias-latin1.eml", "Kortingscode (vervolg)", "joost.mulder@example.org", "Joost Mulder",
						"alias-latin1@example.org")
					.contains("beïnvloeding van de prijs")
					.lacks("\uFFFD"),
				mail("charset/us-ascii-declared-utf8-bytes.eml", "Webformulier: klacht", "noreply-webform@example.com",
						"", "webform-20260117090100@example.com")
					.contains("zonder briefje…", "Ik heb €45 betaald", "Cafétafel beschadigd")
					.lacks("â‚¬", "Ã©"),
				mail("charset/no-content-type-8bit-utf8.eml", "Monteur kwam niet", "daan.jacobs@example.com",
						"Daan Jacobs", "no-mime-8bit@example.com")
					.contains("(€ 180 loon)", "Précies om die reden")
					.lacks("â‚¬", "Ã©"),
				mail("charset/declared-utf8-actually-latin1.eml", "Garantie", "wim.bos@example.org", "Wim Bos",
						"declared-utf8-latin1@example.org")
					.contains("beëdigde verklaring")
					.lacks("\uFFFD"),
				mail("charset/base64-utf8-subject.eml", "Klacht: pakket beschadigd – graag vervanging €",
						"lotte.willems@example.com", "Lotte Willems", "b64-subject@example.com")
					.contains("Graag een vervangend exemplaar."),
				mail("charset/adjacent-encoded-words-subject.eml",
						"Re: Bezwaar tegen factuur café – € 120,50 nog steeds open (2e herinnering)",
						"renee.vandijk@example.com", "Renée van Dijk", "adjacent-words@example.com")
					.contains("nog steeds niet behandeld"),
				mail("charset/encoded-word-split-multibyte.eml", "Klacht over levering € 60 te veel betaald",
						"sven.kuipers@example.org", "Sven Kuipers", "split-multibyte@example.org")
					.contains("60 euro te veel"),
				// CONTRACT §5: a command is the first line of the body, so an invisible
				// BOM must go
				mail("charset/utf8-bom-body.eml", "Klacht doorgezet vanuit servicedesk", "rapportage@example.com",
						"Servicedesk Rapportage", "powershell-bom@example.com")
					.contains("Naam: Hans Verbeek", "Woonplaats: Deventer")
					.lacks("\uFEFF"));
	}

	private static List<MimeExpectation> htmlRows() {
		return List.of(
				mail("html/outlook-html-only.eml", "Bezorgkosten", "thomas.bakker@example.com", "Thomas Bakker",
						"AM0PR04MB6785E2A1B1C0D0E0F1A2B3C4D5@AM0PR04MB6785.eurprd04.prod.outlook.example.com")
					.type("text/html")
					.html()
					.contains("Geachte heer Jansen,", "Jansen & Zonen", "€ 35,00 aan bezorgkosten,",
							"“gratis bezorging”", "geïnstalleerde lamp (€ 12,50)")
					.lacks("<p", "&euro;", "&amp;", "&nbsp;", "MsoNormal", "font-family", "o:p", "=3D"),
				mail("html/alternative-prefers-plain.eml", "Openingstijden", "iris.dekker@example.org", "Iris Dekker",
						"CAF7x9K2-alt@mail.example.org")
					.type("multipart/alternative")
					.contains("zaterdag om 16:00 al dicht", "op de deur staat.")
					.lacks("HTMLVERSIE-MARKER", "<div"),
				mail("html/html-only-broken-markup.eml", "Bestelling", "noor.visser@example.com", "Noor Visser",
						"broken-html@example.com")
					.type("text/html")
					.html()
					.contains("Mijn bestelling is zoek.", "de status <verzonden> maar", "€ 74,95", "Groet, Noor")
					.lacks("alert(", "&lt;", "<p>", "<td>", "PHA+"),
				mail("html/html-charset-only-in-meta.eml", "Nieuwsbrief ondanks afmelding", "ruben@example.org",
						"Ruben de Graaf", "meta-charset@example.org")
					.type("text/html")
					.html()
					.contains("ondanks mijn afmelding", "Dat is écht vervelend.")
					.lacks("Ã©", "<meta", "Klacht"));
	}

	private static List<MimeExpectation> structureRows() {
		return List.of(
				mail("structure/nested-mixed-alternative-related.eml", "Offerte klopt niet",
						"mila.janssens@example.com", "Mila Janssens",
						"6D1E8F4A-9B2C-4D3E-8F1A-2B3C4D5E6F70@example.com")
					.type("multipart/mixed")
					.contains("zie bijgevoegde offerte: de prijs wijkt af")
					.lacks("<img", "cid:", "iVBORw0KGgo", PDF_BASE64)
					.attachments("image001.png", "offerte-2026-014.pdf"),
				// R19: all correspondence in full, so a forwarded mail is kept as a file
				// with its name
				mail("structure/forwarded-message-rfc822.eml", "Fwd: Klacht van mijn moeder",
						"pieter.smits@example.org", "Pieter Smits", "fwd-rfc822@example.org")
					.type("multipart/mixed")
					.contains("de klacht van mijn moeder door")
					.lacks("wasmachine lekt")
					.attachments("Klacht moeder.eml"),
				mail("structure/tnef-winmail-dat.eml", "Klacht met bijlage", "gerrit.meijer@example.com",
						"Gerrit Meijer", "DB9PR01MB1234TNEF@DB9PR01MB1234.eurprd01.prod.outlook.example.com")
					.type("multipart/mixed")
					.contains("van de kapotte tegels")
					.lacks("eJ8+Ig")
					.attachments("winmail.dat"),
				mail("structure/text-attachment-not-body.eml", "Gespreksverslag", "eva.brouwer@example.org",
						"Eva Brouwer", "text-attachment@example.org")
					.type("multipart/mixed")
					.contains("aantekeningen van het telefoongesprek")
					.lacks("NOTITIES-BIJLAGE")
					.attachments("gesprek-notities.txt"),
				mail("structure/single-part-attachment.eml", "Scanned document", "scanner@example.com",
						"Scanner 3e verdieping", "scan-20260126-0800@example.com")
					.type("application/pdf")
					.lacks("%PDF", "endobj", PDF_BASE64)
					.attachments("scan0001.pdf"),
				mail("structure/uppercase-content-type.eml", "Klantenservice", "tim@example.org", "Tim de Boer",
						"UPPER-CASE@EXAMPLE.ORG")
					.contains("Één keer is genoeg.")
					.lacks("=C3"));
	}

	private static List<MimeExpectation> attachmentRows() {
		return List.of(
				mail("attachments/rfc2047-encoded-names.eml", "Foto's van de schade", "sophie.peters@example.com",
						"Sophie Peters", "rfc2047-names@example.com")
					.type("multipart/mixed")
					.contains("de foto en de factuur")
					.lacks("/9j/4AAQ", "multi-part message")
					.attachments("Foto schade – kast.jpg", "Factuur réparatie januari.pdf"),
				mail("attachments/rfc2231-names.eml", "Bonnetjes", "lucas.vermeulen@example.org", "Lucas Vermeulen",
						"rfc2231-names@example.org")
					.type("multipart/mixed")
					.contains("Hierbij de bonnetjes.")
					.lacks("datum;bedrag", PDF_BASE64)
					.attachments("Klacht € 49,95.pdf", "Bijlage één van twee – bonnetje.jpg",
							"overzicht coördinatie.csv"),
				mail("attachments/hostile-file-names.eml", "bijlagen", "x9@example.com", "Onbekend",
						"hostile-names@example.com")
					.type("multipart/mixed")
					.contains("zie bijlagen")
					.lacks("root:x:0", "[boot loader]")
					.attachments("passwd", "boot.ini", "IMG_2041.JPG", ANY_NAME, ANY_NAME),
				mail("attachments/attachment-without-name.eml", "Contract", "kees.hoekstra@example.org",
						"Kees Hoekstra", "no-name-attachment@example.org")
					.type("multipart/mixed")
					.contains("Het contract zit in de bijlage.")
					.lacks(PDF_BASE64, "%PDF")
					.attachments(ANY_NAME));
	}

	private static List<MimeExpectation> headerRows() {
		return List.of(
				// CONTRACT §4: no Message-ID means dedupe by the content's digest, so
				// null, not ""
				mail("headers/missing-date-and-message-id.eml", "Geen Date en geen Message-ID",
						"anouk.vink@example.com", "Anouk Vink", null)
					.contains("onbeleefd tegen mijn vader"),
				mail("headers/8bit-utf8-subject-and-from.eml", "Bezorger liet pakket in de regen staan – alles nat 😡",
						"zoe.celik@example.com", "Zoë Çelik", "8bit-utf8-headers@example.com")
					.contains("geïnfecteerd met schimmel"),
				mail("headers/8bit-latin1-header.eml", "Klacht over de kassière in filiaal Zwolle",
						"renee.visser@example.org", "Renée Visser", "8bit-latin1-header@example.org")
					.contains("De kassière weigerde")
					.lacks("\uFFFD"),
				mail("headers/long-folded-subject.eml", "Re: AW: Antw: Klacht over de bezorging van mijn bestelling"
						+ " met ordernummer 2026-000123 die al drie keer is uitgesteld zonder dat ik daarover bericht"
						+ " kreeg, terwijl ik iedere keer een vrije dag had genomen om thuis te zijn voor de bezorger"
						+ " en ik nu ook nog kosten moet betalen voor het annuleren", "marloes.dijkstra@example.com",
						"Marloes Dijkstra", "long-folded-subject@example.com")
					.contains("Zie onderwerp."),
				mail("headers/reply-with-references.eml", "Re: [KK-2026-0007] Ontvangstbevestiging van uw klacht",
						"piet.jansen@example.org", "Piet Jansen", "reply-2@mail.example.org")
					.contains("Mijn adres is Dorpsstraat 12", "> Wij hebben uw klacht ontvangen"),
				mail("headers/encoded-display-name-with-comma.eml", "Retour", "j.mueller@example.com", "Müller, Jörg",
						"comma-name@example.com")
					.contains("retourzending is niet verwerkt"),
				mail("headers/message-id-without-brackets.eml", "Nieuwe klacht via formulier",
						"klacht@webform.example.com", "", "1a2b3c4d.5e6f@webform.example.com")
					.contains("Naam: Bas Koster", "account is geblokkeerd"),
				mail("headers/unreadable-from-missing-subject.eml", "", null, null, "no-address-from@example.com")
					.contains("geen afzenderadres"));
	}

	// CONTRACT §4 auto-replies: these must be recognisable (headers, type, sender), not
	// complaints
	private static List<MimeExpectation> autoRows() {
		return List.of(
				mail("auto/dsn-bounce-postfix.eml", "Undelivered Mail Returned to Sender",
						"mailer-daemon@mail.example.org", "", "20260202090005.3F1A2B4C5D@mail.example.org")
					.type("multipart/report")
					.contains("could not", "550 5.1.1", "User unknown")
					.lacks("Reporting-MTA", "Wij hebben uw klacht ontvangen")
					.attachments(ANY_NAME, ANY_NAME),
				mail("auto/out-of-office-auto-replied.eml", "Afwezig: [KK-2026-0012] Ontvangstbevestiging",
						"sanne.kok@example.com", "Sanne Kok", "ooo-20260203@example.com")
					.contains("afwezig tot en met 16 februari", "Voor dringende zaken")
					.lacks("dringen="),
				mail("auto/microsoft-auto-reply.eml", "Automatisch antwoord: [KK-2026-0013] Ontvangstbevestiging",
						"yara.smeets@example.org", "Yara Smeets",
						"AS8PR07MB7973OOF@AS8PR07MB7973.eurprd07.prod.outlook.example.com")
					.type("multipart/alternative")
					.contains("met verlof tot 20 februari")
					.lacks("<p>", "SWsgYmVu"),
				mail("auto/mailing-list.eml", "[Klantenpanel] Enquete februari", "nieuws@lists.example.com",
						"Klantenpanel Nieuws", "list-20260204@lists.example.com")
					.contains("Vul onze enquete over februari in."));
	}

	// R7, R19: the register labels reach the text intact, one per line
	private static List<MimeExpectation> complaintRows() {
		return List.of(
				mail("complaint/dutch-labels.eml", "Klacht over wasmachine", "piet.jansen@example.org", "Jansen, Piet",
						"CAH2x=Vb1-dutch-labels@mail.example.org")
					.contains("Naam: Piet Jansen", "Adres: Dorpsstraat 12", "Woonplaats: Huissen",
							"Product: Wasmachine WM-800", "Datum ontstaan: 14-12-2025", "niet verholpen",
							"al € 95 voorrijkosten")
					.lacks("=E2=82=AC", "=20"),
				mail("complaint/english-labels.eml", "Complaint about a refund", "m.hill@example.com", "Margaret Hill",
						"english-labels@example.com")
					.contains("Name: Margaret Hill", "On behalf of: George Hill", "Address: 5 Station Road",
							"City: Arnhem", "Date of occurrence: 2026-01-20"));
	}

	private static List<MimeExpectation> brokenRows() {
		return List.of(
				mail("broken/missing-closing-boundary.eml", "Klachtformulier", "jeroen@example.com",
						"Jeroen van Leeuwen", "missing-close@example.com")
					.type("multipart/mixed")
					.contains("Bijgaand het ingevulde klachtformulier.")
					.lacks(PDF_BASE64, "=_b7f3c0")
					.attachments("klachtformulier.pdf"),
				// R3: a complaint whose MIME structure is broken is still a complaint;
				// its words must not vanish
				mail("broken/wrong-boundary.eml", "Bezorging", "tessa.vos@example.org", "Tessa Vos",
						"wrong-boundary@example.org")
					.type("multipart/alternative")
					.contains("klacht indienen over de bezorging van 2 februari"),
				mail("broken/multipart-without-boundary.eml", "Bezorging (2)", "tessa.vos@example.org", "Tessa Vos",
						"no-boundary@example.org")
					.contains("het pakket lag bij het verkeerde huisnummer"),
				mail("broken/base64-bad-padding.eml", "Korting", "ahmed.elamrani@example.com", "Ahmed El Amrani",
						"bad-base64@example.com")
					.contains("Geachte commissie,", "coöperatieve korting van € 10", "Bij voorbaat dank.")
					.lacks("R2VhY2h0ZSBjb21t", "\uFFFD"),
				mail("broken/no-body.eml", "Klacht", "vera.koning@example.org", "Vera Koning", "no-body@example.org")
					.lacks("X-Corpus-Note", "Content-Type"));
	}

}
