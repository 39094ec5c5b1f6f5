package nl.klachten.pipeline;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailFixtures;
import nl.klachten.mailbox.ImapMailbox;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFlags;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server with neither {@code MOVE} nor UIDPLUS (issue 13, CONTRACT §4): a plain
 * {@code EXPUNGE} would remove every mail marked deleted in the chair's inbox, also one
 * the chair's own client marked that the processor has not read yet. The processor never
 * sends it: filed mail stays {@code \Deleted} with our keyword and is not read again, and
 * the chair's mail is read. One mail per read, so the chair's mail is still unread when
 * the first one is filed; on the old code that filing expunged it unread.
 */
@SpringBootTest(classes = Application.class, properties = "complaints.intake.batch-size=1")
class ImapWithoutUidplusIntegrationTests extends ImapProxyIntegrationTest {

	static {
		withoutCapabilities("MOVE", "UIDPLUS");
	}

	@Test
	void shouldNeverExpungeWhatTheChairMarkedDeleted() throws Exception {
		String first = uniqueSender();
		String firstId = newMessageId();
		String chairs = uniqueSender();
		String chairsId = newMessageId();
		proxy().refuseConnections(true);
		deliver(greenMail, aComplaint(first, "Eerst", "De eerste klacht.", firstId));
		appendMarkedDeleted(aComplaint(chairs, "Door de voorzitter gewist", "Al gelezen en gewist.", chairsId));
		proxy().refuseConnections(false);

		awaitOneComplaintFrom(first);
		awaitOneComplaintFrom(chairs);
		await().atMost(WAIT).until(() -> copiesIn(PROCESSED, firstId) == 1 && copiesIn(PROCESSED, chairsId) == 1);
		Holds.during(Duration.ofSeconds(2), () -> {
			// both stay in the inbox, marked deleted and ours; each copied once and read
			// once
			assertThat(chairFlags(greenMail, "INBOX")).hasSize(2).allSatisfy((id, flags) -> {
				assertThat(flags.contains(Flags.Flag.DELETED)).isTrue();
				assertThat(flags.contains(ImapMailbox.FILED_KEYWORD)).isTrue();
			});
			assertThat(copiesIn(PROCESSED, firstId)).isEqualTo(1);
			assertThat(copiesIn(PROCESSED, chairsId)).isEqualTo(1);
		});
		assertThat(inboundRows(firstId)).hasSize(1);
		assertThat(inboundRows(chairsId)).hasSize(1);
		assertThat(proxy().commands()).noneMatch((line) -> line.toUpperCase().contains("EXPUNGE"));
	}

	/**
	 * As the chair's own mail client leaves a mail it deleted: in the inbox with
	 * {@code \Deleted}.
	 */
	private static void appendMarkedDeleted(String raw) throws Exception {
		Session session = Session.getInstance(new Properties());
		Store store = session.getStore("imap");
		store.connect("127.0.0.1", greenMail.getImap().getPort(), CHAIR, "chair");
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_WRITE);
			MimeMessage message = MailFixtures.message(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			message.setFlag(Flags.Flag.DELETED, true);
			inbox.appendMessages(new MimeMessage[] { message });
			inbox.close(false);
		}
		finally {
			store.close();
		}
	}

}
