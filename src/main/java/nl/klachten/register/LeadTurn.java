package nl.klachten.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's lead in this process, tick by tick ({@link PostgresInstances}): when to
 * take the lead and when to hand it on, by the process's {@link LeadShare}. A lead handed
 * on stops at once (no more reading or sending), and its lock is given up {@code drain}
 * later, when the work in hand has ended, for another process to take.
 */
final class LeadTurn {

	private static final Logger log = LoggerFactory.getLogger(LeadTurn.class);

	private final LeadShare share;

	private final String tenant;

	private final String lead;

	private final Duration drain;

	/** Since when the lead was seen free while over the share, else 0. */
	private long freeSince;

	/** Since when this process leads more than its share, else 0. */
	private long overSince;

	/** When the lock of a lead handed on is given up, else 0. */
	private long handingOver;

	LeadTurn(LeadShare share, String tenant, String lead, Duration drain) {
		this.share = share;
		this.tenant = tenant;
		this.lead = lead;
		this.drain = drain;
	}

	/**
	 * Whether this process leads after this tick; {@code leads} whether it did before.
	 */
	boolean tick(Connection c, boolean leads, String id) throws SQLException {
		long now = System.nanoTime();
		if (this.handingOver != 0) {
			if (now - this.handingOver >= 0) {
				InstanceSessions.unlock(c, this.lead);
				this.handingOver = 0;
			}
			return false;
		}
		int processes = InstanceSessions.processes(c, this.lead);
		return leads ? !handOver(processes, now, id) : take(c, processes, now, id);
	}

	/** The lead (and any hand-over) ended with the session. */
	void lost() {
		this.handingOver = 0;
		this.overSince = 0;
		this.share.lost(this.tenant);
	}

	private boolean take(Connection c, int processes, long now, String id) throws SQLException {
		Duration free = Duration.ofNanos(this.freeSince == 0 ? 0 : now - this.freeSince);
		if (!this.share.mayTake(processes, free)) {
			boolean seen = InstanceSessions.free(c, this.lead);
			this.freeSince = !seen ? 0 : (this.freeSince == 0) ? now : this.freeSince;
			return false;
		}
		this.freeSince = 0;
		if (!InstanceSessions.tryLock(c, this.lead)) {
			return false;
		}
		this.share.took(this.tenant);
		log.info("Instance {} leads the mailbox of tenant {}: it reads the inbox and sends the outbox", id,
				this.tenant);
		return true;
	}

	private boolean handOver(int processes, long now, String id) {
		boolean over = this.share.held() > this.share.share(processes);
		this.overSince = !over ? 0 : (this.overSince == 0) ? now : this.overSince;
		if (!over || !this.share.handOver(processes, Duration.ofNanos(now - this.overSince))) {
			return false;
		}
		this.overSince = 0;
		this.share.lost(this.tenant);
		this.handingOver = now + this.drain.toNanos();
		log.info("Instance {} no longer leads the mailbox of tenant {}: handed on to another of the {} processes"
				+ " (a share is {} tenants)", id, this.tenant, processes, this.share.share(processes));
		return true;
	}

}
