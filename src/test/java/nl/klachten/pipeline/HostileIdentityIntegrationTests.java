package nl.klachten.pipeline;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Strict identities (issue 9, CONTRACT §4 and §5): a Message-ID is never decoded, so it
 * cannot write headers into our own mail; a From is one strict address or it is nobody's,
 * so it cannot add recipients to an acknowledgement (R9) nor pass for the chair (R1, R4).
 */
class HostileIdentityIntegrationTests extends MailIntegrationTest {

	static final String MEMBER = "kenny@klikklaar.com";

	static final String FORGED_DECISION = "GEGROND\n\nDe klager krijgt 5000 euro.";

	/**
	 * An encoded-word that decodes to an id followed by CR LF and headers of the
	 * attacker's choosing.
	 */
	static final String INJECTING_MESSAGE_ID = "=?us-ascii?q?x@y>=0D=0AReply-To:=09evil@evil.example"
			+ "=0D=0AX-Injected:=09yes=0D=0AContent-Type:=09text/html=0D=0AX-Tail:=09<z?=";

	@Test
	void shouldWriteNoHeaderOfTheSenderWhenMessageIdIsAnEncodedWordWithLineBreaks() throws Exception {
		String sender = uniqueSender();
		deliver(greenMail, complaintWithHeaders("From: Klager <" + sender + ">\r\nMessage-ID: " + INJECTING_MESSAGE_ID,
				"Storing"));

		String reference = awaitReference("complainant_email = '" + sender + "'");
		MimeMessage ack = awaitOnlyMailTo(sender);
		MimeMessage notification = awaitNotification(reference);
		for (MimeMessage mail : List.of(ack, notification)) {
			assertThat(header(mail, "Reply-To")).isNull();
			assertThat(header(mail, "X-Injected")).isNull();
			assertThat(header(mail, "X-Tail")).isNull();
			assertThat(mail.isMimeType("multipart/alternative")).isTrue();
			assertThat(header(mail, "In-Reply-To")).satisfiesAnyOf((v) -> assertThat(v).isNull(),
					(v) -> assertThat(v).matches("<[\\x21-\\x7e&&[^<>]]+@[\\x21-\\x7e&&[^<>@]]+>"));
		}
		assertThat(part(ack, "text/plain")).contains(reference);
		// no valid Message-ID: dedupe falls back to the raw bytes (CONTRACT §4)
		assertThat(this.jdbc
			.sql("SELECT message_id, dedupe_key FROM inbound_mail i JOIN complaint c "
					+ "ON c.id = i.complaint_id WHERE c.reference = ?")
			.param(reference)
			.query()
			.singleRow()).containsEntry("message_id", null)
			.hasEntrySatisfying("dedupe_key", (key) -> assertThat((String) key).startsWith("sha:"));
	}

	@Test
	void shouldAnswerNobodyWhenFromHidesAListInAQuotedLocalPart() throws Exception {
		deliver(greenMail,
				complaintWithHeaders(
						"From: <\"" + MEMBER + ",x\"@evil.example>\r\nMessage-ID: <" + newMessageId() + ">",
						"Klacht met lijst"));

		String reference = awaitReference("complainant_email LIKE '%evil.example%'");
		MimeMessage notification = awaitNotification(reference);
		assertThat(part(notification, "text/plain").replaceAll("\\s+", " "))
			.contains("kon niet naar dat adres worden gestuurd");
		// every mail queued for the case has exactly one recipient: the chair, never the
		// member or the attacker
		assertThat(this.jdbc
			.sql("SELECT o.recipients FROM outbox o JOIN complaint c ON c.id = o.complaint_id "
					+ "WHERE c.reference = ?")
			.param(reference)
			.query(String.class)
			.list()).isNotEmpty()
			.allSatisfy((recipients) -> assertThat(recipients.lines().toList()).containsExactly(CHAIR));
		assertThat(inboxOf(greenMail, MEMBER)).isEmpty();
		assertThat(inboxOf(greenMail, "x@evil.example")).isEmpty();
	}

