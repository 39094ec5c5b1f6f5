package nl.klachten.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema version of a register (its Flyway history, in either dialect) and the one
 * this code's migrations reach, for the commands that must not migrate.
 */
final class SchemaVersions {

	private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[^$]*\\.(sql|class)");

	private SchemaVersions() {
	}

	/** The highest version the register's history records as done, if it has one. */
	static OptionalInt register(Connection connection) throws SQLException {
		try (var tables = connection.getMetaData()
			.getTables(null, connection.getSchema(), "flyway_schema_history", new String[] { "TABLE" })) {
			if (!tables.next()) {
				return OptionalInt.empty();
			}
		}
		try (var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
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
	static int code() {
		try {
			Resource[] scripts = new PathMatchingResourcePatternResolver(SchemaVersions.class.getClassLoader())
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

}
