package nl.klachten.crash;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process-level crash test (CONTRACT §4 "a crash at any point and a restart neither lose
 * nor duplicate a case or an acknowledgement"). A backlog of N complaints sits in the
 * chair's inbox of a GreenMail server in this JVM; the packaged jar is started against it
 * as a subprocess and killed with SIGKILL at random moments, restarted, and finally left
 * to finish ({@link CrashHarness}). The register and the mailboxes must then hold exactly
 * N cases, N acknowledgements and N notifications. {@code CrashFuzzRealServerIT} does
 * this on Dovecot and Postfix, with mixed mail and many more kills.
 *
 * <p>
 * One window is real and is not asserted away: the outbox marks a mail sent only after
 * the SMTP server accepted it ({@code OutboxSender.sendOne}: {@code send} then
 * {@code markSent}). A SIGKILL between the server's acceptance (GreenMail delivers at the
 * end of DATA, before even the 250 reply reaches the client) and the commit of
 * {@code markSent} makes the restarted process send that row again, with the same raw
 * bytes and so the same Message-ID. Each SMTP lane sends one mail at a time, so each kill
 * can duplicate at most one mail per lane (four by default, issue 15). The test therefore
 * asserts exactly one acknowledgement per complainant <em>by Message-ID</em>, that raw
 * duplicates never exceed the number of kills, and prints the raw duplicates it saw.
 *
 * <p>
 * The chair's notifications have no such window: they are placed in the notices folder by
 * IMAP {@code APPEND}, and the sender first asks the folder which Message-IDs it holds,
 * so a notice appended before a kill is marked sent, not appended again. Exactly N
 * notifications, raw.
 *
 * <p>
 * Seed: {@code -Dcrash.seed=...} to replay; printed on every run.
 */
class CrashRecoveryIT {

	private static final String CHAIR = "NCJansen@klikklaar.com";

	private static final String PROCESSED = "Klachten.Verwerkt";

	private static final String NOTICES = "Klachten.Meldingen";

	private static final int N = Integer.getInteger("crash.mails", 150);

	private static final int KILLS = Integer.getInteger("crash.kills", 3);

	private static final Session SESSION = Session.getInstance(new Properties());

	private GreenMail greenMail;

	private CrashHarness harness;

	@AfterEach
	void stop() {
		if (this.harness != null) {
			this.harness.close();
		}
		if (this.greenMail != null) {
			this.greenMail.stop();
		}
	}

	@Test
	void sigkillAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
		this.greenMail = CrashHarness.greenMail();
		this.harness = new CrashHarness(CrashHarness.mailboxOf(this.greenMail, CHAIR));
		GreenMailUser chair = this.greenMail.setUser(CHAIR, CHAIR, "chair");

		Map<String, String> complaintIdBySender = new HashMap<>();
		for (int i = 1; i <= N; i++) {
			String sender = String.format("klager-%03d-%s@example.org", i,
					UUID.randomUUID().toString().substring(0, 6));
			String messageId = UUID.randomUUID() + "@mail.example.org";
			complaintIdBySender.put(sender, "<" + messageId + ">");
			chair.deliver(new MimeMessage(SESSION, new ByteArrayInputStream(
					CrashHarness.complaint(i, sender, CHAIR, messageId).getBytes(StandardCharsets.UTF_8))));
		}
		assertThat(folder(chair, "INBOX")).hasSize(N);

		this.harness.killRandomly(KILLS, () -> folder(chair, "INBOX").size());
		this.harness.drain(N, () -> folder(chair, "INBOX").isEmpty(), () -> dumpInbox(chair));

		this.harness.assertRegister(N);
		CrashHarness.assertFiledOnce(complaintIdBySender.values(), folder(chair, PROCESSED), folder(chair, NOTICES));
		assertThat(folder(chair, "INBOX")).isEmpty();
		this.harness.assertAcknowledgedOnce(complaintIdBySender, (sender) -> {
			GreenMailUser user = this.greenMail.getUserManager().getUserByEmail(sender);
			assertThat(user).as("mailbox of " + sender).isNotNull();
			return folder(user, "INBOX");
		}, KILLS, folder(chair, PROCESSED).size());
	}

	/**
	 * On a timeout: what is stuck in the inbox, so a failure can be diagnosed from the
	 * report alone.
	 */
	private void dumpInbox(GreenMailUser chair) {
		MailFolder inbox = this.greenMail.getManagers().getImapHostManager().getFolder(chair, "INBOX");
		System.out.printf("[crash]   inbox=%d%n", inbox.getMessageCount());
		for (StoredMessage m : inbox.getMessages()) {
			try {
				System.out.printf("[crash]   uid=%d flags=%s id=%s subject=%s%n", m.getUid(), m.getFlags(),
						m.getMimeMessage().getMessageID(), m.getMimeMessage().getSubject());
			}
			catch (MessagingException ex) {
				System.out.println("[crash]   uid=" + m.getUid() + " unreadable: " + ex);
			}
		}
	}

	private List<MimeMessage> folder(GreenMailUser user, String name) {
		return CrashHarness.folder(this.greenMail, user, name);
	}

}
