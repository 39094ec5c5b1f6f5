package nl.klachten.register;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leads of one process's tenants, spread over the processes that share the register
 * (issue 16): a process takes a free lead at once while it leads fewer than its share,
 * {@code ceil(tenants / processes)}, and otherwise only when the lead has been free for
 * {@link #PATIENCE}, so that a tenant is never left without a leader; a process that
 * leads more than its share for {@link #PATIENCE} hands one lead on, at most one every
 * {@link #BETWEEN_HANDOVERS}. Without it the first process up would lead every tenant and
 * the others would only stand by. One process serving one tenant ({@link #alone()}) takes
 * its lead whenever it is free and never hands it on.
 */
public final class LeadShare {

	/** How long a free lead waits for a process under its share, or a lead over it. */
	static final Duration PATIENCE = Duration.ofSeconds(5);

	static final Duration BETWEEN_HANDOVERS = Duration.ofSeconds(20);

	private final int tenants;

	private final Set<String> held = ConcurrentHashMap.newKeySet();

	private long lastHandover = System.nanoTime() - BETWEEN_HANDOVERS.toNanos();

	/** The share of a process serving this many tenants. */
	public LeadShare(int tenants) {
		this.tenants = Math.max(1, tenants);
	}

	/** A process serving one tenant. */
	static LeadShare alone() {
		return new LeadShare(1);
	}

	/** How many leads this process has, at most, among this many live processes. */
	int share(int processes) {
		return (this.tenants + Math.max(1, processes) - 1) / Math.max(1, processes);
	}

	/**
	 * Whether to take the free lead of a tenant now: under the share, or the lead has
	 * waited long enough for another process.
	 */
	boolean mayTake(int processes, Duration free) {
		return this.held.size() < share(processes) || free.compareTo(PATIENCE) >= 0;
	}

	/**
	 * Whether to hand on one lead now: over the share for long enough, and no handover of
	 * this process for {@link #BETWEEN_HANDOVERS}. Taken as done when it answers yes.
	 */
	synchronized boolean handOver(int processes, Duration over) {
		long now = System.nanoTime();
		if (this.held.size() <= share(processes) || over.compareTo(PATIENCE) < 0
				|| now - this.lastHandover < BETWEEN_HANDOVERS.toNanos()) {
			return false;
		}
		this.lastHandover = now;
		return true;
	}

	void took(String tenant) {
		this.held.add(tenant);
	}

	void lost(String tenant) {
		this.held.remove(tenant);
	}

	int held() {
		return this.held.size();
	}

}
