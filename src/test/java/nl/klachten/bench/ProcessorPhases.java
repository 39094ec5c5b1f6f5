package nl.klachten.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processor's part of a run, on one process: its start-up (one complaint waits in the
 * inbox when it starts, so that its first read can be seen and the pipeline is known to
 * work before the clock runs), N complaints at full speed (throughput, its ratio to the
 * floor's, latency, CPU seconds per 1,000), M at a fixed offered rate (latency), and its
 * peak resident memory at the end.
 */
final class ProcessorPhases {

	private final MailServers servers;

	private final BenchOptions options;

	private final Deliveries deliveries;

	private final Report report;

	ProcessorPhases(MailServers servers, BenchOptions options, Deliveries deliveries, Report report) {
		this.servers = servers;
		this.options = options;
		this.deliveries = deliveries;
		this.report = report;
	}

	/** Runs them all; {@code floor} is the floor's figures of the same run, or null. */
	Map<String, Object> run(Path dir, Delivery floor) throws Exception {
		Report.progress("processor: starting, one complaint waiting in the inbox");
		List<Complaint> probe = this.deliveries.batch("s", 1);
		Backlog.append(this.servers, probe);
		Map<String, Object> figures = new LinkedHashMap<>();
		try (ProcessorRun processor = new ProcessorRun(this.servers, dir)) {
			double startup = startup(processor, probe.get(0).messageId(), figures);
			fullSpeed(processor, floor, figures);
			atRate(processor, figures);
			figures.put("peak_rss_mib", processor.peakRssMiB());
			this.report.line("processor peak RSS: %.0f MiB (VmHWM, after all its phases)", processor.peakRssMiB());
			this.report.line("start-up to the first IMAP read: %.1f s (inbox opened at %.1f s)", startup,
					figures.get("startup_to_inbox_open_s"));
		}
		return figures;
	}

	/** The start-up figures; then waits for the waiting complaint's acknowledgement. */
	private double startup(ProcessorRun processor, String probe, Map<String, Object> figures) throws Exception {
		figures.put("startup_to_inbox_open_s", processor.awaitInboxOpen());
		double first = processor.awaitFirstRead();
		figures.put("startup_to_first_read_s", first);
		if (!this.servers.arrivals().awaitAll(List.of(probe), Duration.ofSeconds(180), processor::alive)) {
			throw new IllegalStateException("no acknowledgement of the first complaint; see " + processor.log());
		}
		figures.put("startup_to_first_ack_s", processor.secondsSinceStart(this.servers.arrivals().at(probe)));
		return first;
	}

	private void fullSpeed(ProcessorRun processor, Delivery floor, Map<String, Object> figures) throws Exception {
		int n = this.options.mails();
		Report.progress("processor: %d complaints over %d connections", n, this.options.connections());
		double cpu = processor.cpuSeconds();
		Delivery full = this.deliveries.deliver("p", n, 0, processor::alive);
		double perThousand = (processor.cpuSeconds() - cpu) * 1000 / n;
		Double ratio = full.perSecond() == null || floor == null || floor.perSecond() == null ? null
				: full.perSecond() / floor.perSecond();
		figures.put("full_speed", full.json());
		figures.put("ratio_to_floor", ratio);
		figures.put("cpu_s_per_1000", perThousand);
		this.report.line("processor, full speed: %s; %s x the floor", full.summary(),
				ratio == null ? "n/a" : String.format("%.2f", ratio));
		this.report.line("processor CPU: %.1f s per 1,000 complaints (user + system, full-speed phase)", perThousand);
	}

	private void atRate(ProcessorRun processor, Map<String, Object> figures) throws Exception {
		if (this.options.rate() <= 0 || this.options.rateMails() <= 0) {
			return;
		}
		Report.progress("processor: %d complaints at %.0f/s offered", this.options.rateMails(), this.options.rate());
		Delivery d = this.deliveries.deliver("r", this.options.rateMails(), this.options.rate(), processor::alive);
		Map<String, Object> json = d.json();
		json.put("offered_per_s", this.options.rate());
		figures.put("fixed_rate", json);
		this.report.line("processor at %.0f/s offered: %s", this.options.rate(), d.summary());
	}

}
