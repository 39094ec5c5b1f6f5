package nl.klachten.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Intake benchmark against the processor in embedded mode (CONTRACT §2): starts
 * {@code target/complaints.jar} with a fresh register, then measures
 * <ol type="a">
 * <li>acknowledgement latency: SMTP send to 127.0.0.1:3025 until the acknowledgement is
 * in the complainant's IMAP inbox (127.0.0.1:3143, polled every 20 ms), 10 times (after
 * one warm-up);</li>
 * <li>backlog throughput: M complaints over one SMTP connection as fast as possible,
 * until all are registered ({@code complaint} rows, polled every 100 ms) and until all
 * acknowledgements are sent ({@code outbox} pending = 0);</li>
 * <li>resident memory of the processor after the backlog (VmRSS, VmHWM).</li>
 * </ol>
 * Not a test (no Test/IT suffix): run it with {@code scripts/benchmark [--mails M]}.
 * Exits non-zero when ports 3025/3143 are busy, the processor does not start, or a phase
 * times out.
 */
public final class IntakeBenchmark {

	private static final String CHAIR = "NCJansen@klikklaar.com";

	private static final int SMTP = 3025;

	private static final int IMAP = 3143;

	private static final int LATENCY_RUNS = 10;

	private IntakeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int mails = 1000;
		for (int i = 0; i < args.length; i++) {
			if ("--mails".equals(args[i]) && i + 1 < args.length) {
				mails = Integer.parseInt(args[++i]);
			}
			else if (args[i].startsWith("--mails=")) {
				mails = Integer.parseInt(args[i].substring("--mails=".length()));
			}
			else {
				fail("usage: IntakeBenchmark [--mails M]");
			}
		}
		for (int port : new int[] { SMTP, IMAP }) {
			if (!free(port)) {
				fail("port " + port + " is busy; stop whatever listens there (ss -ltnp | grep " + port + ")");
			}
		}
		Path jar = Path.of("target", "complaints.jar").toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			fail(jar + " missing; build it with mvn -B -q -DskipTests package");
		}
		Path dir = Files.createTempDirectory("bench-register-");
		Path db = dir.resolve("register.db");
		Path log = dir.resolve("processor.log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString(), "--complaints.register.path=" + db, "--management.server.port=0",
				// a backlog from one machine is what the hourly ceiling on
				// acknowledgements is for:
				// lift it, the benchmark measures how fast they go, not the ceiling
				"--complaints.outbox.acknowledgements-per-hour=1000000")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		int exit = 0;
		try {
			long t0 = System.nanoTime();
			while (!contains(log, "Started ComplaintsCli")) {
				if (!process.isAlive()) {
					fail("the processor exited during start-up (exit " + process.exitValue() + "); log: " + log);
				}
				if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
					fail("the processor did not start within 120 s; log: " + log);
				}
				Thread.sleep(50);
			}
			double startup = (System.nanoTime() - t0) / 1e9;
			System.out.printf("processor pid %d started in %.1f s (register %s)%n", process.pid(), startup, db);
			Session session = Session.getInstance(smtpProperties());

			// (a) acknowledgement latency
			latency(session, process, log); // warm-up, not counted
			List<Double> latencies = new ArrayList<>();
			for (int i = 0; i < LATENCY_RUNS; i++) {
				latencies.add(latency(session, process, log));
			}
			List<Double> sorted = new ArrayList<>(latencies);
			Collections.sort(sorted);
			double median = (sorted.get((LATENCY_RUNS - 1) / 2) + sorted.get(LATENCY_RUNS / 2)) / 2;
			double max = sorted.get(LATENCY_RUNS - 1);

			// (b) backlog throughput
			awaitIdle(db, 1 + LATENCY_RUNS, process, log);
			long base = count(db, "SELECT count(*) FROM complaint");
			long start = System.nanoTime();
			Transport transport = session.getTransport("smtp");
			transport.connect("127.0.0.1", SMTP, null, null);
			String stamp = UUID.randomUUID().toString().substring(0, 6);
			for (int i = 1; i <= mails; i++) {
				String from = "backlog-" + stamp + "-" + i + "@example.org";
				MimeMessage message = complaint(session, from, "Klacht " + i + " uit de achterstand");
				transport.sendMessage(message, new Address[] { new InternetAddress(CHAIR) });
			}
			transport.close();
			double sent = seconds(start);
			double registered = -1;
			double acknowledged = -1;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(120, mails / 2));
			while (acknowledged < 0) {
				alive(process, log);
				long complaints = count(db, "SELECT count(*) FROM complaint");
				if (registered < 0 && complaints >= base + mails) {
					registered = seconds(start);
				}
				if (registered >= 0 && count(db, "SELECT count(*) FROM outbox WHERE status = 'pending'") == 0) {
					acknowledged = seconds(start);
				}
				if (System.nanoTime() > deadline) {
					fail("backlog not done in time: " + (complaints - base) + "/" + mails + " registered; log: " + log);
				}
				Thread.sleep(100);
			}

			// (c) memory
			String rss = status(process.pid(), "VmRSS");
			String hwm = status(process.pid(), "VmHWM");

			System.out.println();
			System.out.println("| measure                                   | value |");
			System.out.println("|-------------------------------------------|-------|");
			System.out.printf("| processor start-up                        | %.1f s |%n", startup);
			System.out.printf("| ack latency, median of %d                 | %.0f ms |%n", LATENCY_RUNS, median);
			System.out.printf("| ack latency, max of %d                    | %.0f ms |%n", LATENCY_RUNS, max);
			System.out.printf("| backlog M                                 | %d mails |%n", mails);
			System.out.printf("| backlog sent over one SMTP connection     | %.2f s (%.0f mails/s) |%n", sent,
					mails / sent);
			System.out.printf("| backlog registered                        | %.2f s (%.0f mails/s) |%n", registered,
					mails / registered);
			System.out.printf("| backlog acknowledged (outbox pending = 0) | %.2f s (%.0f mails/s) |%n", acknowledged,
					mails / acknowledged);
			System.out.printf("| VmRSS after backlog                       | %s |%n", rss);
			System.out.printf("| VmHWM after backlog                       | %s |%n", hwm);
			System.out.println();
			System.out.println("latencies (ms): " + latencies.stream().map((d) -> String.format("%.0f", d)).toList());
		}
		catch (BenchmarkFailure ex) {
			System.err.println("benchmark FAILED: " + ex.getMessage());
			exit = 1;
		}
		finally {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		System.exit(exit);
	}

	/**
	 * Sends one complaint, returns ms until its acknowledgement is in the complainant's
	 * inbox.
	 */
	private static double latency(Session session, Process process, Path log) throws Exception {
		String from = "latency-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		MimeMessage message = complaint(session, from, "Klacht over de wachttijd");
		long start = System.nanoTime();
		Transport.send(message, new Address[] { new InternetAddress(CHAIR) });
		Store store = null;
		try {
			while (true) {
				alive(process, log);
				if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
					fail("no acknowledgement to " + from + " within 60 s; log: " + log);
				}
				try {
					if (store == null) {
						Store s = Session.getInstance(imapProperties()).getStore("imap");
						s.connect("127.0.0.1", IMAP, from, from); // fails until the
																	// mailbox exists
						store = s;
					}
					Folder inbox = store.getFolder("INBOX");
					inbox.open(Folder.READ_ONLY);
					int n = inbox.getMessageCount();
					inbox.close(false);
					if (n > 0) {
						return (System.nanoTime() - start) / 1e6;
					}
				}
				catch (MessagingException ex) {
					// mailbox not there yet
				}
				Thread.sleep(20);
			}
		}
		finally {
			if (store != null) {
				store.close();
			}
		}
	}

	private static void awaitIdle(Path db, long complaints, Process process, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (count(db, "SELECT count(*) FROM complaint") < complaints
				|| count(db, "SELECT count(*) FROM outbox WHERE status = 'pending'") > 0) {
			alive(process, log);
			if (System.nanoTime() > deadline) {
				fail("the latency phase did not settle; log: " + log);
			}
			Thread.sleep(100);
		}
	}

	private static MimeMessage complaint(Session session, String from, String subject) throws MessagingException {
		String raw = "From: Klager <" + from + ">\r\nTo: " + CHAIR + "\r\nSubject: " + subject + "\r\nDate: "
				+ new SimpleDateFormat("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
					.format(Date.from(java.time.Instant.parse("2026-11-30T09:00:00Z")))
				+ "\r\nMessage-ID: <" + UUID.randomUUID() + "@bench.example.org>\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ "Geachte commissie,\r\n\r\nMijn pakket is beschadigd aangekomen en de klantenservice reageert niet."
				+ "\r\n\r\nMet vriendelijke groet,\r\nKlager\r\n";
		return new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
	}

	private static Properties smtpProperties() {
		Properties p = new Properties();
		p.put("mail.smtp.host", "127.0.0.1");
		p.put("mail.smtp.port", String.valueOf(SMTP));
		p.put("mail.smtp.connectiontimeout", "10000");
		p.put("mail.smtp.timeout", "30000");
		return p;
	}

	private static Properties imapProperties() {
		Properties p = new Properties();
		p.put("mail.imap.connectiontimeout", "5000");
		p.put("mail.imap.timeout", "10000");
		return p;
	}

	private static long count(Path db, String sql) throws InterruptedException {
		for (int attempt = 0;; attempt++) {
			try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
					Statement s = c.createStatement();
					ResultSet rs = s.executeQuery(sql)) {
				rs.next();
				return rs.getLong(1);
			}
			catch (SQLException ex) {
				if (attempt > 50) {
					throw new IllegalStateException("register unreadable: " + ex.getMessage(), ex);
				}
				Thread.sleep(20); // not created yet, or busy
			}
		}
	}

	private static String status(long pid, String key) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith(key + ":")) {
				long kb = Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
				return String.format("%.0f MiB (%d kB)", kb / 1024.0, kb);
			}
		}
		return "n/a";
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean contains(Path log, String text) throws IOException {
		return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
	}

	private static void alive(Process process, Path log) {
		if (!process.isAlive()) {
			fail("the processor died (exit " + process.exitValue() + "); log: " + log);
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static void fail(String message) {
		throw new BenchmarkFailure(message);
	}

	private static final class BenchmarkFailure extends RuntimeException {

		BenchmarkFailure(String message) {
			super(message);
		}

	}

}
