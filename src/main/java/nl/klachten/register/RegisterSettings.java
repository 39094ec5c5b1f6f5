package nl.klachten.register;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param tenant whose register this is (CONTRACT §7): {@code default} for the one
 * provider of the top-level keys, else a {@code complaints.tenants[N].id}, whose register
 * is {@link #tenant(String)}'s
 */
@Validated
@ConfigurationProperties("complaints.register")
public record RegisterSettings(@NotBlank String path, @DefaultValue("30s") @NotNull Duration busyTimeout, String url,
		String username, String password, @DefaultValue(RegisterSettings.DEFAULT_TENANT) String tenant) {

	/** The tenant of a configuration without {@code complaints.tenants}. */
	public static final String DEFAULT_TENANT = "default";

	/**
	 * A tenant id: lower-case letters, digits and {@code _}, a letter first, at most 30,
	 * so that it names a PostgreSQL schema, a directory and a metrics label unchanged.
	 */
	public static final Pattern TENANT = Pattern.compile("[a-z][a-z0-9_]{0,29}");

	private static final String SQLITE = "jdbc:sqlite:";

	/** PostgreSQL's longest name; a longer one is cut, and two tenants could meet. */
	private static final int MAX_SCHEMA = 63;

	private static final Pattern CURRENT_SCHEMA = Pattern.compile("([?&;]currentSchema=)([^&;]*)");

	private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");

	/** A schema name that means the same quoted and unquoted: Flyway quotes it. */
	private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]*");

	@ConstructorBinding
	public RegisterSettings {
		tenant = tenant == null ? DEFAULT_TENANT : tenant;
		if (!TENANT.matcher(tenant).matches()) {
			throw new IllegalArgumentException("a tenant id must be lower case letters, digits and _, a letter first,"
					+ " at most 30 characters, not " + tenant);
		}
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

	public RegisterSettings(String path, Duration busyTimeout, String url, String username, String password) {
		this(path, busyTimeout, url, username, password, DEFAULT_TENANT);
	}

	/**
	 * The register of tenant {@code id} in the same database (CONTRACT §7): on PostgreSQL
	 * the schema {@code BASE_ID}, where BASE is the URL's {@code currentSchema} (else
	 * {@code complaints}); its SQLite file and raw mail in the directory {@code ID}
	 * beside this register's file. Tenant {@code default} keeps this register, so that a
	 * provider's register of before tenants serves on as that tenant.
	 */
	public RegisterSettings tenant(String id) {
		if (DEFAULT_TENANT.equals(id)) {
			return new RegisterSettings(this.path, this.busyTimeout, this.url, this.username, this.password, id);
		}
		String own = dataDirectory().resolve(id).resolve(file().getFileName()).toString();
		String base = postgresql() ? RegisterMigrations.schema(this.url) : null;
		String schema = (base == null ? "complaints" : base) + "_" + id;
		if (postgresql() && schema.length() > MAX_SCHEMA) {
			throw new IllegalArgumentException("the schema of tenant " + id + ", " + schema + ", is longer than "
					+ MAX_SCHEMA + " characters: give the register URL a shorter currentSchema");
		}
		String schemaUrl = postgresql() ? withSchema(this.url, schema) : null;
		return new RegisterSettings(own, this.busyTimeout, schemaUrl, this.username, this.password, id);
	}

	private static String withSchema(String url, String schema) {
		Matcher named = CURRENT_SCHEMA.matcher(url);
		if (named.find()) {
			return url.substring(0, named.start(2)) + schema + url.substring(named.end(2));
		}
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
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
		return "RegisterSettings[" + this.tenant + ", " + (postgresql() ? shownUrl() : this.path) + "]";
	}

}
