package nl.klachten.register;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConfig;

/**
 * {@code scripts/complaints backup FILE} (CONTRACT §1): a consistent copy of the register
 * made with SQLite's {@code VACUUM INTO}, so it is safe while the processor writes: the
 * copy is the register as it was at one moment, read in one transaction (WAL lets the
 * processor write meanwhile), never a half-written file as {@code cp} of a WAL database
 * can give. The online backup API used before starts again whenever another connection
 * writes, and under steady writes it never finished (a test run spun for six minutes).
 * The copy holds every complainant's data: it is created 0600 before anything is written
 * to it, and an existing file is not overwritten unless asked to.
 */
public final class RegisterBackup {

	private RegisterBackup() {
	}

	/**
	 * Copies the register to {@code target}.
	 * @throws IllegalStateException with a one-line reason (what, where, how to fix)
	 */
	public static void copy(Path register, Path target, boolean force) {
		ReadOnlyRegister.requireFile(register);
		Path copy = target.toAbsolutePath();
		if (copy.equals(register.toAbsolutePath())) {
			throw new IllegalStateException("the backup " + copy + " is the register itself: name another file");
		}
		create(copy, force);
		SQLiteConfig config = new SQLiteConfig();
		config.setReadOnly(true);
		config.setBusyTimeout(30_000);
		try (Connection connection = config.createConnection("jdbc:sqlite:" + register.toAbsolutePath());
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
		}
		catch (SQLException ex) {
			deleteQuietly(copy);
			throw new IllegalStateException("the backup of " + register + " to " + copy + " failed ("
					+ ex.getClass().getSimpleName() + "): check that the register is readable and the target writable");
		}
	}

	private static void create(Path copy, boolean force) {
		try {
			if (force) {
				Files.deleteIfExists(copy);
			}
			if (copy.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(copy,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(copy);
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw new IllegalStateException(
					"the backup file " + copy + " exists already: name a new file, or give --force to replace it");
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot create the backup file " + copy + " ("
					+ ex.getClass().getSimpleName() + "): check that its directory exists and is writable");
		}
	}

	private static void deleteQuietly(Path copy) {
		try {
			Files.deleteIfExists(copy);
		}
		catch (IOException ex) {
			// the failure already reported is the one that matters
		}
	}

}
