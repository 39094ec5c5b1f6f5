package nl.klachten.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.mailbox.FaultyImapProxy;
import nl.klachten.mailbox.InboxReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.QUARANTINE;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The IMAP server fails under the processor (issue 13; R9, CONTRACT §4: nothing lost,
 * nothing twice): the connection cut in the middle of a body and of a {@code UID MOVE}, a
 * {@code MOVE} refused over quota for a while, a body answered as NIL, the inbox's
 * UIDVALIDITY changed between read and filing, and the server down for a while. Every
 * fault is a {@link FaultyImapProxy} script between the processor and GreenMail. One mail
 * per read ({@code batch-size=1}), so "the oldest batch" is one mail and newer mail is
 * plainly behind it.
 */
@SpringBootTest(classes = Application.class,
		properties = { "complaints.intake.batch-size=1", "complaints.intake.max-message-size=64KB" })
class ImapFaultIntegrationTests extends ImapProxyIntegrationTest {

	@Autowired
	@Qualifier("imapHealthIndicator")
	HealthIndicator imapHealth;

	@Autowired
	InboxReader reader;

	/**
	 * Cut after 100 bytes of the body: read again after the reconnect, one case, one
	 * acknowledgement.
	 */
	@Test
	void shouldProcessMailOnceWhenTheConnectionIsCutInTheMiddleOfItsBody() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		String marker = "CUT-IN-BODY-" + messageId;
		int faults = proxy().faults();
		proxy().cutInBodyOf(marker, 100);
		deliver(greenMail, aComplaint(sender, "Afgebroken", marker + "\nDe verbinding viel weg.", messageId));

