package nl.klachten.register;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * No text the register stores holds a NUL character: every string bound to a statement
 * has its U+0000 replaced by U+FFFD. A stranger's mail can carry NUL in its subject, a
 * name or its body (an encoded word, quoted-printable {@code =00}, a raw 8-bit byte);
 * PostgreSQL refuses it in text ({@code 22021}), also when the intake records the
 * failure, so such a mail was tried for ever instead of quarantined (issue 16). SQLite
 * stored it; now both registers store the same text. Raw bytes ({@code byte[]}) are bound
 * unchanged.
 */
final class NulFreeText extends DelegatingDataSource implements Closeable {

	private static final char NUL = '\u0000';

	private static final char REPLACEMENT = '\uFFFD';

	NulFreeText(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connection(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connection(super.getConnection(username, password));
	}

	/** Closes the pool underneath. */
	@Override
	public void close() throws IOException {
		if (getTargetDataSource() instanceof Closeable pool) {
			pool.close();
		}
	}

	/** The text as stored: NUL replaced. */
	static String stored(String text) {
		return text == null || text.indexOf(NUL) < 0 ? text : text.replace(NUL, REPLACEMENT);
	}

	private static Connection connection(Connection connection) {
		return proxy(Connection.class, connection, (method, args) -> {
			Object result = method.invoke(connection, args);
			// prepareCall's CallableStatement stays as it is: the register has none
			return ("prepareStatement".equals(method.getName()) && result instanceof PreparedStatement statement)
					? statement(statement) : result;
		});
	}

	private static PreparedStatement statement(PreparedStatement statement) {
		return proxy(PreparedStatement.class, statement, (method, args) -> {
			if (args != null && args.length == 2 && args[1] instanceof String text && isStringSetter(method)) {
				args[1] = stored(text);
			}
			return method.invoke(statement, args);
		});
	}

	private static boolean isStringSetter(Method method) {
		return switch (method.getName()) {
			case "setString", "setNString", "setObject" -> true;
			default -> false;
		};
	}

	private interface Call {

		Object invoke(Method method, Object[] args) throws Exception;

	}

	private static <T> T proxy(Class<T> type, T target, Call call) {
		return type.cast(Proxy.newProxyInstance(NulFreeText.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					if ("unwrap".equals(method.getName()) || "isWrapperFor".equals(method.getName())) {
						return method.invoke(target, args);
					}
					try {
						return call.invoke(method, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				}));
	}

}
