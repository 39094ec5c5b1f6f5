package nl.klachten.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mails a person reads with pleasure (issue 11, CONTRACT §4), end to end over GreenMail:
 * a complaint with a long name and a long subject gets an acknowledgement that greets the
 * complainant by name and confirms what was recorded (the details by name only, as it
 * goes wherever the From line points); the chair's notification and confirmations open
 * with the case's state in one line; a question or decision is quoted back to the chair
 * exactly as it was mailed; a question that opens with the chair's own greeting gets no
 * second one. Every plain-text part fits 76 columns, names no requirement code and writes
 * no ISO date.
 */
class ReadableMailIntegrationTests extends MailIntegrationTest {

	private static final String NAME = "Maria Theresia Wilhelmina van den Heuvel-Oosterhout";

	private static final String SUBJECT = "Wasmachine WM-300 drie weken te laat bezorgd, beschadigd bij de buren "
			+ "neergezet en sindsdien hoor ik niets meer van de klantenservice";

	private static final String BODY = """
			Geachte commissie,

			Mijn wasmachine werd drie weken te laat bezorgd en de bezorger zette haar beschadigd bij de buren neer zonder iets te zeggen; daarna hoorde ik van niemand meer iets, terwijl ik vier keer heb gebeld.

			Naam: Maria Theresia Wilhelmina van den Heuvel-Oosterhout
			Adres: Kerkweg 7
			Woonplaats: Nederhorst den Berg
			Product: Wasmachine WM-300
			Datum ontstaan: 1-3-2026
			""";

	/** CONTRACT §4: plain text is wrapped at 76 columns. */
	private static final int WIDTH = 76;

	private static final Pattern REQUIREMENT_CODE = Pattern.compile("\\bR[0-9]+\\b");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	/** Registered on 30 november 2026 (the test clock): four weeks to decide. */
	private static final String DUE = "28 december 2026";

	@Test
	void shouldGreetByNameAndConfirmWhatWasRecordedWhenComplaintIsAcknowledged() {
		String sender = uniqueSender();
		deliver(greenMail, aComplaint(sender, SUBJECT, BODY, newMessageId()));
		String ack = text(awaitMailTo(sender, "Ontvangstbevestiging"), "text/plain");

		// the details are named, not repeated: the acknowledgement goes wherever the From
		// line points
		assertThat(ack).startsWith("Geachte " + NAME + ",")
			.doesNotContain("heer/mevrouw")
			.contains("Ingediend:       30 november 2026")
			.contains("Datum ontstaan:  1 maart 2026")
			.contains("Ook vastgelegd:  uw naam, uw adres, uw woonplaats en het product")
			.doesNotContain("Kerkweg")
			.contains("uiterlijk " + DUE)
			.doesNotContain("Medewerker")
			.doesNotContain("medewerker");
		assertThat(lines(ack)).anyMatch((line) -> line.startsWith("Onderwerp:       Wasmachine WM-300"));
		assertReadable(ack);
	}

	@Test
	void shouldOpenWithStateLineAndAlignLabelsWhenChairIsNotified() {
		Filed filed = file();
		String notification = text(awaitChairMail(filed.reference(), "Nieuwe klacht"), "text/plain");

		assertThat(notification).startsWith("in behandeling — beslissen uiterlijk 28 dec\n");
		// the values start in one column; a name and address too long for one line
		// continue under it
		assertThat(lines(notification)).containsSubsequence("Klager:               " + NAME,
				"                      <" + filed.sender() + ">", "Ingediend:            30 november 2026",
				"Beslissing uiterlijk: " + DUE);
		assertThat(lines(notification)).contains("Datum ontstaan:       1 maart 2026");
		assertReadable(notification);
	}

	@Test
	void shouldQuoteQuestionAsMailedAndGreetOnceWhenChairWritesOwnGreeting() {
		Filed filed = file();
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");

		MimeMessage confirmation = command(notification,
				"""
						VRAAG-KLAGER

						Beste mevrouw Van den Heuvel,

						Op welke dag is de wasmachine bij de buren neergezet, en heeft u foto's van de schade aan de deur en de zijkant?
						""");
		String question = text(awaitMailTo(filed.sender(), "Vraag over uw klacht"), "text/plain");
		String confirmed = text(confirmation, "text/plain");

		assertThat(question).startsWith("Beste mevrouw Van den Heuvel,").doesNotContain("Geachte");
		assertThat(confirmed).startsWith("in behandeling — wacht op klager sinds 30 nov — beslissen uiterlijk 28 dec\n")
			.contains("Zo ging uw bericht naar de klager:");
		assertQuoted(confirmed, question);
		assertReadable(question);
		assertReadable(confirmed);
	}