		awaitOneComplaintFrom(sender);
		assertThat(proxy().faults()).as("cut in the body").isEqualTo(faults + 1);
		await().atMost(WAIT).until(() -> copiesIn(PROCESSED, messageId) == 1 && copiesIn("INBOX", messageId) == 0);
		await().atMost(WAIT).until(() -> repliesTo(sender, messageId).size() == 1);
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(complaintsFrom(sender)).isEqualTo(1);
			assertThat(repliesTo(sender, messageId)).as("one acknowledgement").hasSize(1);
			assertThat(inboundRows(messageId)).hasSize(1);
		});
	}

	/**
	 * A quarantined mail (over the size limit, keyed by its bytes) whose {@code UID MOVE}
	 * is cut before the server saw it: it is filed once the connection is back, recorded
	 * once, and the complaint behind it is processed. On the old code the re-read tried
	 * to record the same quarantined mail again, failed the batch, and nothing behind it
	 * was ever read.
	 */
	@Test
	void shouldLoseNothingWhenTheConnectionIsCutAtTheMove() throws Exception {
		String bigId = newMessageId();
		String big = aComplaint(uniqueSender(), "Lang", "Een hele lange klacht. ".repeat(4000), bigId);
		int faults = proxy().faults();
		proxy().moveFault(FaultyImapProxy.MoveFault.CUT_BEFORE);
		deliver(greenMail, big);
		String sender = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail, aComplaint(sender, "Achter de grote", "Deze komt erachter.", messageId));

		awaitOneComplaintFrom(sender);
		await().atMost(WAIT).until(() -> copiesIn(QUARANTINE, bigId) == 1 && copiesIn(PROCESSED, messageId) == 1);
		await().atMost(WAIT).until(() -> repliesTo(sender, messageId).size() == 1);
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(copiesIn("INBOX", bigId) + copiesIn("INBOX", messageId)).isZero();
			assertThat(copiesIn(QUARANTINE, bigId)).isEqualTo(1);
			assertThat(copiesIn(PROCESSED, messageId)).isEqualTo(1);
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE reason = 'oversize'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(repliesTo(sender, messageId)).hasSize(1);
		assertThat(proxy().faults()).as("cut at the move").isEqualTo(faults + 1);
	}

	/**
	 * The server moved the mail but the connection was cut before its answer: filed once,
	 * one case.
	 */
	@Test
	void shouldFileOnceWhenTheConnectionIsCutAfterTheServerMoved() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		int faults = proxy().faults();
		proxy().moveFault(FaultyImapProxy.MoveFault.CUT_AFTER);
		deliver(greenMail, aComplaint(sender, "Verplaatst", "Verplaatst zonder antwoord.", messageId));

		awaitOneComplaintFrom(sender);
		await().atMost(WAIT).until(() -> copiesIn(PROCESSED, messageId) == 1 && copiesIn("INBOX", messageId) == 0);
		await().atMost(WAIT).until(() -> this.reader.filings().waiting() == 0);
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(copiesIn(PROCESSED, messageId)).isEqualTo(1);
			assertThat(repliesTo(sender, messageId)).hasSize(1);
			assertThat(inboundRows(messageId)).hasSize(1);
		});
		assertThat(proxy().faults()).as("cut after the move").isEqualTo(faults + 1);
	}

	/**
	 * {@code NO [OVERQUOTA]} to every {@code UID MOVE} for a while: the mail read waits
	 * to be filed, is tried again with a backoff (not at every poll), health shows it,
	 * newer mail is still read and registered, and everything is filed once the refusal
	 * stops. On the old code the oldest mail was read and refused at every poll and the
	 * newer one never reached a case.
	 */
	@Test
	void shouldReadNewerMailAndRetryWithBackoffWhileMoveIsRefused() throws Exception {
		proxy().moveFault(FaultyImapProxy.MoveFault.OVERQUOTA);
		int movesBefore = proxy().moveCommands();
		String first = uniqueSender();
		String firstId = newMessageId();
		deliver(greenMail, aComplaint(first, "Vol", "De eerste, de map is vol.", firstId));
		awaitOneComplaintFrom(first);
		String second = uniqueSender();
		String secondId = newMessageId();
		deliver(greenMail, aComplaint(second, "Nog voller", "De tweede, erachter.", secondId));
		awaitOneComplaintFrom(second);

		await().atMost(WAIT).until(() -> this.reader.filings().waiting() == 2);
		await().atMost(WAIT).until(() -> this.imapHealth.health().getStatus().equals(Status.DOWN));
		Map<String, Object> details = this.imapHealth.health().getDetails();
		assertThat(details).containsEntry("mailsWaitingToBeFiled", 2)
			.containsEntry("lastFilingError", "CommandFailedException");
		assertThat(details.get("filingFailingSince")).isNotEqualTo("null");
		assertThat(copiesIn("INBOX", firstId) + copiesIn("INBOX", secondId)).isEqualTo(2);
		// tries 1 s, 2 s, 4 s apart: a handful in these seconds, not one per 100 ms poll
		int moves = proxy().moveCommands() - movesBefore;
		assertThat(moves).isLessThan(12);

		proxy().moveFault(FaultyImapProxy.MoveFault.NONE);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> copiesIn(PROCESSED, firstId) == 1 && copiesIn(PROCESSED, secondId) == 1);
		await().atMost(WAIT).until(() -> this.imapHealth.health().getStatus().equals(Status.UP));
		assertThat(this.imapHealth.health().getDetails()).doesNotContainKey("mailsWaitingToBeFiled");
		assertThat(copiesIn("INBOX", firstId) + copiesIn("INBOX", secondId)).isZero();
		assertThat(repliesTo(first, firstId)).hasSize(1);
		assertThat(repliesTo(second, secondId)).hasSize(1);
	}

	/**
	 * A body the server answers as NIL: quarantined with reason {@code no-body}, never
	 * skipped, no loop.
	 */
	@Test
	void shouldQuarantineMailWhoseBodyComesBackNil() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		String marker = "NIL-BODY-" + messageId;
		proxy().nilBodyOf(marker);
		deliver(greenMail, aComplaint(sender, "Leeg", marker + "\nDe server geeft niets.", messageId));
		String after = uniqueSender();
		String afterId = newMessageId();
		deliver(greenMail, aComplaint(after, "Erna", "Deze komt gewoon aan.", afterId));

		await().atMost(WAIT).until(() -> copiesIn(QUARANTINE, messageId) == 1);
		awaitOneComplaintFrom(after);
		assertNoBodyQuarantine(sender, messageId);
		assertThat(proxy().faults()).as("answered NIL").isGreaterThan(0);
	}

	/**
	 * A FETCH answer without the body asked for: quarantined with reason {@code no-body}
	 * as well.
	 */
	@Test
	void shouldQuarantineMailWhoseBodyTheServerLeavesOut() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		String marker = "NO-BODY-" + messageId;
		int faults = proxy().faults();
		proxy().dropBodyOf(marker);
		deliver(greenMail, aComplaint(sender, "Zonder inhoud", marker + "\nDe server laat de inhoud weg.", messageId));
		String after = uniqueSender();
		deliver(greenMail, aComplaint(after, "Erna", "Deze komt gewoon aan.", newMessageId()));

		await().atMost(WAIT).until(() -> copiesIn(QUARANTINE, messageId) == 1);
		awaitOneComplaintFrom(after);
		assertNoBodyQuarantine(sender, messageId);
		assertThat(proxy().faults()).as("body left out").isGreaterThan(faults);
	}

	private void assertNoBodyQuarantine(String sender, String messageId) {
		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT outcome, reason, size FROM inbound_mail WHERE reason = 'no-body' ORDER BY id DESC")
			.query()
			.listOfRows();
		assertThat(rows).isNotEmpty();
		assertThat(rows.get(0)).containsEntry("outcome", "quarantined");
		assertThat(((Number) rows.get(0).get("size")).intValue()).isZero();
		assertThat(complaintsFrom(sender)).isZero();
		assertThat(repliesTo(sender, messageId)).isEmpty();
		assertThat(copiesIn("INBOX", messageId)).isZero();
	}

	/**
	 * The inbox's UIDVALIDITY changes between the read and the filing (the connection is
	 * cut right after the body fetch, the next SELECT reports another UIDVALIDITY): the
	 * old UIDs are not moved, the mail is read again under the new UIDVALIDITY and filed
	 * once, one case. On the old code the new connection moved the UIDs of the old read
	 * at once.
	 */
	@Test
	void shouldNotFileByUidsOfAnotherUidValidity() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		String marker = "UIDVALIDITY-" + messageId;
		AtomicInteger shiftedAt = new AtomicInteger(Integer.MAX_VALUE);
		proxy().afterFetchOf(marker, () -> {
			shiftedAt.set(proxy().connectionAttempts());
			proxy().shiftUidValidity(1000);
			proxy().cutAll();
		});
		deliver(greenMail, aComplaint(sender, "Nieuwe UIDs", marker + "\nDe UIDVALIDITY verandert.", messageId));

		awaitOneComplaintFrom(sender);
		await().atMost(WAIT).until(() -> copiesIn(PROCESSED, messageId) == 1 && copiesIn("INBOX", messageId) == 0);
		assertThat(shiftedAt.get()).isLessThan(Integer.MAX_VALUE);
		// on every connection made after the change, no UID MOVE before a read of the
		// inbox's bodies
		Map<Integer, Boolean> read = new HashMap<>();
		List<String> early = new ArrayList<>();
		Set<Integer> moved = new HashSet<>();
		for (String line : proxy().commands()) {
			int connection = Integer.parseInt(line.substring(0, line.indexOf(' ')));
			String command = line.substring(line.indexOf(' ') + 1).toUpperCase();
			if (connection <= shiftedAt.get()) {
				continue;
			}
			if (command.contains(" UID FETCH ") && command.contains("BODY.PEEK[]")) {
				read.put(connection, true);
			}
			if (command.contains(" UID MOVE ")) {
				moved.add(connection);
				if (!read.getOrDefault(connection, false)) {
					early.add(line);
				}
			}
		}
		assertThat(moved).isNotEmpty();
		assertThat(early).as("moves by the UIDs of the old UIDVALIDITY").isEmpty();
		assertThat(complaintsFrom(sender)).isEqualTo(1);
		await().atMost(WAIT).until(() -> repliesTo(sender, messageId).size() == 1);
		assertThat(inboundRows(messageId)).hasSize(1);
	}

	/**
	 * The server down for a while (every connection refused): reads back off instead of
	 * looping (few connection attempts), health goes DOWN, and the mail that arrived
	 * meanwhile is read once the server is back. Extends
	 * {@link ImapOutageIntegrationTests}, which starts with the server down, to an outage
	 * while running.
	 */
	@Test
	void shouldBackOffShowDownAndCatchUpWhenTheServerIsDownForAWhile() throws Exception {
		await().atMost(WAIT).until(() -> this.imapHealth.health().getStatus().equals(Status.UP));
		int before = proxy().connectionAttempts();
		proxy().refuseConnections(true);
		String sender = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail, aComplaint(sender, "Tijdens de storing", "De server is weg.", messageId));

		await().atMost(WAIT).until(() -> this.imapHealth.health().getStatus().equals(Status.DOWN));
		Holds.during(Duration.ofSeconds(3), () -> {
			assertThat(complaintsFrom(sender)).isZero();
			// every poll is 100 ms apart: a loop would have tried a hundred times by now
			assertThat(proxy().connectionAttempts() - before).as("connection attempts while down").isLessThan(25);
		});
		assertThat(this.imapHealth.health().getDetails()).containsKey("lastError");

		proxy().refuseConnections(false);
		awaitOneComplaintFrom(sender);
		await().atMost(WAIT).until(() -> copiesIn(PROCESSED, messageId) == 1);
		await().atMost(WAIT).until(() -> this.imapHealth.health().getStatus().equals(Status.UP));
		assertThat(repliesTo(sender, messageId)).hasSize(1);
	}

}
