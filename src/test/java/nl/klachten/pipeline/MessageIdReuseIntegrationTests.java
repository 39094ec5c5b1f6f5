package nl.klachten.pipeline;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.allText;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.chairMails;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "The same mail" is the same Message-ID from the same sender with the same content
 * (CONTRACT §4, issue 13): one mail delivered twice with other trace headers and line
 * endings makes one case and one acknowledgement; a different mail that reuses a
 * Message-ID (another sender, another text, or one of the processor's own Message-IDs) is
 * not dropped as a duplicate or as our own mail: it is registered on its merits and the
 * chair is told once, with the Message-ID, the senders and the cases.
 */
class MessageIdReuseIntegrationTests extends MailIntegrationTest {

	private static final String NOTICE = "Andere mail met een bekende Message-ID";

	private static final String FIRST_HOP = "Received: from mx1.example.org (127.0.0.1) by imap.klikklaar.com;"
			+ " Mon, 1 Jan 2024 10:00:05 +0100\r\n";

	private static final String SECOND_HOP = "Return-Path: <x@example.org>\r\nDelivered-To: info@klikklaar.com\r\n"
			+ "X-Original-To: info@klikklaar.com\r\nReceived: from mx2.example.org (127.0.0.1)\r\n"
			+ "\tby imap.klikklaar.com; Mon, 1 Jan 2024 10:00:09 +0100\r\n";

	@Test
	void shouldMakeOneCaseAndOneAcknowledgementWhenOneMailArrivesTwiceWithOtherTraceHeadersAndLineEndings()
			throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		String mail = aComplaint(sender, "Twee keer bezorgd", "Deze mail ging naar twee adressen.", messageId);
		deliver(greenMail, FIRST_HOP + mail);
		deliver(greenMail, (SECOND_HOP + mail).replace("\r\n", "\n"));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(chairFolder(greenMail, PROCESSED))
				.filteredOn((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")))
				.hasSize(2));
		await().atMost(WAIT).until(() -> inboxOf(greenMail, sender).size() == 1);
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(casesFrom(sender)).isEqualTo(1);
			assertThat(inboxOf(greenMail, sender)).hasSize(1);
			assertThat(inboundWith(messageId)).isEqualTo(1);
			assertThat(notices(messageId)).isEmpty();
		});
	}

	@Test
	void shouldMakeOneCaseWhenOneMailWithoutMessageIdArrivesTwiceWithOtherTraceHeaders() throws Exception {
		String sender = uniqueSender();
		String subject = "Zonder Message-ID, twee keer " + sender;
		String mail = aComplaint(sender, subject, "Deze mail heeft geen Message-ID en ging naar twee adressen.", null);
		deliver(greenMail, FIRST_HOP + mail);
		deliver(greenMail, (SECOND_HOP + mail).replace("\r\n", "\n"));

		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(chairFolder(greenMail, PROCESSED)).filteredOn((m) -> subject.equals(subject(m)))
						.hasSize(2));
		await().atMost(WAIT).until(() -> inboxOf(greenMail, sender).size() == 1);
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(casesFrom(sender)).isEqualTo(1);
			assertThat(inboxOf(greenMail, sender)).hasSize(1);
		});
	}

	@Test
	void shouldRegisterAndTellTheChairWhenAnotherSenderReusesAMessageId() {
		String first = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail, aComplaint(first, "Eerste klacht", "Dit is de eerste mail.", messageId));
		String firstReference = (String) awaitComplaintFrom(first).get("reference");
		String second = uniqueSender();
		deliver(greenMail, aComplaint(second, "Eerste klacht", "Een andere mail met dezelfde Message-ID.", messageId));

		String secondReference = (String) awaitComplaintFrom(second).get("reference");
		awaitMailTo(second, "Ontvangstbevestiging");
		MimeMessage notice = awaitNotice(messageId);
		assertThat(allText(notice)).contains(messageId, first, second, firstReference, secondReference);
		assertThat(inboundWith(messageId)).isEqualTo(2);
		assertThat(casesFrom(first)).isEqualTo(1);
	}

	@Test
	void shouldRegisterAndTellTheChairWhenTheSameSenderSendsAnotherTextUnderAMessageIdAlreadyRead() {
		String sender = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail, aComplaint(sender, "Bezorging", "De eerste tekst.", messageId));
		await().atMost(WAIT).until(() -> casesFrom(sender) == 1);
		deliver(greenMail, aComplaint(sender, "Bezorging", "Een heel andere tekst, dezelfde Message-ID.", messageId));

		await().atMost(WAIT).until(() -> casesFrom(sender) == 2);
		MimeMessage notice = awaitNotice(messageId);
		assertThat(allText(notice)).contains(messageId, sender);
		assertThat(inboundWith(messageId)).isEqualTo(2);
	}

	@Test
	void shouldRegisterAndTellTheChairWhenAMailForgesOneOfOurMessageIds() {
		Filed filed = fileComplaint("Echte klacht", "Deze klacht krijgt een ontvangstbevestiging.");
		String ours = messageId(filed.ack());
		String forger = uniqueSender();
		deliver(greenMail, aComplaint(forger, "Gewoon een klacht",
				"Deze mail draagt de Message-ID van een" + " ontvangstbevestiging.", ours));

		String reference = (String) awaitComplaintFrom(forger).get("reference");
		MimeMessage notice = awaitNotice(ours);
		assertThat(allText(notice)).contains(ours, forger, reference);
		assertThat(this.jdbc.sql("SELECT outcome FROM inbound_mail WHERE message_id = ?")
			.param(ours)
			.query(String.class)
			.list()).containsExactly("case");
	}

	@Test
	void shouldStillIgnoreOurOwnMailReadBack() throws Exception {
		Filed filed = fileComplaint("Klacht waarvan de bevestiging terugkomt", "De bevestiging komt bij ons terug.");
		String ours = messageId(filed.ack());
		byte[] raw = this.jdbc.sql("SELECT raw FROM outbox WHERE kind = 'acknowledgement' AND recipients = ?")
			.param(filed.sender())
			.query(byte[].class)
			.single();
		deliver(greenMail, (FIRST_HOP + new String(raw, java.nio.charset.StandardCharsets.UTF_8))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT outcome || ' ' || reason FROM inbound_mail WHERE message_id = ?")
						.param(ours)
						.query(String.class)
						.list())
				.containsExactly("ignored own-mail"));
		Holds.during(Duration.ofSeconds(1), () -> assertThat(notices(ours)).isEmpty());
	}

	private MimeMessage awaitNotice(String messageId) {
		return await().atMost(WAIT).until(() -> notices(messageId), (found) -> found.size() == 1).get(0);
	}

	private static List<MimeMessage> notices(String messageId) {
		return chairMails(greenMail).stream()
			.filter((m) -> subject(m).startsWith(NOTICE))
			.filter((m) -> allText(m).contains(messageId))
			.toList();
	}

	private int casesFrom(String sender) {
		return this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query(Integer.class)
			.single();
	}

	private int inboundWith(String messageId) {
		return this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE message_id = ?")
			.param(messageId)
			.query(Integer.class)
			.single();
	}

}
