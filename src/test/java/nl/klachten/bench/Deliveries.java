package nl.klachten.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends one phase's complaints ({@link Burst}) and waits until each is acknowledged in
 * its complainant's mailbox, at most a second per complaint (three minutes at least); a
 * phase that does not finish is reported with what arrived and makes the run incomplete.
 */
final class Deliveries {

	private final MailServers servers;

	private final int connections;

	private final String tag;

	private final Report report;

	Deliveries(MailServers servers, int connections, String tag, Report report) {
		this.servers = servers;
		this.connections = connections;
		this.tag = tag;
		this.report = report;
	}

	/**
	 * {@code count} fresh complaints (ids tagged with the run and {@code phase}), at
	 * {@code rate} per second or (0) full speed.
	 */
	Delivery deliver(String phase, int count, double rate, Runnable alive) throws InterruptedException {
		List<Complaint> complaints = batch(phase, count);
		Map<String, Long> accepted = new Burst(this.servers, this.connections).send(complaints, rate);
		Duration atMost = Duration.ofSeconds(Math.max(180, count));
		if (!this.servers.arrivals().awaitAll(accepted.keySet(), atMost, alive)) {
			this.report.incomplete();
		}
		return Delivery.of(accepted, this.servers.arrivals());
	}

	/** Complaints of this run and phase, not sent. */
	List<Complaint> batch(String phase, int count) {
		return Complaint.batch(this.servers, this.tag + phase, count);
	}

}
