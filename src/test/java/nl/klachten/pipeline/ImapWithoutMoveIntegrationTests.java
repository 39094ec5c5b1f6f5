package nl.klachten.pipeline;

import java.time.Duration;

import nl.klachten.Application;
import nl.klachten.Holds;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server without {@code MOVE} but with UIDPLUS (issue 13, CONTRACT §4): mail is filed
 * by {@code UID COPY}, {@code UID STORE \Deleted} and {@code UID EXPUNGE} of its own
 * UIDs. When the connection is cut before the expunge, the copy is not made twice: the
 * mail carries our keyword, is not read again, and the retry only expunges it. On the old
 * code the re-read copied it into the processed folder a second time.
 */
@SpringBootTest(classes = Application.class)
class ImapWithoutMoveIntegrationTests extends ImapProxyIntegrationTest {

	static {
		withoutCapabilities("MOVE");
	}

	@Test
	void shouldCopyOnceAndExpungeByUidWhenTheExpungeIsCut() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		proxy().cutBefore("UID EXPUNGE");
		deliver(greenMail, aComplaint(sender, "Zonder MOVE", "De server kent geen MOVE.", messageId));

		awaitOneComplaintFrom(sender);
		await().atMost(WAIT).until(() -> copiesIn(PROCESSED, messageId) >= 1 && copiesIn("INBOX", messageId) == 0);
		Holds.during(Duration.ofSeconds(2), () -> {
			assertThat(copiesIn(PROCESSED, messageId)).as("copied once").isEqualTo(1);
			assertThat(copiesIn("INBOX", messageId)).isZero();
		});
		assertThat(proxy().commands()).noneMatch((line) -> line.toUpperCase().endsWith(" EXPUNGE"))
			.noneMatch((line) -> line.toUpperCase().contains(" MOVE "));
		assertThat(proxy().faults()).as("cut before the expunge").isEqualTo(1);
		assertThat(proxy().commands()).filteredOn((line) -> line.toUpperCase().contains(" UID EXPUNGE "))
			.as("cut, then tried again")
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(proxy().commands()).filteredOn((line) -> line.toUpperCase().contains(" UID COPY "))
			.as("copied once")
			.hasSize(1);
		assertThat(complaintsFrom(sender)).isEqualTo(1);
		await().atMost(WAIT).until(() -> repliesTo(sender, messageId).size() == 1);
	}

}
