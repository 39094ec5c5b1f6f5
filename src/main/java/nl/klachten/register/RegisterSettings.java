package nl.klachten.register;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the register lives (CONTRACT §3, §7); raw mail and attachments are kept beside
 * the SQLite file, or, with a PostgreSQL register, in the directory of {@code path}.
 *
 * @param path the SQLite file (with PostgreSQL: its directory holds the raw mail)
 * @param busyTimeout how long a write waits for another writer's lock before it fails
 * with {@code SQLITE_BUSY}: the intake then backs off and tries the mail again later, the
 * sender backs off and retries the record, never the mail
 * @param url the register's JDBC URL: {@code jdbc:postgresql://host:port/db} for a
 * PostgreSQL register (issue 16); empty for the SQLite file at {@code path}
 * @param username the PostgreSQL role
 * @param password its password
 */
@Validated
@ConfigurationProperties("complaints.register")
public record RegisterSettings(@NotBlank String path, @DefaultValue("30s") @NotNull Duration busyTimeout, String url,
		String username, String password) {

	private static final String SQLITE = "jdbc:sqlite:";

	private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");

	/** A schema name that means the same quoted and unquoted: Flyway quotes it. */
	private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]*");

	public RegisterSettings {
		if (url != null && !url.isBlank() && !url.startsWith(SQLITE) && !url.startsWith("jdbc:postgresql:")) {
			throw new IllegalArgumentException(
					"complaints.register.url must start with jdbc:sqlite: or jdbc:postgresql:, not " + url);
		}
		url = url == null || url.isBlank() ? null : url;
		String schema = url == null || !url.startsWith("jdbc:postgresql:") ? null : RegisterMigrations.schema(url);
		if (schema != null && !SCHEMA.matcher(schema).matches()) {
			throw new IllegalArgumentException("complaints.register.url: currentSchema must be lower case letters,"
					+ " digits and _, not " + schema);
		}
	}

	/**
	 * The SQLite file: the one a {@code jdbc:sqlite:} URL names, else {@code path}.
	 */
	public Path file() {
		if (this.url != null && this.url.startsWith(SQLITE)) {
			String named = this.url.substring(SQLITE.length());
			int options = named.indexOf('?');
			return Path.of(options < 0 ? named : named.substring(0, options)).toAbsolutePath();
		}
		return Path.of(this.path).toAbsolutePath();
	}

	public Path dataDirectory() {
		return file().getParent();
	}

	/** The register is a PostgreSQL database, not the SQLite file. */
	public boolean postgresql() {
		return this.url != null && this.url.startsWith("jdbc:postgresql:");
	}

	/**
	 * The URL to show: a password in it ({@code password=}, {@code sslpassword=}) is
	 * replaced by {@code ***}.
	 */
	public String shownUrl() {
		return this.url == null ? null : PASSWORD.matcher(this.url).replaceAll("$1***");
	}

	@Override
	public String toString() {
		return "RegisterSettings[" + (postgresql() ? shownUrl() : this.path) + "]";
	}

}
