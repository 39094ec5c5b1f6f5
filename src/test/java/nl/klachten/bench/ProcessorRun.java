package nl.klachten.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged processor as a separate process, started as an operator starts it ({@code
 * scripts/complaints} with the servers' mailbox arguments, so that its JVM options and
 * {@code
 * JAVA_OPTS} apply; the script execs the JVM, so the process is the JVM) with a fresh
 * register. It reads what the benchmark needs from the outside: the start-up times (by
 * its log lines' own time stamps, from the moment this class started it), its CPU time
 * ({@code /proc/PID/stat} utime + stime) and its peak resident memory ({@code VmHWM}).
 */
final class ProcessorRun implements AutoCloseable {

	/**
	 * The line the processor logs when it has selected the inbox (at start-up, to make
	 * its folders).
	 */
	private static final String INBOX_OPEN = "Connected to the inbox";

	/**
	 * Its event line for a registered complaint, and its line at the end of a batch it
	 * read.
	 */
	private static final String REGISTERED = " registered ";

	private static final String BATCH = "Intake batch: ";

	private static final double TICKS = ticks();

	private final Process process;

	private final Path log;

	private final Instant started;

	private final long startedNanos;

	/**
	 * Starts it with a fresh register in {@code dir} (whatever the directory held is
	 * removed first).
	 */
	ProcessorRun(MailServers servers, Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> old = Files.walk(dir)) {
				old.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
		Files.createDirectories(dir);
		this.log = dir.resolve("processor.log");
		List<String> command = new ArrayList<>(List.of(Path.of("scripts", "complaints").toAbsolutePath().toString()));
		command.addAll(servers.processorArguments());
		command.addAll(List.of("--complaints.register.path=" + dir.resolve("register.db").toAbsolutePath(),
				// a random management port: the default may be taken by another processor
				"--management.server.port=0",
				// the benchmark measures how fast acknowledgements go, not the hourly
				// ceiling on them
				"--complaints.outbox.acknowledgements-per-hour=10000000",
				// no digest during a run (31 February)
				"--complaints.digest.cron=0 0 0 31 2 *"));
		this.started = Instant.now();
		this.startedNanos = System.nanoTime();
		this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(this.log.toFile()).start();
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	/**
	 * Seconds from the start to the processor's first IMAP read: to the first line it
	 * logs about a mail it read (the registration of a complaint, or the batch's
	 * summary), so a mail must be waiting in the inbox when it starts. An upper bound:
	 * the read itself is a little earlier.
	 */
	double awaitFirstRead() throws IOException, InterruptedException {
		return awaitLine(REGISTERED, BATCH);
	}

	/**
	 * Seconds from the start to the moment it had opened the inbox (at start-up, before
	 * its first read).
	 */
	double awaitInboxOpen() throws IOException, InterruptedException {
		return awaitLine(INBOX_OPEN);
	}

	private double awaitLine(String... needles) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			alive();
			for (String line : Files.readAllLines(this.log, StandardCharsets.ISO_8859_1)) {
				for (String needle : needles) {
					if (line.contains(needle)) {
						Instant at = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
						return Duration.between(this.started, at).toNanos() / 1e9;
					}
				}
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("the processor did not log " + needles[0] + " within 180 s; see " + this.log);
	}

	/** Seconds from the start to this moment ({@code System.nanoTime}). */
	double secondsSinceStart(long nanos) {
		return (nanos - this.startedNanos) / 1e9;
	}

	/** Throws when the processor is no longer running. */
	void alive() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("the processor exited (" + this.process.exitValue() + "); see " + this.log);
		}
	}

	/** CPU seconds the processor used so far, user and system, all threads. */
	double cpuSeconds() throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields 14 and 15 of stat(5); this array starts at field 3
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
	}

	/** Peak resident memory so far, in MiB ({@code VmHWM}). */
	double peakRssMiB() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
			}
		}
		throw new IllegalStateException("no VmHWM for process " + pid());
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	private static double ticks() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
			return Double
				.parseDouble(new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip());
		}
		catch (IOException | NumberFormatException ex) {
			return 100;
		}
	}

}