	/**
	 * One way to pass for the chair; each answers the chair's own notification with a
	 * decision.
	 */
	record Forgery(String name, String fromHeaders) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Forgery> forgeries() {
		return Stream.of(new Forgery("bare encoded-word From", "From: =?utf-8?q?" + CHAIR + "?="),
				new Forgery("Kelvin sign K in the domain", "From: Voorzitter <NCJansen@\u212Alikklaar.com>"),
				new Forgery("chair, attacker", "From: " + CHAIR + ", attacker@bad.example"),
				new Forgery("two From headers", "From: " + CHAIR + "\r\nFrom: attacker@bad.example"),
				new Forgery("Sender names someone else", "From: " + CHAIR + "\r\nSender: attacker@bad.example"),
				new Forgery("group syntax", "From: Commissie: " + CHAIR + ";"),
				new Forgery("display name is an encoded <chair>",
						"From: =?utf-8?q?Voorzitter_<" + CHAIR + ">?= <attacker@bad.example>"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forgeries")
	void shouldNotTakeCommandsWhenFromOnlyLooksLikeTheChair(Forgery forgery) throws Exception {
		String complainant = uniqueSender();
		deliver(greenMail, aComplaint(complainant, "Storing tv", "Beeld valt weg.", newMessageId()));
		String reference = awaitReference("complainant_email = '" + complainant + "'");
		String notificationId = this.jdbc
			.sql("SELECT o.message_id FROM outbox o JOIN complaint c ON c.id = "
					+ "o.complaint_id WHERE c.reference = ? AND o.kind = 'chair-notification'")
			.param(reference)
			.query(String.class)
			.single();

		String commandId = newMessageId();
		deliver(greenMail, forgery.fromHeaders() + "\r\nTo: " + CHAIR + "\r\nSubject: Re: Nieuwe klacht [" + reference
				+ "]\r\nDate: Mon, 5 Jan 2026 10:00:00 +0100\r\nMessage-ID: <" + commandId + ">\r\nIn-Reply-To: <"
				+ notificationId + ">\r\nReferences: <" + notificationId + ">\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ FORGED_DECISION.replace("\n", "\r\n") + "\r\n");

		Map<String, Object> read = await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT outcome, reason, complaint_id FROM inbound_mail WHERE message_id = ?")
				.param(commandId)
				.query()
				.listOfRows(), (rows) -> rows.size() == 1)
			.get(0);
		assertThat(read.get("reason")).isNotEqualTo("command").isNotEqualTo("correspondence");
		assertThat(export(reference).get("decision").isNull()).as("decision").isTrue();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM outbox o JOIN complaint c ON c.id = o.complaint_id "
					+ "WHERE c.reference = ? AND o.kind LIKE 'command-%'")
			.param(reference)
			.query(Integer.class)
			.single()).isZero();
	}

	private static String complaintWithHeaders(String fromAndId, String subject) {
		return fromAndId + "\r\nTo: " + CHAIR + "\r\nSubject: " + subject
				+ "\r\nDate: Mon, 5 Jan 2026 10:00:00 +0100\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nMijn internet werkt niet.\r\n";
	}

	private String awaitReference(String where) {
		return await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT reference FROM complaint WHERE " + where).query(String.class).list(),
					(rows) -> rows.size() == 1)
			.get(0);
	}

	private MimeMessage awaitOnlyMailTo(String address) {
		await().atMost(WAIT).until(() -> inboxOf(greenMail, address).size() == 1);
		return inboxOf(greenMail, address).get(0);
	}

	/** The chair's notification, waiting in the chair's notices folder. */
	private MimeMessage awaitNotification(String reference) {
		return await().atMost(WAIT)
			.until(() -> chairFolder(greenMail, NOTICES).stream()
				.filter((m) -> reference.equals(header(m, "X-Complaint-Reference")))
				.toList(), (found) -> found.size() == 1)
			.get(0);
	}

}
