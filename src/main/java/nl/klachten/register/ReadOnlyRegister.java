package nl.klachten.register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

import javax.sql.DataSource;

import org.sqlite.SQLiteConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The register opened for reading only, for the admin commands that change nothing
 * ({@code export}, {@code show}, {@code report}, {@code digest --dry-run}): one SQLite
 * connection opened read-only, no pool and no Flyway, so such a command answers in well
 * under two seconds and can neither create nor change a register. Every repository of
 * this package is there, named in {@code @Import} rather than scanned for (scanning read
 * every class of the package, a sixth of a command's start, issue 15;
 * {@code ReadOnlyRegisterTests} scans and fails when one is missing); a write through it
 * fails with SQLITE_READONLY.
 * <p>
 * A register whose schema is older than this code's migrations is not migrated here: the
 * command says so in one line and asks to start the processor once, which migrates it (an
 * older processor may still be running on it, and a read-only command must not change its
 * schema under it). A newer schema is read as it is, as Flyway itself ignores future
 * migrations.
 * <p>
 * Not a {@code @Configuration}: the application's component scan must not pick it up; the
 * command line registers it in its own small context.
 */
@Import({ Appeals.class, CaseAnonymiser.class, CaseChanges.class, CaseFiles.class, CaseLanguages.class,
		CaseStandings.class, CaseThreads.class, Complaints.class, ConfirmationRequests.class, Correspondence.class,
		DataRequests.class, DigestData.class, ImapPurgeQueue.class, InboundLog.class, Outbox.class, OutboxDrain.class,
		OutboxQueries.class, PurgeRun.class, PurgedFiles.class, ReferenceNumbers.class, RegisterCreation.class,
		Retention.class, RetentionCandidates.class, SentMail.class, Vitals.class, YearFigures.class })
public class ReadOnlyRegister {

	@Bean(destroyMethod = "destroy")
	SingleConnectionDataSource readOnlyDataSource(RegisterSettings settings) {
		return new SingleConnectionDataSource(settings.postgresql() ? openPostgres(settings) : open(settings.file()),
				true);
	}

	/** The read-only commands take no lease and release none. */
	@Bean
	Instances instances() {
		return Instances.single();
	}

	@Bean
	JdbcClient jdbcClient(DataSource readOnlyDataSource) {
		return JdbcClient.create(readOnlyDataSource);
	}

	@Bean
	PlatformTransactionManager transactionManager(DataSource readOnlyDataSource) {
		return new DataSourceTransactionManager(readOnlyDataSource);
	}

	/** Reads raw mail and attachments beside the register; creates no directory. */
	@Bean
	DataFiles dataFiles(RegisterSettings settings) {
		return new DataFiles(settings.dataDirectory());
	}

	/**
	 * A read-only connection to an existing register of this code's schema.
	 * @throws IllegalStateException with a one-line reason (what, where, how to fix)
	 */
	static Connection open(Path file) {
		requireFile(file);
		SQLiteConfig config = new SQLiteConfig();
		config.setReadOnly(true);
		config.setBusyTimeout(30_000);
		return checked(file.toString(), () -> config.createConnection("jdbc:sqlite:" + file));
	}

	/**
	 * A connection to a PostgreSQL register (issue 16) in which every transaction, and
	 * every statement on its own, is read-only.
	 * @throws IllegalStateException with a one-line reason
	 */
	static Connection openPostgres(RegisterSettings settings) {
		Properties properties = new Properties();
		Optional.ofNullable(settings.username()).ifPresent((user) -> properties.setProperty("user", user));
		Optional.ofNullable(settings.password()).ifPresent((password) -> properties.setProperty("password", password));
		properties.setProperty("options", "-c default_transaction_read_only=on");
		return checked(settings.shownUrl(), () -> {
			Connection connection = DriverManager.getConnection(settings.url(), properties);
			// again here: options in the URL would replace the ones above
			try (var statement = connection.createStatement()) {
				statement.execute("SET default_transaction_read_only = on");
			}
			return connection;
		});
	}

	private static Connection checked(String register, Opening opening) {
		Connection connection = null;
		try {
			connection = opening.open();
			requireSchema(connection, register);
			return connection;
		}
		catch (SQLException ex) {
			close(connection);
			throw new IllegalStateException("cannot read the register " + register + ": " + reason(ex));
		}
		catch (RuntimeException ex) {
			close(connection);
			throw ex;
		}
	}

	private interface Opening {

		Connection open() throws SQLException;

	}

	/**
	 * The register file exists and can be read: an admin command works on the processor's
	 * register and never creates an empty one in its place.
	 * @throws IllegalStateException with a one-line reason
	 */
	public static void requireFile(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("no register at " + file
					+ " (start the processor once to create it, or give --complaints.register.path=FILE)");
		}
		if (!Files.isReadable(file)) {
			throw new IllegalStateException("cannot read the register " + file + " (run as the user that owns it)");
		}
	}

	private static void requireSchema(Connection connection, String file) throws SQLException {
		OptionalInt register = SchemaVersions.register(connection);
		if (register.isEmpty()) {
			throw new IllegalStateException(file + " is not a complaints register (it has no schema history)");
		}
		int code = SchemaVersions.code();
		if (register.getAsInt() < code) {
			throw new IllegalStateException("the register " + file + " has schema version " + register.getAsInt()
					+ ", this version needs " + code + ": start the processor once (scripts/complaints) to upgrade it");
		}
	}

	/** SQLite's own words without its error code prefix: "file is not a database". */
	private static String reason(SQLException ex) {
		String message = String.valueOf(ex.getMessage());
		int open = message.lastIndexOf('(');
		int close = message.lastIndexOf(')');
		return open >= 0 && close > open ? message.substring(open + 1, close) : message;
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// already failing; the first reason is the one to report
			}
		}
	}

}
