package nl.klachten.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The benchmark of issue 15 ({@code scripts/bench}; docs/bench.md explains every figure):
 * on the given mail servers, N complaints from N senders at full speed over several SMTP
 * connections, first to the transport floor ({@link TransportFloor}) and then to the
 * packaged processor ({@link ProcessorRun}), each measured until every acknowledgement is
 * in its complainant's mailbox; then M complaints to the same processor at a fixed
 * offered rate; then a backlog drained by a fresh processor ({@link Backlog}); then the
 * export and the digest over a generated register ({@link RegisterTimes}). One summary
 * line per figure on stdout and everything in {@code target/bench/result.json}. Not a
 * test: nothing here is run by Surefire or Failsafe.
 */
public final class Bench {

	private static final Path OUT = Path.of("target", "bench");

	private final BenchOptions options;

	private final MailServers servers;

	private final Report report = new Report();

	private final Deliveries deliveries;

	private Bench(BenchOptions options, MailServers servers) {
		this.options = options;
		this.servers = servers;
		String tag = Long.toString(System.currentTimeMillis(), 36);
		this.deliveries = new Deliveries(servers, options.connections(), tag, this.report);
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
		this.report.put("servers", this.servers.name());
		this.report.put("started", Instant.now().toString());
		this.report.put("options", this.options.toString());
		this.report.put("load_average_before", load());
		this.report.line("servers: %s", this.servers.name());
		if (this.options.mails() > 0) {
			Delivery floor = floor();
			this.report.put("processor", new ProcessorPhases(this.servers, this.options, this.deliveries, this.report)
				.run(OUT.resolve("processor"), floor));
		}
		if (this.options.backlog() > 0) {
			backlog();
		}
		if (this.options.cases() > 0) {
			register();
		}
		this.report.put("load_average_after", load());
		this.servers.clean();
		return this.report.finish(OUT.resolve("result.json"));
	}

	private Delivery floor() throws Exception {
		Report.progress("transport floor: %d complaints over %d connections", this.options.mails(),
				this.options.connections());
		try (TransportFloor floor = new TransportFloor(this.servers)) {
			Delivery d = this.deliveries.deliver("f", this.options.mails(), 0, floor::alive);
			floor.awaitMoved(this.options.mails(), 60);
			Map<String, Object> json = d.json();
			json.put("imap_reconnects", floor.reconnects());
			this.report.put("floor", json);
			this.report.line("transport floor: %s", d.summary());
			return d;
		}
	}

	private void backlog() throws Exception {
		int n = this.options.backlog();
		Report.progress("backlog: appending %d complaints, then a fresh processor", n);
		Map<String, Object> b = Backlog.drain(this.servers, this.deliveries.batch("b", n), OUT.resolve("backlog"));
		this.report.put("backlog", b);
		if (!Boolean.TRUE.equals(b.get("drained"))) {
			this.report.incomplete();
			this.report.line("backlog %d: NOT drained (%s acknowledged)", n, b.get("acknowledged"));
			return;
		}
		this.report.line(
				"backlog %d: drained in %.1f s (%.1f complaints/s) from the processor's start, peak RSS %.0f MiB", n,
				b.get("drain_s"), b.get("per_s"), b.get("peak_rss_mib"));
	}

	private void register() throws Exception {
		int n = this.options.cases();
		Report.progress("register: %d cases", n);
		Map<String, Object> r = RegisterTimes.measure(n, this.options.runs(), OUT.resolve("register"));
		this.report.put("register", r);
		command(r, "export_json", "export --format json", n);
		command(r, "digest_dry_run", "digest --dry-run", n);
	}

	private void command(Map<String, Object> r, String key, String label, int cases) {
		if (r.containsKey(key + "_problem")) {
			this.report.incomplete();
			this.report.line("%s over %d cases: FAILED: %s", label, cases, r.get(key + "_problem"));
		}
		else if (r.get(key + "_first_s") instanceof Double first && first > 30) {
			this.report.line("%s over %d cases: %.1f s (one run only: it took over 30 s; JVM start included)", label,
					cases, r.get(key + "_s"));
		}
		else {
			this.report.line("%s over %d cases: %.2f s (median of %d, JVM start included)", label, cases,
					r.get(key + "_s"), this.options.runs());
		}
	}

	private static String load() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "n/a";
	}

}
