package nl.klachten.crash;

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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.PostgresRegisterCustomizerFactory;
import nl.klachten.register.RegisterSettings;
import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the crash tests share, whatever mail server they run against: the packaged jar
 * started as a child process with a fresh register, SIGKILLed at random moments after it
 * started working and restarted, then left to drain; and the checks that every complaint
 * ended exactly once in the register, the complainants' inboxes and the chair's folders.
 * The seed is printed on every run and replayed with {@code -Dcrash.seed=...}.
 */
final class CrashHarness implements AutoCloseable {

	final long seed;

	final Path db;

	final Path log;

	private final long started = System.nanoTime();

	private final Random random;

	private final ProcessBuilder builder;

	private Process process;

	private volatile int killed;

	/** The tenant whose register the checks read, or null for the run's own. */
	private volatile String tenant;

	/** The PostgreSQL register's settings, or null for the SQLite file. */
	private final Map<String, Object> postgresql;

	/**
	 * A harness for the jar with these mailbox arguments (host, ports, users, security)
	 * added to the ones every crash run needs.
	 */
	CrashHarness(List<String> mailboxArguments) throws IOException {
		Path jar = Path.of("target", "complaints.jar").toAbsolutePath();
		assumeTrue(Files.isRegularFile(jar), "target/complaints.jar missing; run mvn package first");
		this.seed = Long.getLong("crash.seed", System.nanoTime());
		System.out.println("[crash] seed=" + this.seed + " (replay with -Dcrash.seed=" + this.seed + ")");
		this.random = new Random(this.seed);
		this.db = Files.createTempDirectory("crash-register-").resolve("register.db");
		this.log = Path.of("target", "crash-it", "processor-" + this.seed + ".log").toAbsolutePath();
		Files.createDirectories(this.log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
		command.addAll(mailboxArguments);
		String database = System.getProperty(PostgresRegisterCustomizerFactory.PROPERTY);
		this.postgresql = database == null || database.isBlank() ? null
				: PostgresRegisterCustomizerFactory.register(database);
		if (this.postgresql != null) {
			this.postgresql.forEach((key, value) -> command.add("--" + key + "=" + value));
		}
		command.addAll(List.of("--complaints.register.path=" + this.db, "--complaints.intake.poll-interval=500ms",
				// the processor runs on the wall clock: a digest that never falls due
				// keeps the
				// folder counts the same at any time of day (31 February)
				"--complaints.digest.cron=0 0 0 31 2 *",
				// a random management port: the default 8081 may be taken by another
				// processor
				"--management.server.port=0",
				// small batches: more commit/file/send boundaries for a kill to fall
				// between
				"--complaints.intake.batch-size=" + Integer.getInteger("crash.batch", 10)));
		this.builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
	}

	/**
	 * Starts the processor and SIGKILLs it a random 0.3 to 2.5 s (up to
	 * {@code -Dcrash.kill.max-ms}) after it started working, this many times;
	 * {@code inbox} describes the chair's inbox after each kill for the report.
	 */
	void killRandomly(int kills, Supplier<Integer> inbox) throws IOException, InterruptedException {
		for (int k = 1; k <= kills; k++) {
			long startsBefore = starts();
			this.process = this.builder.start();
			// the JVM needs seconds to start; a killed processor's dropped IMAP
			// connection may make
			// an in-JVM server's handler thread throw: no reason for Awaitility to fail
			// the wait
			await("processor start " + k).atMost(Duration.ofSeconds(60))
				.dontCatchUncaughtExceptions()
				.pollInterval(Duration.ofMillis(20))
				.until(() -> starts() > startsBefore || !this.process.isAlive());
			long delay = 300 + this.random.nextInt(Integer.getInteger("crash.kill.max-ms", 2500) - 299);
			Thread.sleep(delay);
			this.process.destroyForcibly();
			this.process.waitFor();
			this.killed = k;
			System.out.printf(
					"[crash] kill %d at %d ms after 'Started ComplaintsCli': inbox=%d complaints=%s outbox(pending/sent)=%s%n",
					k, delay, inbox.get(), scalar("SELECT count(*) FROM complaint"),
					scalar("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')") + "/"
							+ scalar("SELECT count(*) FROM outbox WHERE status='sent'"));
		}
	}

	/**
	 * Starts the processor a last time, waits until it registered all {@code n}
	 * complaints, sent everything in the outbox and {@code inboxEmpty} holds, then stops
	 * it gracefully; {@code
	 * onTimeout} tells what is stuck before the wait fails.
	 */
	void drain(int n, Callable<Boolean> inboxEmpty, Runnable onTimeout) throws IOException, InterruptedException {
		drain(() -> {
			long complaints = Long.parseLong(scalar("SELECT count(*) FROM complaint"));
			long pending = Long.parseLong(scalar("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')"));
			return complaints == n && pending == 0 && inboxEmpty.call();
		}, Duration.ofSeconds(75), onTimeout);
	}

	/**
	 * Starts the processor a last time, waits at most {@code atMost} until {@code done}
	 * holds, then stops it gracefully; {@code onTimeout} tells what is stuck before the
	 * wait fails.
	 */
	void drain(Callable<Boolean> done, Duration atMost, Runnable onTimeout) throws IOException, InterruptedException {
		this.process = this.builder.start();
		try {
			await("processor drains the inbox and the outbox").atMost(atMost)
				.dontCatchUncaughtExceptions()
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> {
					assertThat(this.process.isAlive()).as("processor alive, see " + this.log).isTrue();
					return done.call();
				});
		}
		catch (ConditionTimeoutException ex) {
			System.out.printf("[crash] TIMEOUT: complaints=%s pending=%s%n", scalar("SELECT count(*) FROM complaint"),
					scalar("SELECT count(*) FROM outbox WHERE status<>'sent'"));
			onTimeout.run();
			throw ex;
		}
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/**
	 * A GreenMail server on free loopback ports for the processor to run against, without
	 * its "Created user" line per complainant.
	 */
	static GreenMail greenMail() {
		if (org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail") instanceof ch.qos.logback.classic.Logger gm) {
			gm.setLevel(ch.qos.logback.classic.Level.WARN);
		}
		GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
		greenMail.start();
		return greenMail;
	}

	/**
	 * The processor's mailbox arguments for that server, as the chair (password chair).
	 */
	static List<String> mailboxOf(GreenMail greenMail, String chair) {
		return List.of("--complaints.mailbox.imap.host=127.0.0.1",
				"--complaints.mailbox.imap.port=" + greenMail.getImap().getPort(),
				"--complaints.mailbox.imap.username=" + chair, "--complaints.mailbox.imap.password=chair",
				"--complaints.mailbox.smtp.host=127.0.0.1", "--complaints.mailbox.imap.security=none",
				"--complaints.mailbox.smtp.security=none",
				"--complaints.mailbox.smtp.port=" + greenMail.getSmtp().getPort());
	}

	/** The messages in a folder of a GreenMail user, none when it does not exist. */
	static List<MimeMessage> folder(GreenMail greenMail, GreenMailUser user, String name) {
		MailFolder folder = greenMail.getManagers().getImapHostManager().getFolder(user, name);
		return nl.klachten.MailFixtures.messagesOf(folder);
	}

	/**
	 * Another process on the same register and mailboxes, logging to
	 * {@code processor-SEED-NAME.log} beside this harness's log: several processes on one
	 * PostgreSQL register (issue 16, {@code FailoverIT}).
	 */
	ProcessBuilder instance(String name) {
		return new ProcessBuilder(this.builder.command()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(instanceLog(name).toFile()));
	}

	Path instanceLog(String name) {
		return this.log.resolveSibling("processor-" + this.seed + "-" + name + ".log");
	}

	/** The harness's seeded randomness, for a test's own choices. */
	Random random() {
		return this.random;
	}

	/** Whether the processes run on a PostgreSQL register. */
	boolean postgresql() {
		return this.postgresql != null;
	}

	/**
	 * How many kills {@link #killRandomly} has done so far (read by a thread that sends
	 * mail meanwhile).
	 */
	int kills() {
		return this.killed;
	}

	/** Seconds since this harness was made. */
	double elapsedSeconds() {
		return (System.nanoTime() - this.started) / 1e9;
	}

	/**
	 * The rows of a query on the register after the last stop (read-only), as lists of
	 * column values.
	 */
	List<List<Object>> rows(String sql) throws SQLException {
		List<List<Object>> rows = new ArrayList<>();
		try (Connection c = connect(true); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<Object> row = new ArrayList<>(columns);
				for (int i = 1; i <= columns; i++) {
					row.add(rs.getObject(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * The register after the last stop: one case per complaint, sequences 1..n, nothing
	 * left to send.
	 */
	void assertRegister(int n) throws SQLException {
		try (Connection c = connect(false); Statement s = c.createStatement()) {
			assertThat(count(s, "SELECT count(*) FROM complaint")).as("complaint rows").isEqualTo(n);
			assertThat(count(s, "SELECT count(DISTINCT reference) FROM complaint")).as("distinct references")
				.isEqualTo(n);
			TreeSet<Integer> sequences = new TreeSet<>();
			try (ResultSet rs = s.executeQuery("SELECT reference FROM complaint")) {
				while (rs.next()) {
					String ref = rs.getString(1);
					sequences.add(Integer.parseInt(ref.substring(ref.lastIndexOf('-') + 1)));
				}
			}
			assertThat(sequences).as("sequences 1..N, no gaps").hasSize(n);
			assertThat(sequences.first()).isEqualTo(1);
			assertThat(sequences.last()).isEqualTo(n);
			assertThat(count(s, "SELECT count(*) FROM inbound_mail WHERE outcome='case'")).as("inbound case rows")
				.isEqualTo(n);
			assertThat(count(s, "SELECT count(DISTINCT complainant_email) FROM complaint")).isEqualTo(n);
			assertThat(count(s, "SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')"))
				.as("outbox pending")
				.isZero();
			assertThat(count(s, "SELECT count(*) FROM outbox WHERE status='failed'")).as("outbox failed").isZero();
			assertThat(count(s, "SELECT count(*) FROM outbox")).as("outbox rows (ack + notification per case)")
				.isEqualTo(2L * n);
			System.out.printf("[crash] register: complaints=%d inbound(case/ignored/quarantined)=%d/%d/%d outbox=%d%n",
					count(s, "SELECT count(*) FROM complaint"),
					count(s, "SELECT count(*) FROM inbound_mail WHERE outcome='case'"),
					count(s, "SELECT count(*) FROM inbound_mail WHERE outcome='ignored'"),
					count(s, "SELECT count(*) FROM inbound_mail WHERE outcome='quarantined'"),
					count(s, "SELECT count(*) FROM outbox"));
		}
	}

	/**
	 * Exactly one acknowledgement (by Message-ID) in each complainant's inbox, answering
	 * the complaint; raw duplicates (the send accepted, the kill before {@code markSent})
	 * are at most one per kill and SMTP lane: the outbox sends over
	 * {@code complaints.outbox.connections} (4) connections at once (issue 15), each with
	 * one mail in that window. Prints the result line.
	 */
	/** The outbox's SMTP lanes by default ({@code complaints.outbox.connections}). */
	private static final int LANES = 4;

	void assertAcknowledgedOnce(Map<String, String> complaintIdBySender, Function<String, List<MimeMessage>> inboxOf,
			int kills, int filed) throws Exception {
		int rawAcks = 0;
		List<String> duplicatedAcks = new ArrayList<>();
		for (Map.Entry<String, String> complaint : complaintIdBySender.entrySet()) {
			List<MimeMessage> inbox = inboxOf.apply(complaint.getKey());
			Set<String> ids = new HashSet<>();
			for (MimeMessage m : inbox) {
				ids.add(m.getMessageID());
				assertThat(m.getHeader("In-Reply-To", ",")).isEqualTo(complaint.getValue());
			}
			assertThat(ids).as("distinct acknowledgements to " + complaint.getKey()).hasSize(1);
			rawAcks += inbox.size();
			if (inbox.size() > 1) {
				duplicatedAcks.add(complaint.getKey() + " x" + inbox.size());
			}
		}
		int n = complaintIdBySender.size();
		int duplicates = rawAcks - n;
		System.out.printf(
				"[crash] RESULT seed=%d kills=%d N=%d acks(raw/distinct)=%d/%d notifications=%d "
						+ "processed-folder=%d raw-duplicates=%d %s duration=%.1fs%n",
				this.seed, kills, n, rawAcks, n, n, filed, duplicates, duplicatedAcks,
				(System.nanoTime() - this.started) / 1e9);
		assertThat(duplicates)
			.as("raw duplicates (send accepted, killed before markSent) are at most one per kill and lane")
			.isLessThanOrEqualTo(kills * LANES);
	}

	/**
	 * The processed folder holds each complaint once and nothing else; the notices folder
	 * exactly one notification per case, raw: a notice is appended by IMAP, and the
	 * sender first asks the folder which Message-IDs it holds, so a kill never doubles
	 * one.
	 */
	static void assertFiledOnce(Collection<String> complaintIds, List<MimeMessage> processed, List<MimeMessage> notices)
			throws Exception {
		int n = complaintIds.size();
		Set<String> ids = new HashSet<>(complaintIds);
		int complaintsFiled = 0;
		for (MimeMessage m : processed) {
			if (ids.contains(m.getMessageID())) {
				complaintsFiled++;
			}
		}
		Set<String> notificationIds = new HashSet<>();
		Set<String> notificationRefs = new HashSet<>();
		for (MimeMessage m : notices) {
			notificationIds.add(m.getMessageID());
			notificationRefs.add(m.getHeader("X-Complaint-Reference", ","));
		}
		assertThat(complaintsFiled).as("complaints in the processed folder").isEqualTo(n);
		assertThat(processed).as("nothing else in the processed folder").hasSize(n);
		assertThat(notificationIds).as("distinct chair notifications").hasSize(n);
		assertThat(notificationRefs).as("notifications name N distinct cases").hasSize(n);
		assertThat(notices).as("raw notifications: placed once, also across kills").hasSize(n);
	}

	/**
	 * A plain Dutch complaint from {@code from} to the chair with this Message-ID
	 * (without brackets).
	 */
	static String complaint(int i, String from, String to, String messageId) {
		return "From: Klager " + i + " <" + from + ">\r\nTo: " + to + "\r\nSubject: Klacht nummer " + i
				+ " over de levering\r\nDate: Mon, 30 Nov 2026 09:00:00 +0000\r\nMessage-ID: <" + messageId
				+ ">\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ "Geachte commissie,\r\n\r\nMijn bestelling " + i + " is beschadigd aangekomen en niemand reageert."
				+ "\r\n\r\nMet vriendelijke groet,\r\nKlager " + i + "\r\n";
	}

	private long starts() throws IOException {
		if (!Files.exists(this.log)) {
			return 0;
		}
		try (var lines = Files.lines(this.log, StandardCharsets.ISO_8859_1)) {
			return lines.filter((l) -> l.contains("Started ComplaintsCli")).count();
		}
	}

	private static long count(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * A value from the register, or "-" while it does not exist yet (read-only, never
	 * creates the file).
	 */
	String scalar(String sql) {
		if (this.postgresql == null && !Files.exists(register().file())) {
			return "-";
		}
		try (Connection c = connect(true); Statement s = c.createStatement()) {
			s.setQueryTimeout(5);
			return String.valueOf(count(s, sql));
		}
		catch (SQLException ex) {
			return "-";
		}
	}

	/**
	 * The register the processor runs on: the SQLite file, or the PostgreSQL schema of
	 * this run when the tests are given one (issue 16).
	 */
	private Connection connect(boolean readOnly) throws SQLException {
		RegisterSettings register = register();
		if (this.postgresql != null) {
			Connection c = DriverManager.getConnection(register.url(), register.username(), register.password());
			c.setReadOnly(readOnly);
			return c;
		}
		Path file = register.file();
		return DriverManager.getConnection("jdbc:sqlite:" + (readOnly ? "file:" + file + "?mode=ro" : file));
	}

	/**
	 * The register the checks read: the run's, or its tenant's after {@link #tenant}.
	 */
	private RegisterSettings register() {
		RegisterSettings register = this.postgresql == null
				? new RegisterSettings(this.db.toString(), Duration.ofSeconds(30), null, null, null)
				: new RegisterSettings(this.db.toString(), Duration.ofSeconds(30),
						(String) this.postgresql.get("complaints.register.url"),
						(String) this.postgresql.get("complaints.register.username"),
						(String) this.postgresql.get("complaints.register.password"));
		return this.tenant == null ? register : register.tenant(this.tenant);
	}

	/**
	 * From now on the checks ({@link #scalar}, {@link #assertRegister}) read the register
	 * of this tenant (CONTRACT §7); null for the run's own.
	 */
	void tenant(String id) {
		this.tenant = id;
	}

}
