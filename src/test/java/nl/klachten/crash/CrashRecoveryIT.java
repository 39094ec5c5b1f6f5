package nl.klachten.crash;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Process-level crash test (CONTRACT §4 "a crash at any point and a restart neither lose nor
 * duplicate a case or an acknowledgement"). A backlog of N complaints sits in the chair's inbox
 * of a GreenMail server in this JVM; the packaged jar is started against it as a subprocess and
 * killed with SIGKILL at random moments, restarted, and finally left to finish. The register and
 * the mailboxes must then hold exactly N cases, N acknowledgements and N notifications.
 *
 * <p>One window is real and is not asserted away: the outbox marks a mail sent only after the
 * SMTP server accepted it ({@code OutboxSender.sendOne}: {@code send} then {@code markSent}). A
 * SIGKILL between the server's acceptance (GreenMail delivers at the end of DATA, before even the
 * 250 reply reaches the client) and the commit of {@code markSent} makes the restarted process
 * send that row again, with the same raw bytes and so the same Message-ID. Sending is sequential
 * over one connection, so each kill can duplicate at most one mail. The test therefore asserts
 * exactly one acknowledgement per complainant <em>by Message-ID</em>, that raw duplicates never
 * exceed the number of kills, and prints the raw duplicates it saw.
 *
 * <p>The chair's notifications have no such window: they are placed in the notices folder by IMAP
 * {@code APPEND}, and the sender first asks the folder which Message-IDs it holds, so a notice
 * appended before a kill is marked sent, not appended again. Exactly N notifications, raw.
 *
 * <p>Seed: {@code -Dcrash.seed=...} to replay; printed on every run.
 */
class CrashRecoveryIT {

	private static final String CHAIR = "NCJansen@klikklaar.com";

	private static final String PROCESSED = "Klachten.Verwerkt";

	private static final String NOTICES = "Klachten.Meldingen";

	private static final int N = Integer.getInteger("crash.mails", 150);

	private static final int KILLS = Integer.getInteger("crash.kills", 3);

	private static final Session SESSION = Session.getInstance(new Properties());

	private GreenMail greenMail;

	private Process process;

