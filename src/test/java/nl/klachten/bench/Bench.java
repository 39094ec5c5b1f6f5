package nl.klachten.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark of issue 15 ({@code scripts/bench}; docs/bench.md explains every figure): on the
 * given mail servers, N complaints from N senders at full speed over several SMTP connections,
 * first to the transport floor ({@link TransportFloor}) and then to the packaged processor
 * ({@link ProcessorRun}), each measured until every acknowledgement is in its complainant's
 * mailbox; then M complaints to the same processor at a fixed offered rate; then a backlog
 * drained by a fresh processor ({@link Backlog}); then the export and the digest over a generated
 * register ({@link RegisterTimes}). One summary line per figure on stdout and everything in
 * {@code target/bench/result.json}. Not a test: nothing here is run by Surefire or Failsafe.
 */
public final class Bench {

	private static final Path OUT = Path.of("target", "bench");

	private final BenchOptions options;

	private final MailServers servers;

	private final String tag = Long.toString(System.currentTimeMillis(), 36);

	private final Map<String, Object> result = new LinkedHashMap<>();

	private final List<String> summary = new ArrayList<>();

	private boolean complete = true;

	private Bench(BenchOptions options, MailServers servers) {
		this.options = options;
		this.servers = servers;
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		int exit;
		try (MailServers servers = options.greenmail() ? new GreenMailBenchServers() : new RealBenchServers()) {
			exit = new Bench(options, servers).run();
		}
		System.exit(exit);
	}

	private int run() throws Exception {
		this.servers.clean();
		this.result.put("servers", this.servers.name());
		this.result.put("started", Instant.now().toString());
		this.result.put("options", this.options.toString());
		this.result.put("load_average_before", load());
		line("servers: %s", this.servers.name());
		if (this.options.mails() > 0) {
			processor(floor());
		}
		if (this.options.backlog() > 0) {
			backlog();
		}
		if (this.options.cases() > 0) {
			register();
		}
		this.result.put("load_average_after", load());
		this.servers.clean();
		Files.writeString(OUT.resolve("result.json"), ResultJson.write(this.result), StandardCharsets.UTF_8);
		this.summary.forEach(System.out::println);
		System.out.println("bench: result: " + OUT.resolve("result.json") + (this.complete ? "" : " (INCOMPLETE)"));
		return this.complete ? 0 : 1;
	}

	private Delivery floor() throws Exception {
		progress("transport floor: %d complaints over %d connections", this.options.mails(), this.options.connections());
		try (TransportFloor floor = new TransportFloor(this.servers)) {
			Delivery d = deliver("f", this.options.mails(), 0, floor::alive);
			floor.awaitMoved(this.options.mails(), 60);
			Map<String, Object> json = d.json();
			json.put("imap_reconnects", floor.reconnects());
			this.result.put("floor", json);
			line("transport floor: %s", d.summary());
			return d;
		}
	}

	private void processor(Delivery floor) throws Exception {
		progress("processor: starting, one complaint waiting in the inbox");
		List<Complaint> probe = Complaint.batch(this.servers, this.tag + "s", 1);
		Backlog.append(this.servers, probe);
		try (ProcessorRun processor = new ProcessorRun(this.servers, OUT.resolve("processor"))) {
			Map<String, Object> figures = new LinkedHashMap<>();
			double startup = startup(processor, probe, figures);
			double cpu = processor.cpuSeconds();
			progress("processor: %d complaints over %d connections", this.options.mails(), this.options.connections());
			Delivery full = deliver("p", this.options.mails(), 0, processor::alive);
			double cpuPerThousand = (processor.cpuSeconds() - cpu) * 1000 / this.options.mails();
			figures.put("full_speed", full.json());
			figures.put("ratio_to_floor", ratio(full, floor));
			figures.put("cpu_s_per_1000", cpuPerThousand);
			line("processor, full speed: %s; %.2f x the floor", full.summary(), ratio(full, floor));
			line("processor CPU: %.1f s per 1,000 complaints (user + system, full-speed phase)", cpuPerThousand);
			atRate(processor, figures);
			figures.put("peak_rss_mib", processor.peakRssMiB());
			line("processor peak RSS: %.0f MiB (VmHWM, after all its phases)", processor.peakRssMiB());
			line("start-up to the first IMAP read: %.1f s (inbox opened at %.1f s)", startup,
					figures.get("startup_to_inbox_open_s"));
			this.result.put("processor", figures);
		}
	}

