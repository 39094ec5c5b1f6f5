package nl.klachten.register;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConnection;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Keeps a failed {@code BEGIN} from breaking the next transaction on that pooled
 * connection. The SQLite driver starts a transaction in {@code setAutoCommit(false)}
 * ({@code BEGIN IMMEDIATE}), and notes "not auto-commit" before it runs the BEGIN; when
 * the BEGIN fails (the lock held by another writer past the busy timeout,
 * {@code SQLITE_BUSY}) the connection goes back to the pool believing it is in a
 * transaction that does not exist, and the pool does not reset it (it saw the call fail).
 * The next transaction on it would then skip its BEGIN and write every statement on its
 * own: a mail's case without its acknowledgement. So a failed
 * {@code setAutoCommit(false)} puts the driver's flag back to auto-commit before the
 * failure goes up.
 */
final class BeginGuard extends DelegatingDataSource implements Closeable {

	private final HikariDataSource pool;

	BeginGuard(HikariDataSource pool) {
		super(pool);
		this.pool = pool;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return guarded(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return guarded(super.getConnection(username, password));
	}

	@Override
	public void close() {
		this.pool.close();
	}

	private static Connection guarded(Connection connection) {
		return (Connection) Proxy.newProxyInstance(BeginGuard.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						if ("setAutoCommit".equals(method.getName()) && Boolean.FALSE.equals(args[0])) {
							restoreAutoCommit(connection);
						}
						throw ex.getCause();
					}
				});
	}

	private static void restoreAutoCommit(Connection connection) {
		try {
			if (connection.isWrapperFor(SQLiteConnection.class)) {
				connection.unwrap(SQLiteConnection.class).getConnectionConfig().setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			// a connection that cannot even be unwrapped is broken; the pool evicts it on
			// its own
		}
	}

}
