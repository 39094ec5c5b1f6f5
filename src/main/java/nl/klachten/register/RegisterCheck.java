package nl.klachten.register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;

import org.sqlite.SQLiteConfig;

/**
 * The register as {@code scripts/complaints check} sees it (CONTRACT §1): an existing
 * register that can be written and its schema version, or a directory in which the
 * processor can create one. Nothing is created or changed: the register is opened
 * read-only.
 */
public final class RegisterCheck {

	private RegisterCheck() {
	}

	/**
	 * {@code ok register: ...}, or the one line of the problem (what, where, how to fix).
	 */
	public static String check(RegisterSettings settings) {
		return settings.postgresql() ? postgres(settings) : check(settings.file());
	}

	/**
	 * A PostgreSQL register (issue 16): reachable with the role given, and its schema
	 * version; an empty database is fine, the processor migrates it at start.
	 */
	private static String postgres(RegisterSettings settings) {
		try (Connection connection = java.sql.DriverManager.getConnection(settings.url(), settings.username(),
				settings.password())) {
			OptionalInt version = SchemaVersions.register(connection);
			return "ok register: " + settings.shownUrl()
					+ (version.isEmpty() ? " (empty; the processor creates the schema at start)"
							: " (schema version " + version.getAsInt() + ")");
		}
		catch (SQLException ex) {
			return "cannot reach the register " + settings.shownUrl() + " (" + ex.getSQLState() + "): check"
					+ " complaints.register.url, username and password, and that PostgreSQL listens there";
		}
	}

	static String check(Path file) {
		if (Files.isRegularFile(file)) {
			return existing(file);
		}
		if (Files.exists(file)) {
			return "the register " + file + " is not a file: set complaints.register.path to the register file";
		}
		Path ancestor = file.getParent();
		while (ancestor != null && !Files.exists(ancestor)) {
			ancestor = ancestor.getParent();
		}
		if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
			return "cannot create the register " + file + ": " + ancestor
					+ " is not a writable directory (create the directory, owned by the user that runs the processor,"
					+ " or set complaints.register.path)";
		}
		return "ok register: " + file + " does not exist yet; the processor creates it at start";
	}

	private static String existing(Path file) {
		if (!Files.isReadable(file) || !Files.isWritable(file) || !Files.isWritable(file.getParent())) {
			return "cannot write the register " + file + ": run as the user that owns it and its directory";
		}
		SQLiteConfig config = new SQLiteConfig();
		config.setReadOnly(true);
		config.setBusyTimeout(30_000);
		try (Connection connection = config.createConnection("jdbc:sqlite:" + file)) {
			OptionalInt version = SchemaVersions.register(connection);
			if (version.isEmpty()) {
				return file + " is not a complaints register (it has no schema history):"
						+ " set complaints.register.path to the register file";
			}
			int code = SchemaVersions.code();
			if (version.getAsInt() < code) {
				return "ok register: " + file + " (schema version " + version.getAsInt()
						+ "; the processor upgrades it to " + code + " at start: back it up first)";
			}
			return "ok register: " + file + " (schema version " + version.getAsInt() + ")";
		}
		catch (SQLException ex) {
			return "cannot read the register " + file + " (" + ex.getClass().getSimpleName()
					+ "): is it a complaints register? set complaints.register.path to the register file";
		}
	}

}
