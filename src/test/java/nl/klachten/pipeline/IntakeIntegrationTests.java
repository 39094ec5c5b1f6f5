package nl.klachten.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new complaint end to end over GreenMail IMAP (IDLE) and SMTP: register row,
 * acknowledgement, chair notification, filing, and how later mail threads onto the case
 * (CONTRACT §4, R6, R7, R9, R19).
 */
class IntakeIntegrationTests extends MailIntegrationTest {

	// No purge between tests: GreenMail's purge deletes messages under the processor's
	// open IMAP session
	// without telling it (no EXPUNGE), which a real server never does. Each test uses its
	// own sender instead.

	static final String BODY = """
			Geachte commissie,

			Mijn internet werkt al weken niet.

			Naam: Jan de Vries
			Adres: Dorpsstraat 1
			Woonplaats: Utrecht
			Product: Glasvezel 1000
			Datum ontstaan: 2025-03-12
			""";

	@Test
	void shouldRegisterAcknowledgeNotifyAndFileWhenNewComplaintArrives() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		Instant now = this.clock.instant();
		deliver(greenMail, aComplaint(sender, "Storing internet", BODY, messageId));

		Map<String, Object> row = awaitComplaintFrom(sender);
		// R6: reference PREFIX-YYYY-NNNN of the submission year; submitted_at is the
		// server's receive time,
		// not the 2024 Date header
		OffsetDateTime submitted = OffsetDateTime.parse((String) row.get("submitted_at"));
		// received by the server just now: the wall-clock receipt is capped at the
		// (fixed) clock of the test
		assertThat(submitted.toInstant()).isEqualTo(now);
		String reference = (String) row.get("reference");
		assertThat(reference).matches("KK-" + submitted.getYear() + "-\\d{4}");
		// R19: the register fields come from the Label: value lines
		assertThat(row.get("complainant_name")).isEqualTo("Jan de Vries");
		assertThat(row.get("complainant_address")).isEqualTo("Dorpsstraat 1");
		assertThat(row.get("complainant_city")).isEqualTo("Utrecht");
		assertThat(row.get("arose_on")).isEqualTo("2025-03-12");
		assertThat(products(reference)).containsExactly("Glasvezel 1000");

		// R9: the acknowledgement, an answer to the complaint (CONTRACT §4 headers)
		MimeMessage ack = awaitSingleMailTo(sender);
		assertThat(subject(ack)).contains("[" + reference + "]");
		assertThat(header(ack, "X-Complaint-Reference")).isEqualTo(reference);
		assertThat(header(ack, "Auto-Submitted")).isEqualTo("auto-replied");
		assertThat(header(ack, "X-Auto-Response-Suppress")).isEqualTo("All");
		assertThat(header(ack, "In-Reply-To")).isEqualTo("<" + messageId + ">");
		assertThat(header(ack, "Message-ID")).matches("<[^<>@]+@klikklaar\\.com>");
		assertThat(ack.isMimeType("multipart/alternative")).isTrue();
		assertThat(part(ack, "text/plain")).contains(reference);
		assertThat(part(ack, "text/html")).contains(reference);