	@Test
	void shouldAddSalutationWhenChairTextHasNone() {
		Filed filed = file();
		command(awaitChairMail(filed.reference(), "Nieuwe klacht"), """
				VRAAG-KLAGER

				Op welke dag is de wasmachine bij de buren neergezet?
				""");
		String question = text(awaitMailTo(filed.sender(), "Vraag over uw klacht"), "text/plain");

		assertThat(question).startsWith("Geachte " + NAME + ",\n").containsOnlyOnce("Geachte");
		assertReadable(question);
	}

	@Test
	void shouldQuoteDecisionAsMailedWhenChairDecides() {
		Filed filed = file();
		MimeMessage confirmation = command(awaitChairMail(filed.reference(), "Nieuwe klacht"),
				"""
						GEGROND

						De bezorging was drie weken te laat en de wasmachine is beschadigd afgeleverd bij de buren; dat had niet mogen gebeuren en daarvoor bieden wij onze excuses aan.

						Oplossing: wij vervangen de wasmachine kosteloos en vergoeden de bezorgkosten.
						""");
		String decision = text(awaitMailTo(filed.sender(), "Beslissing op uw klacht"), "text/plain");
		String confirmed = text(confirmation, "text/plain");

		assertThat(decision).startsWith("Geachte " + NAME + ",");
		assertThat(confirmed).startsWith("afgehandeld: gegrond op 30 nov\n");
		assertQuoted(confirmed, decision);
		assertReadable(decision);
		assertReadable(confirmed);
	}

	@Test
	void shouldFitHelpInMailWidthWhenChairAsksForHelp() {
		Filed filed = file();
		String help = text(command(awaitChairMail(filed.reference(), "Nieuwe klacht"), "HELP\n"), "text/plain");

		assertThat(help).contains("VRAAG-KLAGER + vraag als tekst   (Engels: ASK-COMPLAINANT)",
				"    mailt de klager uw tekst; de aanhef zetten wij erboven");
		assertReadable(help);
	}

	private Filed file() {
		return fileComplaint(SUBJECT, BODY);
	}

	/** The chair's reply to one of our mails; the confirmation that answers it. */
	private MimeMessage command(MimeMessage answered, String body) {
		String commandId = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(answered), body, commandId, replyHeaders(messageId(answered)),
				"text/plain; charset=UTF-8"));
		MimeMessage answer = awaitReplyTo(CHAIR, commandId);
		assertThat(subject(answer)).as(text(answer, "text/plain")).startsWith("Verwerkt");
		assertThat(header(answer, "X-Complaint-Reference")).isNotNull();
		return answer;
	}

	/** Every line of the mail as sent stands, quoted, in the confirmation. */
	private static void assertQuoted(String confirmation, String sent) {
		List<String> quoted = lines(confirmation);
		for (String line : lines(sent)) {
			assertThat(quoted).contains(line.isEmpty() ? ">" : "> " + line);
		}
	}

	/**
	 * No line over 76 columns outside quotes and single unbreakable words; no requirement
	 * codes; no ISO dates.
	 */
	private static void assertReadable(String text) {
		for (String line : lines(text)) {
			if (line.startsWith(">")) {
				continue;
			}
			if (line.codePointCount(0, line.length()) > WIDTH) {
				assertThat(line.strip()).as("over-wide line").doesNotContain(" ");
			}
			assertThat(line).doesNotContainPattern(REQUIREMENT_CODE).doesNotContainPattern(ISO_DATE);
		}
	}

	/** The plain-text part, with the line ends as the composer wrote them. */
	private static String text(MimeMessage message, String type) {
		return part(message, type).replace("\r\n", "\n");
	}

	private static List<String> lines(String text) {
		return Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
	}

}
