package nl.klachten.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes on one PostgreSQL register (issue 16). Each holds a connection of its
 * own, outside the pool, with two session-level advisory locks in the register's key
 * space ({@code hashtext(current_schema())}): one on its own id, held while it lives,
 * and, for the process that leads, one on the register's lead. PostgreSQL gives session
 * locks up when the session ends: at once when the process is killed (its socket closes),
 * and after {@link #SILENCE} when it stops answering (frozen, cut off), because the
 * session ends after that long idle while a thread of its own pings it every
 * {@link #PING}. The lead counts only while the last ping is recent: a process that wakes
 * from a pause longer than that stops reading and sending at once, before it even learns
 * that its session ended. Whether another process has stopped is whether its id's lock
 * can be had; when to take the lead or hand it on is {@link LeadTurn}'s. Every failure on
 * this connection ends the lead here; the next tick connects again, with the same id.
 */
final class PostgresInstances implements Instances {

	private static final Logger log = LoggerFactory.getLogger(PostgresInstances.class);

	/** How long a silent process keeps its locks: the session's idle timeout. */
	static final Duration SILENCE = Duration.ofSeconds(10);

	static final Duration PING = Duration.ofSeconds(2);

	/** Without a check of the lead this long: not {@link #checking()}. */
	private static final Duration CHECKING = Duration.ofSeconds(30);

	/** The lead holds while the last ping is younger than this. */
	private static final Duration FRESH = SILENCE.minus(PING);

	/** The lock of the lead: one a register, whatever its mailbox is called. */
	private static final String LEAD = "lead";

	private final RegisterSettings settings;

	private final LeadTurn turn;

	private String id = InstanceIds.next();

	private Connection connection;

	private ScheduledExecutorService pinger;

	private volatile boolean leads;

	private volatile long lastPing;

	/** The last tick that could check the lead, or the start. */
	private volatile long lastCheck = System.nanoTime();

	/** The last failure to connect or lock was logged; the next one is not. */
	private boolean failureLogged;

	PostgresInstances(RegisterSettings settings, LeadShare share) {
		this.settings = settings;
		this.turn = new LeadTurn(share, settings.tenant(), LEAD, PING.multipliedBy(2));
	}

	@Override
	public synchronized String id() {
		return this.id;
	}

	@Override
	public boolean leads() {
		return this.leads && System.nanoTime() - this.lastPing < FRESH.toNanos();
	}

	@Override
	public boolean shared() {
		return true;
	}

	@Override
	public boolean checking() {
		return System.nanoTime() - this.lastCheck < CHECKING.toNanos();
	}

	@Override
	public synchronized boolean tick() {
		try {
			Connection c = connection();
			if (this.leads) {
				ping(c);
			}
			boolean led = this.leads;
			this.leads = this.turn.tick(c, this.leads, this.id);
			if (this.leads && !led) {
				this.lastPing = System.nanoTime();
			}
			this.failureLogged = false;
			this.lastCheck = System.nanoTime();
		}
		catch (SQLException ex) {
			failed(ex);
		}
		return leads();
	}

	@Override
	public synchronized boolean stopped(String owner) {
		if (owner == null) {
			return true;
		}
		if (owner.equals(this.id)) {
			return false;
		}
		try {
			return InstanceSessions.free(connection(), InstanceSessions.instanceKey(owner));
		}
		catch (SQLException ex) {
			failed(ex);
			return false;
		}
	}

	@Override
	public synchronized void close() {
		freeze();
		if (this.connection != null) {
			lose("it stops");
		}
	}

	/** Stops pinging, as a frozen process does (the tests): its session ends. */
	synchronized void freeze() {
		if (this.pinger != null) {
			this.pinger.shutdownNow();
		}
		this.pinger = null;
	}

	private synchronized void pingNow() {
		if (this.connection == null) {
			return;
		}
		try {
			ping(this.connection);
		}
		catch (SQLException ex) {
			failed(ex);
		}
	}

	private void ping(Connection c) throws SQLException {
		InstanceSessions.ping(c);
		this.lastPing = System.nanoTime();
	}

	/** The connection with this process's own lock, opened when there is none. */
	private Connection connection() throws SQLException {
		if (this.connection != null) {
			return this.connection;
		}
		try {
			InstanceSessions.Session session = InstanceSessions.open(this.settings, this.id, !this.failureLogged);
			this.connection = session.connection();
			this.id = session.id();
		}
		catch (SQLException ex) {
			if (!this.failureLogged) {
				log.warn("Instance {} cannot connect to the register to lead or stand by (SQLSTATE {}): tried again"
						+ " every {} s", this.id, ex.getSQLState(), PING.toSeconds());
				this.failureLogged = true;
			}
			throw ex;
		}
		this.lastPing = System.nanoTime();
		if (this.pinger == null) {
			this.pinger = InstanceSessions.pinger(this::pingNow, PING);
		}
		return this.connection;
	}

	private void failed(SQLException ex) {
		lose("the register's connection failed (SQLSTATE " + ex.getSQLState() + ")");
	}

	/** Ends the lead and the session: its locks go with it. */
	private void lose(String why) {
		if (this.leads) {
			log.warn("Instance {} no longer leads the mailbox of tenant {}: {}", this.id, this.settings.tenant(), why);
		}
		this.leads = false;
		this.turn.lost();
		InstanceSessions.close(this.connection);
		this.connection = null;
	}

}
