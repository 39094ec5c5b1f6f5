package nl.klachten.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one sent batch of complaints: how many were sent and answered,
 * complaints acknowledged per second (all of them, from the first SMTP acceptance to the
 * last acknowledgement's arrival) and the latency percentiles, each complaint from its
 * SMTP acceptance to its acknowledgement's arrival in the mailbox. Percentiles are
 * nearest-rank over the answered ones; an unanswered complaint makes the throughput null
 * (the run did not finish).
 */
record Delivery(int sent, int answered, Double seconds, Double perSecond, double p50, double p95, double p99) {

	/** The figures from the acceptance and arrival stamps ({@code System.nanoTime}). */
	static Delivery of(Map<String, Long> accepted, Arrivals arrivals) {
		List<Double> latencies = new ArrayList<>();
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		for (Map.Entry<String, Long> complaint : accepted.entrySet()) {
			first = Math.min(first, complaint.getValue());
			Long at = arrivals.at(complaint.getKey());
			if (at != null) {
				last = Math.max(last, at);
				latencies.add((at - complaint.getValue()) / 1e9);
			}
		}
		Collections.sort(latencies);
		int n = accepted.size();
		boolean all = !latencies.isEmpty() && latencies.size() == n;
		Double seconds = all ? (last - first) / 1e9 : null;
		return new Delivery(n, latencies.size(), seconds, all ? n / seconds : null, rank(latencies, 50),
				rank(latencies, 95), rank(latencies, 99));
	}

	private static double rank(List<Double> sorted, int percent) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

	/** "52.1 complaints/s (2000 in 38.4 s), latency p50/p95/p99 2.50 / 3.60 / 4.10 s" */
	String summary() {
		String rate = this.perSecond == null ? "unfinished: " + this.answered + " of " + this.sent + " acknowledged"
				: String.format("%.1f complaints/s (%d in %.1f s)", this.perSecond, this.sent, this.seconds);
		return String.format("%s, latency p50/p95/p99 %.2f / %.2f / %.2f s", rate, this.p50, this.p95, this.p99);
	}

	/** The figures for the result file. */
	Map<String, Object> json() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("complaints", this.sent);
		m.put("acknowledged", this.answered);
		m.put("seconds", this.seconds);
		m.put("acknowledged_per_s", this.perSecond);
		m.put("latency_p50_s", this.p50);
		m.put("latency_p95_s", this.p95);
		m.put("latency_p99_s", this.p99);
		return m;
	}

}
