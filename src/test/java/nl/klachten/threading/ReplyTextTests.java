package nl.klachten.threading;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row per reply shape seen from mail clients. Inline and bottom-posted replies follow
 * the choice documented on {@link ReplyText}: text before the first quote is new; a
 * leading quote block is skipped.
 */
class ReplyTextTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("replies")
	void shouldSplitNewTextFromHistoryWhenMailClientMarksIt(String shape, String body, String newText,
			String restStart) {
		ReplyText.Split split = ReplyText.split(body);
		assertThat(split.newText()).isEqualTo(newText);
		assertThat(split.rest()).startsWith(restStart);
		if (restStart.isEmpty()) {
			assertThat(split.rest()).isEmpty();
		}
	}

	@Test
	void shouldReturnEmptyPartsWhenBodyIsNull() {
		assertThat(ReplyText.split(null)).isEqualTo(new ReplyText.Split("", ""));
	}

	@Test
	void shouldNotThrowWhenLineIsVeryLong() {
		String body = "Op " + "1 ".repeat(5000) + "schreef:\n> oud";
		assertThat(ReplyText.split(body).newText()).isNotNull();
	}

	static Stream<Arguments> replies() {
		return Stream.of(
				row("gmail nl top-posted", """
						Dank voor uw snelle reactie. De levering is nog steeds niet gedaan.

						Groet,
						Jan

						Op ma 3 nov. 2026 om 10:15 schreef Klachtenbureau <klachten@klikklaar.com>:

						> Beste heer De Vries,
						>
						> Wij hebben uw klacht KK-2026-0007 ontvangen.
						""", "Dank voor uw snelle reactie. De levering is nog steeds niet gedaan.\n\nGroet,\nJan",
						"Op ma 3 nov. 2026 om 10:15 schreef"),
				row("gmail nl without weekday", """
						Ik wacht nog steeds op antwoord.

						Op 3 november 2026 10:15 schreef Klachtenbureau <klachten@klikklaar.com>:
						> Wij nemen contact op.
						""", "Ik wacht nog steeds op antwoord.", "Op 3 november 2026 10:15 schreef"),
				row("gmail en top-posted", """
						Thanks, I will send the receipt tomorrow.

						On Mon, 3 Nov 2026 at 10:15, Complaints <klachten@klikklaar.com> wrote:
						> Please send us the receipt.
						""", "Thanks, I will send the receipt tomorrow.", "On Mon, 3 Nov 2026 at 10:15"),
				row("gmail en attribution wrapped over two lines", """
						See the attached photos.

						On Mon, 3 Nov 2026 at 10:15, Pieter van den Berg Klachtenbureau <
						klachten@klikklaar.com> wrote:

						> Could you send photos?
						""", "See the attached photos.", "On Mon, 3 Nov 2026 at 10:15, Pieter"),
				row("gmail nl attribution wrapped over two lines", """
						Foto's zitten in de bijlage.

						Op ma 3 nov. 2026 om 10:15 schreef Klachtenbureau Klikklaar <
						klachten@klikklaar.com>:

						> Kunt u foto's sturen?
						""", "Foto's zitten in de bijlage.",
						"Op ma 3 nov. 2026 om 10:15 schreef Klachtenbureau Klikklaar <"),
				row("gmail de", """
						Vielen Dank für Ihre Antwort.

						Am Mo., 3. Nov. 2026 um 10:15 Uhr schrieb Klachten <klachten@klikklaar.com>:
						> Wir melden uns.
						""", "Vielen Dank für Ihre Antwort.", "Am Mo., 3. Nov. 2026"), row("thunderbird de", """
						Das Paket ist beschädigt angekommen.

						Am 03.11.2026 um 10:15 schrieb Klachten:
						> Wie ist das Paket angekommen?
						""", "Das Paket ist beschädigt angekommen.", "Am 03.11.2026 um 10:15 schrieb"),
				row("gmail fr", """
						Merci, j'attends votre retour.

						Le lun. 3 nov. 2026 à 10:15, Klachten <klachten@klikklaar.com> a écrit :
						> Nous revenons vers vous.
						""", "Merci, j'attends votre retour.", "Le lun. 3 nov. 2026 à 10:15"),
				row("thunderbird nl name first", """
						Ja, dat klopt.

						Jan de Vries schreef op 03-11-2026 om 10:15:
						> Klopt het dat u op 1 november belde?
						""", "Ja, dat klopt.", "Jan de Vries schreef op"),
				row("apple mail nl", """
						Het bedrag is nog niet teruggestort.

						Met vriendelijke groet,
						Sanne Bakker

						> Op 3 nov. 2026 om 10:15 heeft Klachtenbureau <klachten@klikklaar.com> het volgende geschreven:
						>\s
						> Wij storten het bedrag terug.
						""", "Het bedrag is nog niet teruggestort.\n\nMet vriendelijke groet,\nSanne Bakker",
						"> Op 3 nov. 2026"),
				row("apple mail en", """
						Still waiting.

						> On 3 Nov 2026, at 10:15, Complaints <klachten@klikklaar.com> wrote:
						>
						> We will refund you.
						""", "Still waiting.", "> On 3 Nov 2026, at 10:15"), row("outlook desktop nl header block", """
						Goedemiddag,

						Ik heb nog geen reactie gehad op mijn klacht.

						Van: Klachtenbureau <klachten@klikklaar.com>
						Verzonden: maandag 3 november 2026 10:15
						Aan: Jan de Vries <jan@example.org>
						Onderwerp: Uw klacht KK-2026-0007
						""", "Goedemiddag,\n\nIk heb nog geen reactie gehad op mijn klacht.", "Van: Klachtenbureau"),
				row("outlook desktop en header block", """
						Please escalate this.

						From: Complaints <klachten@klikklaar.com>
						Sent: Monday, November 3, 2026 10:15 AM
						To: Jan <jan@example.org>
						Subject: Your complaint
						""", "Please escalate this.", "From: Complaints"), row("outlook desktop de header block", """
						Bitte um Rückmeldung.

						Von: Klachten <klachten@klikklaar.com>
						Gesendet: Montag, 3. November 2026 10:15
						An: Jan <jan@example.org>
						Betreff: Ihre Beschwerde
						""", "Bitte um Rückmeldung.", "Von: Klachten"), row("outlook web underscores", """
						Zie mijn eerdere mail.

						________________________________
						Van: Klachtenbureau <klachten@klikklaar.com>
						Verzonden: maandag 3 november 2026 10:15
						Aan: jan@example.org
						Onderwerp: Uw klacht
						""", "Zie mijn eerdere mail.", "________________________________"),
				row("outlook original message en", """
						Any news?

						-----Original Message-----
						From: Complaints <klachten@klikklaar.com>
						Sent: Monday, November 3, 2026 10:15 AM
						""", "Any news?", "-----Original Message-----"), row("outlook oorspronkelijk bericht", """
						Nog geen antwoord ontvangen.

						-----Oorspronkelijk bericht-----
						Van: Klachtenbureau <klachten@klikklaar.com>
						Verzonden: maandag 3 november 2026 10:15
						""", "Nog geen antwoord ontvangen.", "-----Oorspronkelijk bericht-----"),
				row("outlook ursprüngliche nachricht", """
						Keine Antwort bisher.

						-----Ursprüngliche Nachricht-----
						Von: Klachten <klachten@klikklaar.com>
						""", "Keine Antwort bisher.", "-----Ursprüngliche Nachricht-----"),
				row("html converted header with datum and bold", """
						Hierbij de gevraagde gegevens.

						*Van:* Klachtenbureau <klachten@klikklaar.com>
						*Datum:* maandag 3 november 2026 om 10:15
						*Aan:* Jan <jan@example.org>
						""", "Hierbij de gevraagde gegevens.", "*Van:* Klachtenbureau"),
				row("html converted header with blank lines between", """
						Zie hieronder.

						Van: Klachtenbureau <klachten@klikklaar.com>

						Datum: maandag 3 november 2026 om 10:15
						""", "Zie hieronder.", "Van: Klachtenbureau"),
				row("html converted gmail reply without quote prefixes", """
						Akkoord met het voorstel.

						Op ma 3 nov. 2026 om 10:15 schreef Klachtenbureau <klachten@klikklaar.com>:
						Beste heer De Vries,
						Wij stellen een vergoeding van 25 euro voor.
						""", "Akkoord met het voorstel.", "Op ma 3 nov. 2026 om 10:15 schreef"),
				row("iphone nl footer then quote", """
						Ik bel morgen.

						Verzonden vanaf mijn iPhone

						> Op 3 nov. 2026 om 10:15 heeft Klachtenbureau <klachten@klikklaar.com> het volgende geschreven:
						> Wilt u ons bellen?
						""", "Ik bel morgen.", "Verzonden vanaf mijn iPhone"), row("ipad nl footer", """
						Prima.

						Verstuurd vanaf mijn iPad
						""", "Prima.", "Verstuurd vanaf mijn iPad"), row("iphone en footer", """
						Ok, thanks.

						Sent from my iPhone
						""", "Ok, thanks.", "Sent from my iPhone"), row("iphone de footer", """
						Danke.

						Von meinem iPhone gesendet
						""", "Danke.", "Von meinem iPhone gesendet"), row("outlook android en", """
						Will do.

						Sent from Outlook for Android
						________________________________
						From: Complaints <klachten@klikklaar.com>
						""", "Will do.", "Sent from Outlook for Android"), row("outlook ios en", """
						Received, thanks.

						Get Outlook for iOS
						""", "Received, thanks.", "Get Outlook for iOS"), row("outlook android nl", """
						Ontvangen, dank u.

						Verzonden vanuit Outlook voor Android
						""", "Ontvangen, dank u.", "Verzonden vanuit Outlook voor Android"), row("mail for windows", """
						Zie bijlage.

						Sent from Mail for Windows

						From: Complaints <klachten@klikklaar.com>
						Sent: Monday, November 3, 2026 10:15
						""", "Zie bijlage.", "Sent from Mail for Windows"),
				row("gmail forward with new text", """
						Deze klacht kwam bij mij binnen, graag oppakken.

						---------- Forwarded message ---------
						From: Jan de Vries <jan@example.org>
						Date: Mon, 3 Nov 2026 at 10:15
						Subject: Klacht
						To: <info@example.com>
						""", "Deze klacht kwam bij mij binnen, graag oppakken.",
						"---------- Forwarded message ---------"),
				row("gmail forward without new text", """
						---------- Doorgestuurd bericht ---------
						Van: Jan de Vries <jan@example.org>
						Date: ma 3 nov. 2026 om 10:15
						Subject: Klacht
						""", "", "---------- Doorgestuurd bericht ---------"), row("apple mail forward en", """
						FYI

						Begin forwarded message:

						From: Jan de Vries <jan@example.org>
						Subject: Klacht
						""", "FYI", "Begin forwarded message:"), row("apple mail forward nl", """
						Begin doorgestuurd bericht:

						Van: Jan de Vries <jan@example.org>
						Onderwerp: Klacht
						""", "", "Begin doorgestuurd bericht:"), row("thunderbird forward de", """
						Zur Info.

						-------- Weitergeleitete Nachricht --------
						Betreff: Beschwerde
						""", "Zur Info.", "-------- Weitergeleitete Nachricht --------"),
				row("thunderbird forward en", """
						Forwarding as discussed.

						-------- Original Message --------
						Subject: Complaint
						""", "Forwarding as discussed.", "-------- Original Message --------"),
				row("signature then quote", """
						Ik heb de bon teruggevonden.
						--\s
						Jan de Vries
						Dorpsstraat 1, Ergens

						Op ma 3 nov. 2026 om 10:15 schreef Klachtenbureau <klachten@klikklaar.com>:
						> Heeft u de bon nog?
						""", "Ik heb de bon teruggevonden.", "-- \nJan de Vries"),
				row("signature separator without space", """
						Bedankt.
						--
						Sanne
						""", "Bedankt.", "--\nSanne"), row("command first line kept", """
						INZAGE

						Op ma 3 nov. 2026 om 10:15 schreef Klachtenbureau <klachten@klikklaar.com>:
						> Uw klacht is geregistreerd.
						""", "INZAGE", "Op ma 3 nov. 2026"), row("label lines before quote kept", """
						Naam: Jan de Vries
						Adres: Dorpsstraat 1
						Ordernummer: 12345

						Op ma 3 nov. 2026 om 10:15 schreef Klachtenbureau <klachten@klikklaar.com>:
						> Stuur ons uw gegevens.
						""", "Naam: Jan de Vries\nAdres: Dorpsstraat 1\nOrdernummer: 12345", "Op ma 3 nov. 2026"),
				row("from in prose does not cut", """
						Ik kocht een fiets.
						From: the shop I bought it from, no reply at all.
						Dat is nu drie weken geleden.
						""",
						"Ik kocht een fiets.\nFrom: the shop I bought it from, no reply at all.\n"
								+ "Dat is nu drie weken geleden.",
						""),
				row("schreef in prose does not cut", """
						Uw medewerker schreef dat het opgelost zou worden.
						Op 3 november heeft hij ook gebeld en hij schreef:
						"komt goed". Dat is niet gebeurd.
						""",
						"Uw medewerker schreef dat het opgelost zou worden.\n"
								+ "Op 3 november heeft hij ook gebeld en hij schreef:\n"
								+ "\"komt goed\". Dat is niet gebeurd.",
						""),
				row("inline answers keep text before first quote", """
						Zie mijn antwoorden hieronder.

						> Wanneer heeft u besteld?
						Op 1 november.
						> Welk product?
						Een fiets.
						""", "Zie mijn antwoorden hieronder.", "> Wanneer heeft u besteld?"),
				row("bottom-posted reply", """
						Op ma 3 nov. 2026 om 10:15 schreef Klachtenbureau <klachten@klikklaar.com>:
						> Wilt u het ordernummer sturen?

						Het ordernummer is 12345.

						Groet, Jan
						""", "Het ordernummer is 12345.\n\nGroet, Jan", "Op ma 3 nov. 2026"),
				row("bottom-posted reply followed by signature", """
						> Wilt u het ordernummer sturen?

						Het ordernummer is 12345.
						--
						Jan
						""", "Het ordernummer is 12345.", "> Wilt u het ordernummer sturen?"),
				row("only quoted text", """
						> Wilt u het ordernummer sturen?
						""", "", "> Wilt u het ordernummer sturen?"), row("no quote at all", """

						Ik wil een klacht indienen over de bezorging.

						Mijn pakket is kwijt.

						""", "Ik wil een klacht indienen over de bezorging.\n\nMijn pakket is kwijt.", ""),
				row("empty body", "", "", ""), row("blank body", "  \n\n \n", "", ""),
				row("crlf line ends",
						"Akkoord.\r\n\r\nOp 3 november 2026 10:15 schreef Klachten <klachten@klikklaar.com>:\r\n"
								+ "> Ok?\r\n",
						"Akkoord.", "Op 3 november 2026"));
	}

	private static Arguments row(String shape, String body, String newText, String restStart) {
		return Arguments.of(shape, body, newText, restStart);
	}

}
