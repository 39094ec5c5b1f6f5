package nl.klachten.register;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import nl.klachten.PostgresRegisterCustomizerFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both dialects' migrations build the same register (issue 16): the same tables, columns
 * in the same order with the same nullability and type family, the same primary and
 * unique keys, the same indexes over the same columns and expressions, the same foreign
 * keys, and the same Flyway history. Runs where the tests are given a PostgreSQL database
 * ({@code scripts/postgres env}; the {@code postgresql} failsafe execution).
 */
@EnabledIfSystemProperty(named = PostgresRegisterCustomizerFactory.PROPERTY, matches = ".+")
class DialectSchemaIntegrationTests {

	/** SQLite's declared types and the PostgreSQL types they are written as. */
	private static final Map<String, String> TYPES = Map.of("INTEGER", "int8", "TEXT", "text", "BLOB", "bytea");

	@TempDir
	Path dir;

	@Test
	void shouldBuildTheSameSchemaAndHistoryInBothDialects() throws SQLException {
		String sqliteUrl = "jdbc:sqlite:" + this.dir.resolve("register.db");
		Flyway.configure().dataSource(sqliteUrl, null, null).load().migrate();
		String database = System.getProperty(PostgresRegisterCustomizerFactory.PROPERTY);
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
		String postgresUrl = database + "?currentSchema=" + schema;
		RegisterSettings settings = new RegisterSettings(this.dir.resolve("register.db").toString(),
				Duration.ofSeconds(5), postgresUrl, "complaints", "complaints");
		FluentConfiguration configuration = Flyway.configure().dataSource(postgresUrl, "complaints", "complaints");
		new RegisterMigrations(settings, null).customize(configuration);
		configuration.load().migrate();

		Map<String, String> sqlite;
		Map<String, String> postgresql;
		try (Connection connection = DriverManager.getConnection(sqliteUrl)) {
			sqlite = describe(connection, true);
		}
		try (Connection connection = DriverManager.getConnection(postgresUrl, "complaints", "complaints")) {
			postgresql = describe(connection, false);
		}
		assertThat(postgresql).as("PostgreSQL's register against SQLite's").isEqualTo(sqlite);
		assertThat(sqlite).containsKeys("table complaint", "table outbox", "history");
	}

	/** One line per table, index set, key set and the history, to compare. */
	private static Map<String, String> describe(Connection connection, boolean sqlite) throws SQLException {
		Map<String, String> schema = new TreeMap<>();
		DatabaseMetaData meta = connection.getMetaData();
		String name = connection.getSchema();
		try (ResultSet tables = meta.getTables(null, name, "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (table.startsWith("sqlite_") || table.equals("flyway_schema_history")) {
					continue;
				}
				Set<String> primaryKey = primaryKey(meta, name, table);
				schema.put("table " + table, columns(meta, name, table, primaryKey, sqlite));
				schema.put("primary key " + table, primaryKey.toString());
				schema.put("unique " + table, unique(meta, name, table, primaryKey));
				schema.put("indexes " + table, indexes(connection, table, sqlite));
				schema.put("foreign keys " + table, foreignKeys(meta, name, table));
			}
		}
		// Flyway's own row for the schema it created (PostgreSQL) is not a migration
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT version, description, type, success"
						+ " FROM flyway_schema_history WHERE type <> 'SCHEMA' ORDER BY installed_rank")) {
			StringBuilder history = new StringBuilder();
			while (rows.next()) {
				history.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ');
				history.append(rows.getString(3)).append(' ').append(rows.getBoolean(4)).append('\n');
			}
			schema.put("history", history.toString());
		}
		return schema;
	}

	/**
	 * Name, type family and nullability of each column in order; a primary key's columns
	 * count as not null (SQLite's metadata calls a TEXT primary key nullable).
	 */
	private static String columns(DatabaseMetaData meta, String schema, String table, Set<String> primaryKey,
			boolean sqlite) throws SQLException {
		StringBuilder columns = new StringBuilder();
		try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
			while (rs.next()) {
				String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
				String type = rs.getString("TYPE_NAME");
				boolean notNull = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
						|| primaryKey.contains(column);
				columns.append(column)
					.append(' ')
					.append(sqlite ? TYPES.getOrDefault(type.toUpperCase(Locale.ROOT), type) : type)
					.append(notNull ? " not null" : "")
					.append(", ");
			}
		}
		return columns.toString();
	}

	private static Set<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
		Set<String> key = new TreeSet<>();
		try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
			while (rs.next()) {
				key.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return key;
	}

	/** The UNIQUE constraints, by their columns (their indexes are named per dialect). */
	private static String unique(DatabaseMetaData meta, String schema, String table, Set<String> primaryKey)
			throws SQLException {
		Map<String, Set<String>> byIndex = new TreeMap<>();
		try (ResultSet rs = meta.getIndexInfo(null, schema, table, true, false)) {
			while (rs.next()) {
				String index = rs.getString("INDEX_NAME");
				String column = rs.getString("COLUMN_NAME");
				// SQLite's driver lists every index whatever the unique argument says
				if (index != null && column != null && !rs.getBoolean("NON_UNIQUE")) {
					byIndex.computeIfAbsent(index, (i) -> new TreeSet<>()).add(column.toLowerCase(Locale.ROOT));
				}
			}
		}
		Set<String> unique = new TreeSet<>();
		byIndex.values()
			.stream()
			.filter((columns) -> !columns.equals(primaryKey))
			.forEach((c) -> unique.add(c.toString()));
		return unique.toString();
	}

	/**
	 * The named indexes as written: name and what follows the table name, without the
	 * spacing and PostgreSQL's {@code USING btree}.
	 */
	private static String indexes(Connection connection, String table, boolean sqlite) throws SQLException {
		String query = sqlite
				? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
				: "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?"
						+ " AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'";
		Map<String, String> indexes = new TreeMap<>();
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String definition = rs.getString(2).toLowerCase(Locale.ROOT);
					String on = definition.substring(definition.indexOf('(', definition.indexOf(" on ")))
						.replaceAll("\\s+", "");
					indexes.put(rs.getString(1).toLowerCase(Locale.ROOT),
							(definition.startsWith("create unique") ? "unique " : "") + on);
				}
			}
		}
		return indexes.toString();
	}

	private static String foreignKeys(DatabaseMetaData meta, String schema, String table) throws SQLException {
		TreeSet<String> keys = new TreeSet<>();
		try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
			while (rs.next()) {
				keys.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
						+ rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
						+ rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return keys.toString();
	}

}
