package nl.klachten.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.sqlite.SQLiteConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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

	private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[^$]*\\.(sql|class)");

	@Bean(destroyMethod = "destroy")
	SingleConnectionDataSource readOnlyDataSource(RegisterSettings settings) {
		return new SingleConnectionDataSource(open(settings.file()), true);
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
		Connection connection = null;
		try {
			connection = config.createConnection("jdbc:sqlite:" + file);
			requireSchema(connection, file);
			return connection;
		}
		catch (SQLException ex) {
			close(connection);
			throw new IllegalStateException("cannot read the register " + file + ": " + reason(ex));
		}
		catch (RuntimeException ex) {
			close(connection);
			throw ex;
		}
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

	private static void requireSchema(Connection connection, Path file) throws SQLException {
		OptionalInt register = registerVersion(connection);
		if (register.isEmpty()) {
			throw new IllegalStateException(file + " is not a complaints register (it has no schema history)");
		}
		int code = codeVersion();
		if (register.getAsInt() < code) {
			throw new IllegalStateException("the register " + file + " has schema version " + register.getAsInt()
					+ ", this version needs " + code + ": start the processor once (scripts/complaints) to upgrade it");
		}
	}

	static OptionalInt registerVersion(Connection connection) throws SQLException {
		try (var statement = connection.createStatement();
				var tables = statement.executeQuery(
						"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
			if (!tables.next() || tables.getInt(1) == 0) {
				return OptionalInt.empty();
			}
		}
		try (var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1")) {
			int max = -1;
			while (rows.next()) {
				String version = rows.getString(1);
				if (version != null && version.matches("\\d+")) {
					max = Math.max(max, Integer.parseInt(version));
				}
			}
			return max < 0 ? OptionalInt.empty() : OptionalInt.of(max);
		}
	}

	/**
	 * The highest migration this code carries ({@code spring.flyway.locations},
	 * {@code application.yml}): SQL scripts and Java migrations
	 * ({@code db.migration.V15__utc_timestamps}) alike.
	 */
	static int codeVersion() {
		try {
			Resource[] scripts = new PathMatchingResourcePatternResolver(ReadOnlyRegister.class.getClassLoader())
				.getResources("classpath*:db/migration/V*__*");
			return Arrays.stream(scripts)
				.map(Resource::getFilename)
				.filter((name) -> name != null)
				.map(MIGRATION::matcher)
				.filter(Matcher::matches)
				.mapToInt((m) -> Integer.parseInt(m.group(1)))
				.max()
				.orElse(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the schema migrations", ex);
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