	/** The start-up figures; then waits for the waiting complaint's acknowledgement. */
	private double startup(ProcessorRun processor, List<Complaint> probe, Map<String, Object> figures)
			throws Exception {
		figures.put("startup_to_inbox_open_s", processor.awaitInboxOpen());
		double first = processor.awaitFirstRead();
		figures.put("startup_to_first_read_s", first);
		if (!this.servers.arrivals().awaitAll(List.of(probe.get(0).messageId()), Duration.ofSeconds(180),
				processor::alive)) {
			throw new IllegalStateException("no acknowledgement of the first complaint; see " + processor.log());
		}
		figures.put("startup_to_first_ack_s", processor.secondsSinceStart(this.servers.arrivals().at(probe.get(0).messageId())));
		return first;
	}

	private void atRate(ProcessorRun processor, Map<String, Object> figures) throws Exception {
		if (this.options.rate() <= 0 || this.options.rateMails() <= 0) {
			return;
		}
		progress("processor: %d complaints at %.0f/s offered", this.options.rateMails(), this.options.rate());
		Delivery d = deliver("r", this.options.rateMails(), this.options.rate(), processor::alive);
		Map<String, Object> json = d.json();
		json.put("offered_per_s", this.options.rate());
		figures.put("fixed_rate", json);
		line("processor at %.0f/s offered: %s", this.options.rate(), d.summary());
	}

	private Delivery deliver(String phase, int count, double rate, Runnable alive) throws InterruptedException {
		List<Complaint> complaints = Complaint.batch(this.servers, this.tag + phase, count);
		Map<String, Long> accepted = new Burst(this.servers, this.options.connections()).send(complaints, rate);
		Duration atMost = Duration.ofSeconds(Math.max(180, count));
		if (!this.servers.arrivals().awaitAll(accepted.keySet(), atMost, alive)) {
			this.complete = false;
		}
		return Delivery.of(accepted, this.servers.arrivals());
	}

	private void backlog() throws Exception {
		progress("backlog: appending %d complaints, then a fresh processor", this.options.backlog());
		Map<String, Object> b = Backlog.drain(this.servers, this.tag + "b", this.options.backlog(), OUT.resolve("backlog"));
		this.result.put("backlog", b);
		if (!Boolean.TRUE.equals(b.get("drained"))) {
			this.complete = false;
			line("backlog %d: NOT drained (%s acknowledged)", this.options.backlog(), b.get("acknowledged"));
			return;
		}
		line("backlog %d: drained in %.1f s (%.1f complaints/s) from the processor's start, peak RSS %.0f MiB",
				this.options.backlog(), b.get("drain_s"), b.get("per_s"), b.get("peak_rss_mib"));
	}

	private void register() throws Exception {
		progress("register: %d cases", this.options.cases());
		Map<String, Object> r = RegisterTimes.measure(this.options.cases(), this.options.runs(), OUT.resolve("register"));
		this.result.put("register", r);
		line("export --format json over %d cases: %.2f s (median of %d, JVM start included)", this.options.cases(),
				r.get("export_json_s"), this.options.runs());
		line("digest --dry-run over %d cases: %.2f s (median of %d, JVM start included)", this.options.cases(),
				r.get("digest_dry_run_s"), this.options.runs());
	}

	private static Double ratio(Delivery processor, Delivery floor) {
		return processor.perSecond() == null || floor.perSecond() == null ? null
				: processor.perSecond() / floor.perSecond();
	}

	private void line(String format, Object... args) {
		this.summary.add("bench: " + String.format(format, args));
	}

	private static void progress(String format, Object... args) {
		System.err.println("bench: ... " + String.format(format, args));
	}

	private static String load() throws java.io.IOException {
		Path loadavg = Path.of("/proc/loadavg");
		return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "n/a";
	}

}
