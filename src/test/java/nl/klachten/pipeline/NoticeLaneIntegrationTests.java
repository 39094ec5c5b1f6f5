package nl.klachten.pipeline;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chair's notices beside the SMTP mail (issue 15): a notices folder slow to take an
 * {@code APPEND} holds up no acknowledgement, and each notice is placed once when it
 * answers; batch after batch the notices go over one kept IMAP connection. The processor
 * reads its mailbox through a {@link nl.klachten.mailbox.FaultyImapProxy}, which holds
 * the {@code APPEND}s back and logs each connection's commands.
 */
class NoticeLaneIntegrationTests extends ImapProxyIntegrationTest {

	@Test
	void shouldAcknowledgeWhileTheNoticesFolderIsSlowAndPlaceEachNoticeOnce() {
		CountDownLatch slow = new CountDownLatch(1);
		proxy().holdBefore("APPEND", slow);
		String first = uniqueSender();
		String second = uniqueSender();
		String firstId = newMessageId();
		String secondId = newMessageId();
		try {
			deliver(greenMail, aComplaint(first, "Storing", "Het werkt niet.", firstId));
			await().atMost(WAIT).until(() -> repliesTo(first, firstId).size() == 1);
			// the first notice still waits for the folder: the next complaint is
			// acknowledged all the same
			deliver(greenMail, aComplaint(second, "Storing", "Nog steeds niet.", secondId));
			await().atMost(WAIT).until(() -> repliesTo(second, secondId).size() == 1);
			assertThat(notices(first, second)).as("no notice placed yet")
				.allSatisfy((notice) -> assertThat(notice).isNotEqualTo("sent"));
		}
		finally {
			slow.countDown();
		}
		await().atMost(WAIT)
			.until(() -> notices(first, second).size() == 2
					&& notices(first, second).stream().allMatch("sent"::equals));
		for (String messageId : noticeIds(first, second)) {
			await().atMost(WAIT).until(() -> copiesIn(NOTICES, messageId) == 1);
		}
	}

	@Test
	void shouldPlaceNoticesBatchAfterBatchOverOneKeptConnection() {
		int before = sentNotices();
		for (int i = 0; i < 3; i++) {
			String sender = uniqueSender();
			String messageId = newMessageId();
			deliver(greenMail, aComplaint(sender, "Klacht " + i, "Het werkt niet.", messageId));
			await().atMost(WAIT).until(() -> repliesTo(sender, messageId).size() == 1);
			int placed = before + i + 1;
			await().atMost(WAIT).until(() -> sentNotices() >= placed);
		}
		List<String> appendedOver = proxy().commands()
			.stream()
			.filter((command) -> command.matches("\\d+ \\S+ APPEND .*"))
			.map((command) -> command.substring(0, command.indexOf(' ')))
			.distinct()
			.toList();
		assertThat(appendedOver).as("the connections the notices were appended over").hasSize(1);
	}

	private int sentNotices() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE kind = 'chair-notification' AND status = 'sent'")
			.query(Integer.class)
			.single();
	}

	/** The status of each notice of these complainants' cases. */
	private List<String> notices(String first, String second) {
		return ofCases("status", first, second);
	}

	private List<String> noticeIds(String first, String second) {
		return ofCases("message_id", first, second);
	}

	private List<String> ofCases(String column, String first, String second) {
		return this.jdbc
			.sql("SELECT " + column + " FROM outbox WHERE kind = 'chair-notification' AND complaint_id IN"
					+ " (SELECT id FROM complaint WHERE complainant_email IN (?, ?)) ORDER BY id")
			.params(first, second)
			.query(String.class)
			.list();
	}

}
