package nl.klachten.register;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes on one PostgreSQL register (issue 16). Each holds a connection of its
 * own, outside the pool, with two session-level advisory locks in the register's key
 * space ({@code hashtext(current_schema())}): one on its own id, held while it lives,
 * and, for the process that leads, one on the mailbox. PostgreSQL gives session locks up
 * when the session ends: at once when the process is killed (its socket closes), and
 * within {@link #SILENCE} when it stops answering (frozen, cut off), because the session
 * is set to end after that long idle while its process pings it every tick. Whether
 * another process has stopped is whether its id's lock can be had. Every failure on this
 * connection ends the lead here; the next tick connects again.
 */
final class PostgresInstances implements Instances {

	private static final Logger log = LoggerFactory.getLogger(PostgresInstances.class);

	/** How long a silent process keeps its locks: the session's idle timeout. */
	static final String SILENCE = "10s";

	/** The session's application_name, followed by the process's id. */
	static final String APPLICATION = "complaints instance ";

	private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext(current_schema()), hashtext(?))";

	private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext(current_schema()), hashtext(?))";

	private final RegisterSettings settings;

	private String id = InstanceIds.next();

	private Connection connection;

	private volatile boolean leads;

	PostgresInstances(RegisterSettings settings) {
		this.settings = settings;
	}

	@Override
	public synchronized String id() {
		return this.id;
	}

	@Override
	public boolean leads() {
		return this.leads;
	}

	@Override
	public synchronized boolean tick(String mailbox) {
		try {
			Connection c = connection();
			if (this.leads) {
				try (Statement statement = c.createStatement()) {
					statement.execute("SELECT 1");
				}
			}
			else if (tryLock(c, "mailbox:" + mailbox.toLowerCase(Locale.ROOT))) {
				this.leads = true;
				log.info("Instance {} leads the mailbox: it reads the inbox and sends the outbox", this.id);
			}
		}
		catch (SQLException ex) {
			lose("the register's connection failed (" + "SQLSTATE " + ex.getSQLState() + ")");
		}
		return this.leads;
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
			Connection c = connection();
			if (!tryLock(c, instanceKey(owner))) {
				return false;
			}
			try (PreparedStatement unlock = c.prepareStatement(UNLOCK)) {
				unlock.setString(1, instanceKey(owner));
				unlock.execute();
			}
			return true;
		}
		catch (SQLException ex) {
			lose("the register's connection failed (" + "SQLSTATE " + ex.getSQLState() + ")");
			return false;
		}
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			lose("it stops");
		}
	}

	/** The connection with this process's own lock, opened when there is none. */
	private Connection connection() throws SQLException {
		if (this.connection != null) {
			return this.connection;
		}
		Properties properties = new Properties();
		if (this.settings.username() != null) {
			properties.setProperty("user", this.settings.username());
		}
		if (this.settings.password() != null) {
			properties.setProperty("password", this.settings.password());
		}
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", "10");
		properties.setProperty("tcpKeepAlive", "true");
		properties.setProperty("options", "-c idle_session_timeout=" + SILENCE);
		Connection c = DriverManager.getConnection(this.settings.url(), properties);
		try {
			try (Statement statement = c.createStatement();
					ResultSet schema = statement.executeQuery("SELECT current_schema()")) {
				if (!schema.next() || schema.getString(1) == null) {
					throw new SQLException("the register's schema does not exist", "3F000");
				}
			}
			// a new id whenever the lock on the old one is had by someone: an id is
			// never shared, also after a hash collision
			for (int tries = 1; !tryLock(c, instanceKey(this.id)); tries++) {
				if (tries == 5) {
					throw new SQLException("no free instance id", "55P03");
				}
				this.id = InstanceIds.next();
			}
			// which process a session is, in pg_stat_activity
			try (PreparedStatement name = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
				name.setString(1, APPLICATION + this.id);
				name.execute();
			}
		}
		catch (SQLException ex) {
			c.close();
			throw ex;
		}
		this.connection = c;
		return c;
	}

	private static boolean tryLock(Connection c, String key) throws SQLException {
		try (PreparedStatement lock = c.prepareStatement(TRY_LOCK)) {
			lock.setString(1, key);
			try (ResultSet rs = lock.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static String instanceKey(String id) {
		return "instance:" + id;
	}

	/** Ends the lead and the session: its locks go with it. */
	private void lose(String why) {
		if (this.leads) {
			log.warn("Instance {} no longer leads the mailbox: {}", this.id, why);
		}
		this.leads = false;
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// the session is gone or goes with the socket
			}
			this.connection = null;
		}
	}

}
