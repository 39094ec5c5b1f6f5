package nl.klachten.register;

import java.util.Properties;

import javax.sql.DataSource;

import db.migration.V15__utc_timestamps;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.Driver;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * One Flyway history for both dialects (issue 16): the same versions and descriptions, V1
 * to V16. SQLite's SQL is in {@code db/migration} beside the Java migration V15, which
 * Flyway finds by scanning; PostgreSQL's SQL, the same schema in its own types, is in
 * {@code db/postgresql}, and V15 (plain SELECT and UPDATE) is handed to it by name. A
 * PostgreSQL URL's {@code currentSchema} is the schema Flyway creates and migrates, so
 * that several registers can share one database (the tests do). Flyway works on the pool
 * itself, without the register's write lock ({@link PostgresWriteLock}).
 */
final class RegisterMigrations implements FlywayConfigurationCustomizer {

	static final String POSTGRESQL = "classpath:db/postgresql";

	private final RegisterSettings settings;

	private final DataSource dataSource;

	RegisterMigrations(RegisterSettings settings, DataSource dataSource) {
		this.settings = settings;
		this.dataSource = dataSource;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		if (!this.settings.postgresql()) {
			return;
		}
		configuration.locations(POSTGRESQL).javaMigrations(new V15__utc_timestamps());
		PostgresWriteLock locked = writeLock(this.dataSource);
		if (locked != null) {
			// Flyway holds its own advisory lock and works on two connections at
			// once: the register's write lock on each would make them wait for each
			// other
			configuration.dataSource(locked.unlocked());
		}
		String schema = schema(this.settings.url());
		if (schema != null) {
			configuration.schemas(schema).defaultSchema(schema);
		}
	}

	/** The register's write lock under its wrappers ({@link NulFreeText}), if any. */
	private static PostgresWriteLock writeLock(DataSource dataSource) {
		try {
			return (dataSource != null && dataSource.isWrapperFor(PostgresWriteLock.class))
					? dataSource.unwrap(PostgresWriteLock.class) : null;
		}
		catch (java.sql.SQLException ex) {
			return null;
		}
	}

	/** The URL's {@code currentSchema}, or null for the role's default. */
	static String schema(String url) {
		Properties properties = Driver.parseURL(url, new Properties());
		String schema = properties == null ? null : properties.getProperty("currentSchema");
		return schema == null || schema.isBlank() || schema.contains(",") ? null : schema;
	}

}
