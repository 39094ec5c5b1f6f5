package nl.klachten.pipeline;

import java.time.Duration;
import java.util.List;

import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.QUARANTINE;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.chairFlags;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mail for the chair where the chair works (CONTRACT §4, issue 11): with the chair's
 * address the intake address (the default), notices are placed unseen in
 * {@code Klachten/Meldingen} by IMAP {@code APPEND}, never sent round through SMTP, read
 * back and filed among the processed mail; exactly once, also when the outbox did not
 * record the placement; and a reply to one is still a trusted command (CONTRACT §5).
 */
class ChairNoticesIntegrationTests extends MailIntegrationTest {

	@Test
	void shouldPlaceNotificationUnseenInNoticesFolderWhenChairReadsIntakeMailbox() throws Exception {
		Filed filed = fileComplaint("Storing", "Mijn internet werkt al weken niet.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		String id = header(notification, "Message-ID");

		assertThat(chairFlags(greenMail, NOTICES)).containsKey(id);
		assertThat(chairFlags(greenMail, NOTICES).get(id).contains(Flags.Flag.SEEN)).as("unseen").isFalse();
		await().atMost(WAIT).untilAsserted(() -> assertThat(outboxStatus(id)).isEqualTo("sent"));
		Holds.during(Duration.ofSeconds(1), () -> {
			// no SMTP delivery to the chair: nothing in the inbox, nothing read back and
			// filed as own mail
			for (String folder : List.of("INBOX", PROCESSED, QUARANTINE)) {
				assertThat(chairFolder(greenMail, folder)).as(folder)
					.noneMatch((m) -> id.equals(header(m, "Message-ID")))
					.noneMatch((m) -> filed.reference().equals(header(m, "X-Complaint-Reference")));
			}
			assertThat(chairFolder(greenMail, NOTICES)).filteredOn((m) -> id.equals(header(m, "Message-ID")))
				.hasSize(1);
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE message_id = ?")
			.param(messageId(notification))
			.query(Integer.class)
			.single()).as("read back").isZero();
	}

	@Test
	void shouldTrustChairReplyToNoticeInNoticesFolder() {
		Filed filed = fileComplaint("Modem", "Het modem knippert rood.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		assertThat(chairFolder(greenMail, NOTICES)).anyMatch((m) -> messageId(notification).equals(messageId(m)));

		MimeMessage confirmation = command(notification, "NOTITIE\n\nKlant morgen bellen.\n");

		assertThat(subject(confirmation)).startsWith("Verwerkt");
		assertThat(chairFolder(greenMail, NOTICES)).anyMatch((m) -> messageId(confirmation).equals(messageId(m)));
		assertThat(this.jdbc.sql("SELECT count(*) FROM note WHERE complaint_id = ?")
			.param(filed.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldNotPlaceNoticeTwiceWhenItWasPlacedButNotMarkedSent() throws Exception {
		Filed filed = fileComplaint("Dubbel", "Een klacht om een crash na te bootsen.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		String id = messageId(notification);
		await().atMost(WAIT).untilAsserted(() -> assertThat(outboxStatus("<" + id + ">")).isEqualTo("sent"));

		// as after a crash between the APPEND and the outbox's record of it: pending and
		// due now, with
		// the one try recorded before the APPEND
		this.jdbc
			.sql("UPDATE outbox SET status = 'pending', attempts = 1, sent_at = NULL, next_attempt = 0 "
					+ "WHERE message_id = ?")
			.param(id)
			.update();
		await().atMost(WAIT).untilAsserted(() -> assertThat(outboxStatus("<" + id + ">")).isEqualTo("sent"));
		Holds.during(Duration.ofMillis(500), () -> {
			assertThat(chairFolder(greenMail, NOTICES)).filteredOn((m) -> id.equals(messageId(m))).hasSize(1);
		});
	}

	@Test
	void shouldCreateNoticesFolderWhenItIsMissing() throws Exception {
		// the folder the chair deleted (or that was never made) is made again by the next
		// notice
		Filed first = fileComplaint("Eerst", "Een klacht, zodat de map er is.");
		String firstId = header(awaitChairMail(first.reference(), "Nieuwe klacht"), "Message-ID");
		await().atMost(WAIT).untilAsserted(() -> assertThat(outboxStatus(firstId)).isEqualTo("sent"));
		greenMail.getManagers()
			.getImapHostManager()
			.deleteMailbox(greenMail.getUserManager().getUserByEmail(CHAIR), NOTICES);
		assertThat(chairFolder(greenMail, NOTICES)).isEmpty();

		Filed filed = fileComplaint("Daarna", "De map is weg.");

		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		assertThat(chairFolder(greenMail, NOTICES)).anyMatch((m) -> messageId(notification).equals(messageId(m)));
	}

	/** The chair's reply to one of our mails, and the one confirmation it gets. */
	private MimeMessage command(MimeMessage answered, String body) {
		String commandId = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(answered), body, commandId, replyHeaders(messageId(answered)),
				"text/plain; charset=UTF-8"));
		MimeMessage confirmation = awaitReplyTo(CHAIR, commandId);
		assertThat(subject(confirmation)).startsWith("Verwerkt");
		return confirmation;
	}

	private String outboxStatus(String messageIdHeader) {
		return this.jdbc.sql("SELECT status FROM outbox WHERE message_id = ?")
			.param(messageIdHeader.replaceAll("[<>]", ""))
			.query(String.class)
			.single();
	}

}
