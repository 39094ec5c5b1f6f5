package nl.klachten.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register's directory and the data files directory hold every complaint and raw
 * mail, so at start they are made 0700 even when they already exist (a directory made by
 * hand, or by an older release, may be world-readable; issue 9). When that is impossible,
 * for instance because the directory belongs to another user, the processor does not
 * start. A file system without POSIX permissions gets a warning: its own access rules
 * apply.
 */
final class OwnerOnlyDirectory {

	private static final Logger log = LoggerFactory.getLogger(OwnerOnlyDirectory.class);

	private OwnerOnlyDirectory() {
	}

	/**
	 * Creates the directory if needed and sets it to 0700.
	 * @throws IllegalStateException with a one-line reason (what, where, how to fix)
	 */
	static void ensure(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create the register directory " + dir + " ("
					+ ex.getClass().getSimpleName() + "): create it, owned by the user that runs the processor");
		}
		try {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			log.warn("The file system of the register directory has no POSIX permissions; not made owner-only");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot make the register directory " + dir
					+ " owner-only (chmod 0700 failed: " + ex.getClass().getSimpleName()
					+ "): run the processor as the directory's owner, or chown it to that user");
		}
	}

}
