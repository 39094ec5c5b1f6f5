package nl.klachten.register;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A PostgreSQL register whose transactions run one after the other, as SQLite's do with
 * {@code BEGIN IMMEDIATE} (issue 16, first step): the register's code was written for a
 * single writer, and some of its transactions read and then write on what they read (the
 * reference counter excepted, which is one atomic upsert). Every transaction therefore
 * begins by taking one transaction-scoped advisory lock, which PostgreSQL releases at
 * commit or rollback, also when the connection dies; statements outside a transaction are
 * atomic on their own and do not take it. A transaction that cannot have the lock within
 * {@code complaints.register.busy-timeout} fails with {@code 55P03}, which
 * {@link RegisterFaults} counts as the machine's fault, as it does {@code SQLITE_BUSY}.
 * The lock is per schema, so registers in different schemas of one database do not wait
 * for each other.
 */
final class PostgresWriteLock extends DelegatingDataSource implements Closeable {

	/** No transaction of the register waits on its client this long. */
	static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(60);

	private final HikariDataSource pool;

	private final String lock;

	private PostgresWriteLock(HikariDataSource pool) {
		super(pool);
		this.pool = pool;
		// hashtext of the schema: one lock per register, the same number in every
		// instance
		this.lock = "SELECT pg_advisory_xact_lock(hashtext(current_schema()))";
	}

	static DataSource dataSource(RegisterSettings settings) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(settings.url());
		config.setUsername(settings.username());
		config.setPassword(settings.password());
		config.setMaximumPoolSize(4);
		config.setPoolName("register");
		// a transaction left open by a frozen process ends, and its lock with it
		config.setConnectionInitSql("SET lock_timeout = " + settings.busyTimeout().toMillis()
				+ "; SET idle_in_transaction_session_timeout = " + IDLE_IN_TRANSACTION.toMillis());
		config.addDataSourceProperty("tcpKeepAlive", "true");
		return new PostgresWriteLock(new HikariDataSource(config));
	}

	@Override
	public Connection getConnection() throws SQLException {
		return locking(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return locking(super.getConnection(username, password));
	}

	/** The pool without the lock, for Flyway ({@link RegisterMigrations}). */
	DataSource unlocked() {
		return this.pool;
	}

	@Override
	public void close() {
		this.pool.close();
	}

	private Connection locking(Connection connection) {
		return (Connection) Proxy.newProxyInstance(PostgresWriteLock.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					Object result;
					try {
						result = method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					if ("setAutoCommit".equals(method.getName()) && Boolean.FALSE.equals(args[0])) {
						try (Statement statement = connection.createStatement()) {
							statement.execute(this.lock);
						}
					}
					return result;
				});
	}

}
