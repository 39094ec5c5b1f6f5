package nl.klachten;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.springframework.core.env.Environment;

/**
 * The register's write lock taken by another connection, as an admin command or a second
 * writer takes it: {@code BEGIN IMMEDIATE} on the SQLite file, the register's advisory
 * lock in a transaction on PostgreSQL (issue 16; {@code PostgresWriteLock}). The tests of
 * a busy register use it so that they hold for both dialects.
 */
public final class RegisterLock implements AutoCloseable {

	private final Connection connection;

	private final Statement statement;

	private final boolean postgresql;

	private RegisterLock(Connection connection, boolean postgresql) throws SQLException {
		this.connection = connection;
		this.postgresql = postgresql;
		this.statement = connection.createStatement();
	}

	/**
	 * Takes the write lock of the register the context runs on, waiting for it at most
	 * {@code wait}.
	 */
	public static RegisterLock take(Environment environment, Duration wait) throws SQLException {
		String url = environment.getProperty("complaints.register.url");
		if (url != null && url.startsWith("jdbc:postgresql:")) {
			Connection connection = DriverManager.getConnection(url,
					environment.getProperty("complaints.register.username"),
					environment.getProperty("complaints.register.password"));
			RegisterLock lock = new RegisterLock(connection, true);
			try {
				connection.setAutoCommit(false);
				lock.statement.execute("SET LOCAL lock_timeout = " + wait.toMillis());
				lock.statement.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()))");
			}
			catch (SQLException ex) {
				lock.close();
				throw ex;
			}
			return lock;
		}
		Path file = Path.of(environment.getRequiredProperty("complaints.register.path"));
		Connection connection = DriverManager
			.getConnection("jdbc:sqlite:" + file.toAbsolutePath() + "?busy_timeout=" + wait.toMillis());
		RegisterLock lock = new RegisterLock(connection, false);
		try {
			lock.statement.execute("BEGIN IMMEDIATE");
		}
		catch (SQLException ex) {
			lock.close();
			throw ex;
		}
		return lock;
	}

	/** A statement in the locked transaction. */
	public Statement statement() {
		return this.statement;
	}

	public void commit() throws SQLException {
		if (this.postgresql) {
			this.connection.commit();
		}
		else {
			this.statement.execute("COMMIT");
		}
	}

	public void rollback() throws SQLException {
		if (this.postgresql) {
			this.connection.rollback();
		}
		else {
			this.statement.execute("ROLLBACK");
		}
	}

	/** Closes the connection, which gives the lock up if it is still held. */
	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
