package nl.klachten.crash;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.klachten.realstack.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash harness's short form on Dovecot and Postfix (issue 12): N complaints from distinct
 * complainants ({@code klager11@example.org} onwards, users of {@code scripts/realstack}) are
 * handed to Postfix, which delivers them by LMTP into the committee's Dovecot INBOX (a mailbox of
 * this test's own, {@code crashtest@klikklaar.com}); the packaged jar,
 * reading over STARTTLS and sending through Postfix with SMTP AUTH and the servers' self-signed
 * certificate in its trust store, is SIGKILLed at random moments and restarted ({@link
 * CrashHarness}). Counted over IMAP afterwards: one acknowledgement (by Message-ID) in each
 * complainant's INBOX, each complaint once in {@code Klachten/Verwerkt}, the INBOX empty,
 * one notification per case in {@code Klachten/Meldingen}; and one case per complaint in the
 * register. The window that may double an acknowledgement is the one {@link CrashRecoveryIT}
 * describes: Postfix has queued the mail at the end of DATA.
 *
 * <p>{@code -Dcrash.real.mails} (at most 40) and {@code -Dcrash.real.kills} change the size.
 */
class CrashRecoveryRealServerIT {

	private static final String CHAIR = RealServers.CHAIR;

	/**
	 * The mailbox the processor reads here: its own, not the chair's, so that another real-server
	 * run on the same servers (which empties the chair's folders) cannot disturb the counts.
	 */
	private static final String MAILBOX = "crashtest@klikklaar.com";

	private static final String PROCESSED = "Klachten/Verwerkt";

	private static final String NOTICES = "Klachten/Meldingen";

	/** klager11..klager50: klager1..10 belong to the other real-server tests. */
	private static final int FIRST = 11;

	private static final int N = Math.min(Integer.getInteger("crash.real.mails", 36), 40);

	private static final int KILLS = Integer.getInteger("crash.real.kills", 2);

	private CrashHarness harness;

	@AfterEach
	void stop() {
		if (this.harness != null) {
			this.harness.close();
		}
	}

	@Test
	void sigkillAtRandomMomentsLosesAndDuplicatesNothingOnDovecotAndPostfix() throws Exception {
		RealServers.assumeRunning();
		RealServers.empty(MAILBOX, "INBOX", PROCESSED, NOTICES, "Klachten/Quarantaine");
		Map<String, String> complaintIdBySender = new HashMap<>();
		for (int i = 0; i < N; i++) {
			String sender = "klager" + (FIRST + i) + "@example.org";
			RealServers.empty(sender, "INBOX");
			String messageId = UUID.randomUUID() + "@mail.example.org";
			complaintIdBySender.put(sender, "<" + messageId + ">");
			RealServers.send(sender, MAILBOX, CrashHarness.complaint(i + 1, sender, CHAIR, messageId));
		}
		// Postfix delivers by LMTP a moment after it accepted the mail
		await("Postfix delivers the complaints").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> inbox(MAILBOX).size() == N);

		this.harness = new CrashHarness(List.of("--complaints.mailbox.imap.host=" + RealServers.HOST,
				"--complaints.mailbox.imap.port=" + RealServers.IMAP, "--complaints.mailbox.imap.security=starttls",
				"--complaints.mailbox.imap.username=" + MAILBOX, "--complaints.mailbox.imap.password=crash",
				"--complaints.mailbox.smtp.host=" + RealServers.HOST, "--complaints.mailbox.smtp.port=" + RealServers.SMTP,
				"--complaints.mailbox.smtp.security=starttls", "--complaints.mailbox.smtp.username=" + MAILBOX,
				"--complaints.mailbox.smtp.password=crash",
				"--complaints.mailbox.trust-store=" + RealServers.trustStore(),
				"--complaints.mailbox.trust-store-password=" + RealServers.TRUST_PASSWORD));
		this.harness.killRandomly(KILLS, () -> inbox(MAILBOX).size());
		this.harness.drain(N, () -> inbox(MAILBOX).isEmpty(),
				() -> System.out.printf("[crash]   INBOX holds %d%n", inbox(MAILBOX).size()));

		this.harness.assertRegister(N);
		CrashHarness.assertFiledOnce(complaintIdBySender.values(), RealServers.folder(MAILBOX, PROCESSED),
				RealServers.folder(MAILBOX, NOTICES));
		assertThat(inbox(MAILBOX)).as("the INBOX").isEmpty();
		// the outbox is empty once Postfix accepted the last acknowledgement; it delivers a moment later
		await("Postfix delivers the acknowledgements").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> complaintIdBySender.keySet().stream().noneMatch((sender) -> inbox(sender).isEmpty()));
		this.harness.assertAcknowledgedOnce(complaintIdBySender, CrashRecoveryRealServerIT::inbox, KILLS,
				RealServers.folder(MAILBOX, PROCESSED).size());
	}

	private static List<jakarta.mail.internet.MimeMessage> inbox(String address) {
		return RealServers.folder(address, "INBOX");
	}

}