		// the chair's notification carries the complaint text; it waits in the chair's
		// notices folder
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(chairFolder(greenMail, NOTICES).stream()
				.filter((m) -> reference.equals(header(m, "X-Complaint-Reference")))
				.toList()).hasSize(1));
		MimeMessage notification = chairFolder(greenMail, NOTICES).stream()
			.filter((m) -> reference.equals(header(m, "X-Complaint-Reference")))
			.findFirst()
			.orElseThrow();
		assertThat(notification.getAllRecipients()[0].toString()).containsIgnoringCase(CHAIR);
		assertThat(part(notification, "text/plain")).contains("Mijn internet werkt al weken niet.");
		// and ends with the commands that fit a new case (issue 4: guidance in every
		// chair mail)
		assertThat(part(notification, "text/plain")).contains("Wat nu?")
			.contains("GEGROND")
			.contains("Oplossing:")
			.contains("VERLENG 2 weken")
			.doesNotContain("Piet Jansen");
		assertThat(part(notification, "text/html")).contains("Wat nu?");

		// CONTRACT §4: the original moved out of INBOX to Klachten/Verwerkt
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(chairFolder(greenMail, "INBOX")).isEmpty();
			assertThat(chairFolder(greenMail, PROCESSED))
				.anyMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")));
		});
		assertThat(this.jdbc.sql("SELECT outcome, reason FROM inbound_mail WHERE message_id = ?")
			.param(messageId)
			.query()
			.singleRow()).containsEntry("outcome", "case").containsEntry("reason", "new-complaint");
	}

	@Test
	void shouldEscapeHtmlInAcknowledgementWhenSubjectContainsMarkup() throws Exception {
		String sender = uniqueSender();
		deliver(greenMail, aComplaint(sender, "Klacht <script>alert(1)</script>", "Tekst.", newMessageId()));

		MimeMessage ack = awaitSingleMailTo(sender);
		String html = part(ack, "text/html");
		assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
	}

	@Test
	void shouldRefuseChairProseAndKeepItOffTheCaseWhenChairAnswersNotification() throws Exception {
		String sender = uniqueSender();
		deliver(greenMail, aComplaint(sender, "Factuur klopt niet", "Te veel betaald.", newMessageId()));
		Map<String, Object> row = awaitComplaintFrom(sender);
		long id = ((Number) row.get("id")).longValue();
		String notificationId = this.jdbc
			.sql("SELECT message_id FROM outbox WHERE complaint_id = ? AND kind = 'chair-notification'")
			.param(id)
			.query(String.class)
			.single();
		long casesBefore = countCases();

		String reply = newMessageId();
		deliver(greenMail, aComplaint(CHAIR, "Re: Nieuwe klacht", "Ik neem contact op met de klager.", reply,
				"In-Reply-To: <" + notificationId + ">\r\nReferences: <" + notificationId + ">\r\n"));

		// prose from the chair is refused naming its first line (CONTRACT §5) and a
		// refused mail
		// never joins the case's thread: it is kept in the ignored list, linked to the
		// case
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("SELECT outcome || '/' || reason || '/' || complaint_id FROM inbound_mail WHERE message_id = ?")
				.param(reply)
				.query(String.class)
				.list()).containsExactly("ignored/command-refused/" + id));
		assertThat(kindsOn(id, reply)).isEmpty();
		assertThat(countCases()).isEqualTo(casesBefore);
	}

	@Test
	void shouldJoinCaseWhenComplainantRepliesWithReference() throws Exception {
		String sender = uniqueSender();
		deliver(greenMail, aComplaint(sender, "Monteur kwam niet", "Twee keer niet.", newMessageId()));
		Map<String, Object> row = awaitComplaintFrom(sender);
		long id = ((Number) row.get("id")).longValue();
		String reference = (String) row.get("reference");
		long casesBefore = countCases();

		String reply = newMessageId();
		deliver(greenMail, aComplaint(sender, "Re: Ontvangstbevestiging van uw klacht [" + reference + "]",
				"Adres: Kerkweg 2", reply));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(kindsOn(id, reply)).containsExactly("follow-up"));
		assertThat(countCases()).isEqualTo(casesBefore);
	}

	@Test
	void shouldOpenNewCaseWhenStrangerQuotesReference() throws Exception {
		String sender = uniqueSender();
		deliver(greenMail, aComplaint(sender, "Storing tv", "Beeld valt weg.", newMessageId()));
		String reference = (String) awaitComplaintFrom(sender).get("reference");

		String stranger = uniqueSender();
		deliver(greenMail, aComplaint(stranger, "Over " + reference, "Ik heb hetzelfde probleem als " + reference + ".",
				newMessageId()));

		// CONTRACT §4: not added to another person's case silently, but a new complaint
		Map<String, Object> strangers = awaitComplaintFrom(stranger);
		assertThat(strangers.get("reference")).isNotEqualTo(reference);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM correspondence c JOIN complaint k ON k.id = c.complaint_id "
					+ "WHERE k.reference = ? AND c.sender = ?")
			.params(reference, stranger)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void shouldFlagLateWhenComplaintAroseMoreThanTwelveMonthsAgo() throws Exception {
		// R7: thirteen months after it arose the complaint is flagged, not rejected
		String sender = uniqueSender();
		LocalDate arose = LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Europe/Amsterdam"))).minusMonths(13);
		deliver(greenMail, aComplaint(sender, "Oude klacht", "Datum ontstaan: " + arose, newMessageId()));

		Map<String, Object> row = awaitComplaintFrom(sender);
		assertThat(((Number) row.get("late")).intValue()).isEqualTo(1);
		assertThat(row.get("status")).isEqualTo("in_behandeling");
		awaitSingleMailTo(sender);
	}

	@Test
	void shouldNotFlagLateWhenComplaintAroseWithinTwelveMonths() throws Exception {
		String sender = uniqueSender();
		LocalDate arose = LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Europe/Amsterdam"))).minusMonths(11);
		deliver(greenMail, aComplaint(sender, "Recente klacht", "Datum ontstaan: " + arose, newMessageId()));

		Map<String, Object> row = awaitComplaintFrom(sender);
		assertThat(((Number) row.get("late")).intValue()).isZero();
	}

	private MimeMessage awaitSingleMailTo(String address) {
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(greenMail, address).size() == 1);
		return inboxOf(greenMail, address).get(0);
	}

	private List<String> products(String reference) {
		return this.jdbc
			.sql("SELECT p.name FROM product p JOIN complaint c ON c.id = p.complaint_id WHERE c.reference = ?")
			.param(reference)
			.query(String.class)
			.list();
	}

	private List<String> kindsOn(long complaintId, String messageId) {
		return this.jdbc
			.sql("SELECT kind FROM correspondence WHERE complaint_id = ? AND message_id = ? AND direction = 'in'")
			.params(complaintId, messageId)
			.query(String.class)
			.list();
	}

	private long countCases() {
		return this.jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
	}

}