	@AfterEach
	void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
		}
		if (this.greenMail != null) {
			this.greenMail.stop();
		}
	}

	@Test
	void sigkillAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
		Path jar = Path.of("target", "complaints.jar").toAbsolutePath();
		assumeTrue(Files.isRegularFile(jar), "target/complaints.jar missing; run mvn package first");
		long started = System.nanoTime();
		long seed = Long.getLong("crash.seed", System.nanoTime());
		System.out.println("[crash] seed=" + seed + " (replay with -Dcrash.seed=" + seed + ")");
		Random random = new Random(seed);

		// one "Created user" line per complainant is noise here
		if (org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail") instanceof ch.qos.logback.classic.Logger gm) {
			gm.setLevel(ch.qos.logback.classic.Level.WARN);
		}
		this.greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
		this.greenMail.start();
		GreenMailUser chair = this.greenMail.setUser(CHAIR, CHAIR, "chair");

		Map<String, String> complaintIdBySender = new HashMap<>();
		for (int i = 1; i <= N; i++) {
			String sender = String.format("klager-%03d-%s@example.org", i, UUID.randomUUID().toString().substring(0, 6));
			String messageId = UUID.randomUUID() + "@mail.example.org";
			complaintIdBySender.put(sender, "<" + messageId + ">");
			chair.deliver(message(complaint(i, sender, messageId)));
		}
		assertThat(folder(chair, "INBOX")).hasSize(N);

		Path dir = Files.createTempDirectory("crash-register-");
		Path db = dir.resolve("register.db");
		Path log = Path.of("target", "crash-it", "processor-" + seed + ".log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString(), "--complaints.mailbox.imap.host=127.0.0.1",
				"--complaints.mailbox.imap.port=" + this.greenMail.getImap().getPort(),
				"--complaints.mailbox.imap.username=" + CHAIR, "--complaints.mailbox.imap.password=chair",
				"--complaints.mailbox.smtp.host=127.0.0.1", "--complaints.mailbox.imap.security=none",
				"--complaints.mailbox.smtp.security=none",
				"--complaints.mailbox.smtp.port=" + this.greenMail.getSmtp().getPort(),
				"--complaints.register.path=" + db, "--complaints.intake.poll-interval=500ms",
				// the processor runs on the wall clock: a digest that never falls due keeps the
				// folder counts below the same at any time of day (31 February)
				"--complaints.digest.cron=0 0 0 31 2 *",
				// a random management port: the default 8081 may be taken by another processor
				"--management.server.port=0",
				// small batches: more commit/file/send boundaries for a kill to fall between
				"--complaints.intake.batch-size=" + Integer.getInteger("crash.batch", 10));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));

		for (int k = 1; k <= KILLS; k++) {
			long startsBefore = starts(log);
			this.process = builder.start();
			// the JVM needs seconds to start; kill at a random moment after it started working
			// GreenMail's handler thread throws when a killed processor drops its IMAP connection:
			// expected here, and no reason for Awaitility to fail the wait
			await("processor start " + k).atMost(Duration.ofSeconds(60))
				.dontCatchUncaughtExceptions()
				.pollInterval(Duration.ofMillis(20))
				.until(() -> starts(log) > startsBefore || !this.process.isAlive());
			long delay = 300 + random.nextInt(2201);
			Thread.sleep(delay);
			this.process.destroyForcibly();
			this.process.waitFor();
			System.out.printf("[crash] kill %d at %d ms after 'Started Application': inbox=%d complaints=%s outbox(pending/sent)=%s%n", k, delay,
					folder(chair, "INBOX").size(), scalar(db, "SELECT count(*) FROM complaint"),
					scalar(db, "SELECT count(*) FROM outbox WHERE status='pending'") + "/"
							+ scalar(db, "SELECT count(*) FROM outbox WHERE status='sent'"));
		}

		this.process = builder.start();
		try {
			await("processor drains the inbox and the outbox").atMost(Duration.ofSeconds(75))
				.dontCatchUncaughtExceptions()
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> {
					assertThat(this.process.isAlive()).as("processor alive, see " + log).isTrue();
					long complaints = Long.parseLong(scalar(db, "SELECT count(*) FROM complaint"));
					long pending = Long.parseLong(scalar(db, "SELECT count(*) FROM outbox WHERE status='pending'"));
					return complaints == N && pending == 0 && folder(chair, "INBOX").isEmpty();
				});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			dumpInbox(chair, db);
			throw ex;
		}
		this.process.destroy();
		if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}

		// --- the register
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
			assertThat(count(s, "SELECT count(*) FROM complaint")).as("complaint rows").isEqualTo(N);
			assertThat(count(s, "SELECT count(DISTINCT reference) FROM complaint")).as("distinct references")
				.isEqualTo(N);
			TreeSet<Integer> sequences = new TreeSet<>();
			try (ResultSet rs = s.executeQuery("SELECT reference FROM complaint")) {
				while (rs.next()) {
					String ref = rs.getString(1);
					sequences.add(Integer.parseInt(ref.substring(ref.lastIndexOf('-') + 1)));
				}
			}
			assertThat(sequences).as("sequences 1..N, no gaps").hasSize(N);
			assertThat(sequences.first()).isEqualTo(1);
			assertThat(sequences.last()).isEqualTo(N);
			assertThat(count(s, "SELECT count(*) FROM inbound_mail WHERE outcome='case'")).as("inbound case rows")
				.isEqualTo(N);
			assertThat(count(s, "SELECT count(DISTINCT complainant_email) FROM complaint")).isEqualTo(N);
			assertThat(count(s, "SELECT count(*) FROM outbox WHERE status='pending'")).as("outbox pending").isZero();
			assertThat(count(s, "SELECT count(*) FROM outbox WHERE status='failed'")).as("outbox failed").isZero();
			assertThat(count(s, "SELECT count(*) FROM outbox")).as("outbox rows (ack + notification per case)")
				.isEqualTo(2L * N);
			System.out.printf("[crash] register: complaints=%d inbound(case/ignored/quarantined)=%d/%d/%d outbox=%d%n",
					count(s, "SELECT count(*) FROM complaint"),
					count(s, "SELECT count(*) FROM inbound_mail WHERE outcome='case'"),
					count(s, "SELECT count(*) FROM inbound_mail WHERE outcome='ignored'"),
					count(s, "SELECT count(*) FROM inbound_mail WHERE outcome='quarantined'"),
					count(s, "SELECT count(*) FROM outbox"));
		}

		// --- acknowledgements, one per complainant
		int rawAcks = 0;
		List<String> duplicatedAcks = new ArrayList<>();
		for (String sender : complaintIdBySender.keySet()) {
			GreenMailUser user = this.greenMail.getUserManager().getUserByEmail(sender);
			assertThat(user).as("mailbox of " + sender).isNotNull();
			List<MimeMessage> inbox = folder(user, "INBOX");
			Set<String> ids = new HashSet<>();
			for (MimeMessage m : inbox) {
				ids.add(m.getMessageID());
				assertThat(m.getHeader("In-Reply-To", ",")).isEqualTo(complaintIdBySender.get(sender));
			}
			assertThat(ids).as("distinct acknowledgements to " + sender).hasSize(1);
			rawAcks += inbox.size();
			if (inbox.size() > 1) {
				duplicatedAcks.add(sender + " x" + inbox.size());
			}
		}

		// --- the processed folder: the N complaints; the notices folder: the N notifications
		List<MimeMessage> processed = folder(chair, PROCESSED);
		Set<String> complaintIds = new HashSet<>(complaintIdBySender.values());
		int complaintsFiled = 0;
		for (MimeMessage m : processed) {
			if (complaintIds.contains(m.getMessageID())) {
				complaintsFiled++;
			}
		}
		int notifications = 0;
		Set<String> notificationIds = new HashSet<>();
		Set<String> notificationRefs = new HashSet<>();
		for (MimeMessage m : folder(chair, NOTICES)) {
			notifications++;
			notificationIds.add(m.getMessageID());
			notificationRefs.add(m.getHeader("X-Complaint-Reference", ","));
		}
		assertThat(complaintsFiled).as("complaints in " + PROCESSED).isEqualTo(N);
		assertThat(processed).as("nothing else in " + PROCESSED).hasSize(N);
		assertThat(notificationIds).as("distinct chair notifications").hasSize(N);
		assertThat(notificationRefs).as("notifications name N distinct cases").hasSize(N);
		assertThat(notifications).as("raw notifications in " + NOTICES + ": placed once, also across kills")
			.isEqualTo(N);
		assertThat(folder(chair, "INBOX")).isEmpty();

		int duplicates = rawAcks - N;
		System.out.printf("[crash] RESULT seed=%d kills=%d N=%d acks(raw/distinct)=%d/%d notifications(raw/distinct)=%d/%d "
				+ "processed-folder=%d (complaints %d) notices-folder=%d raw-duplicates=%d %s duration=%.1fs%n", seed,
				KILLS, N, rawAcks, N, notifications, notificationIds.size(), processed.size(), complaintsFiled,
				notifications, duplicates, duplicatedAcks, (System.nanoTime() - started) / 1e9);
		assertThat(duplicates).as("raw duplicates (send accepted, killed before markSent) are at most one per kill")
			.isLessThanOrEqualTo(KILLS);
	}

	/** On a timeout: what is stuck in the inbox, so a failure can be diagnosed from the report alone. */
	private void dumpInbox(GreenMailUser chair, Path db) {
		MailFolder inbox = this.greenMail.getManagers().getImapHostManager().getFolder(chair, "INBOX");
		System.out.printf("[crash] TIMEOUT: complaints=%s pending=%s inbox=%d%n",
				scalar(db, "SELECT count(*) FROM complaint"),
				scalar(db, "SELECT count(*) FROM outbox WHERE status='pending'"), inbox.getMessageCount());
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

	private static String complaint(int i, String from, String messageId) {
		return "From: Klager " + i + " <" + from + ">\r\nTo: " + CHAIR + "\r\nSubject: Klacht nummer " + i
				+ " over de levering\r\nDate: " + new java.text.SimpleDateFormat("EEE, d MMM yyyy HH:mm:ss Z",
						java.util.Locale.ENGLISH).format(java.util.Date.from(java.time.Instant.parse("2026-11-30T09:00:00Z")))
				+ "\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ "Geachte commissie,\r\n\r\nMijn bestelling " + i + " is beschadigd aangekomen en niemand reageert."
				+ "\r\n\r\nMet vriendelijke groet,\r\nKlager " + i + "\r\n";
	}

	private static MimeMessage message(String raw) throws MessagingException {
		return new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
	}

	private List<MimeMessage> folder(GreenMailUser user, String name) {
		MailFolder folder = this.greenMail.getManagers().getImapHostManager().getFolder(user, name);
		return folder == null ? List.of() : folder.getMessages().stream().map(StoredMessage::getMimeMessage).toList();
	}

	private static long starts(Path log) throws IOException {
		if (!Files.exists(log)) {
			return 0;
		}
		try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
			return lines.filter((l) -> l.contains("Started Application")).count();
		}
	}

	private static long count(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** A value from the register, or "-" while it does not exist yet (read-only, never creates the file). */
	private static String scalar(Path db, String sql) {
		if (!Files.exists(db)) {
			return "-";
		}
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
				Statement s = c.createStatement()) {
			s.setQueryTimeout(5);
			return String.valueOf(count(s, sql));
		}
		catch (SQLException ex) {
			return "-";
		}
	}

}
