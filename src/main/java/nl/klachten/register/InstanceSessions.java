package nl.klachten.register;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection a process on a PostgreSQL register holds its locks on
 * ({@link PostgresInstances}): outside the pool, timed out on a silent server, ended by
 * the server after {@link PostgresInstances#SILENCE} idle, holding the lock on the
 * process's id and named after it in {@code pg_stat_activity}.
 */
final class InstanceSessions {

	private static final Logger log = LoggerFactory.getLogger(InstanceSessions.class);

	/** The session's application_name, followed by the process's id. */
	static final String APPLICATION = "complaints instance ";

	private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext(current_schema()), hashtext(?))";

	private static final String PROCESSES = """
			SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
			AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
			AND classid = hashtext(current_schema())::oid AND objid <> hashtext(?)::oid""";

	private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext(current_schema()), hashtext(?))";

	private InstanceSessions() {
	}

	/** A session and the id whose lock it holds. */
	record Session(Connection connection, String id) {
	}

	static Session open(RegisterSettings settings, String wanted, boolean warn) throws SQLException {
		String id = wanted;
		Properties properties = new Properties();
		if (settings.username() != null) {
			properties.setProperty("user", settings.username());
		}
		if (settings.password() != null) {
			properties.setProperty("password", settings.password());
		}
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", String.valueOf(PostgresInstances.SILENCE.toSeconds()));
		properties.setProperty("tcpKeepAlive", "true");
		Connection c = DriverManager.getConnection(settings.url(), properties);
		try {
			try (Statement statement = c.createStatement();
					ResultSet schema = statement.executeQuery("SELECT current_schema()")) {
				if (!schema.next() || schema.getString(1) == null) {
					throw new SQLException("the register's schema does not exist", "3F000");
				}
			}
			silence(c, warn);
			// the same id again after a lost connection, so that its leases stay its own;
			// a new one only when another session holds it (a hash collision)
			for (int tries = 1; !tryLock(c, instanceKey(id)); tries++) {
				if (tries == 5) {
					throw new SQLException("no free instance id", "55P03");
				}
				pause(200);
				if (tries >= 3) {
					id = InstanceIds.next();
				}
			}
			// which process a session is, in pg_stat_activity
			try (PreparedStatement name = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
				name.setString(1, APPLICATION + id);
				name.execute();
			}
			return new Session(c, id);
		}
		catch (SQLException ex) {
			c.close();
			throw ex;
		}
	}

	/**
	 * The session ends after {@link PostgresInstances#SILENCE} idle (PostgreSQL 14 and
	 * later), set here and not in the URL's options, which a URL of the operator's own
	 * would replace.
	 */
	private static void silence(Connection c, boolean warn) {
		try (Statement statement = c.createStatement()) {
			statement.execute("SET idle_session_timeout = '" + PostgresInstances.SILENCE.toSeconds() + "s'");
		}
		catch (SQLException ex) {
			if (warn) {
				log.warn("The register has no idle_session_timeout (SQLSTATE {}, PostgreSQL before 14): a frozen"
						+ " process keeps the lead until its connection ends", ex.getSQLState());
			}
		}
	}

	static void ping(Connection c) throws SQLException {
		try (Statement statement = c.createStatement()) {
			statement.execute("SELECT 1");
		}
	}

	/** Closes the session, if any: its locks go with it. */
	static void close(Connection c) {
		if (c == null) {
			return;
		}
		try {
			c.close();
		}
		catch (SQLException ex) {
			// the session is gone or goes with the socket
		}
	}

	/** Whether the lock on {@code key} is free: had and given back at once. */
	static boolean free(Connection c, String key) throws SQLException {
		if (!tryLock(c, key)) {
			return false;
		}
		unlock(c, key);
		return true;
	}

	static void unlock(Connection c, String key) throws SQLException {
		try (PreparedStatement unlock = c.prepareStatement(UNLOCK)) {
			unlock.setString(1, key);
			unlock.execute();
		}
	}

	/**
	 * How many live processes serve this register: the id locks held in its key space
	 * (every lock of two keys there but the lead's), this one's among them.
	 */
	static int processes(Connection c, String lead) throws SQLException {
		try (PreparedStatement count = c.prepareStatement(PROCESSES)) {
			count.setString(1, lead);
			try (ResultSet rs = count.executeQuery()) {
				return rs.next() ? Math.max(1, rs.getInt(1)) : 1;
			}
		}
	}

	/** A daemon thread that runs {@code ping} every {@code every}. */
	static ScheduledExecutorService pinger(Runnable ping, Duration every) {
		ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "instance-ping");
			thread.setDaemon(true);
			return thread;
		});
		pinger.scheduleWithFixedDelay(ping, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		return pinger;
	}

	static boolean tryLock(Connection c, String key) throws SQLException {
		try (PreparedStatement lock = c.prepareStatement(TRY_LOCK)) {
			lock.setString(1, key);
			try (ResultSet rs = lock.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	static String instanceKey(String id) {
		return "instance:" + id;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
