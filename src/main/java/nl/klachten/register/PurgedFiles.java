package nl.klachten.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files of purged mail and attachments. The store is content-addressed, so two cases
 * can share a file: a file goes only when no row refers to it any more, and only after
 * the register's change is committed (a crash in between leaves at most an unreferenced
 * file). A path outside the data directory is never touched. Logs an exception's class
 * only (R8).
 */
@Component
class PurgedFiles {

	private static final Logger log = LoggerFactory.getLogger(PurgedFiles.class);

	private final JdbcClient jdbc;

	private final Path dataDirectory;

	PurgedFiles(JdbcClient jdbc, RegisterSettings settings) {
		this.jdbc = jdbc;
		this.dataDirectory = settings.dataDirectory().normalize();
	}

	/**
	 * Those of {@code files} that no inbound mail or attachment row refers to; in the
	 * transaction.
	 */
	Set<String> unreferenced(Collection<String> files) {
		Set<String> unreferenced = new LinkedHashSet<>();
		for (String file : files) {
			int references = this.jdbc.sql("""
					SELECT (SELECT count(*) FROM inbound_mail WHERE raw_path = :p)
					     + (SELECT count(*) FROM attachment WHERE path = :p)""")
				.param("p", file)
				.query(Integer.class)
				.single();
			if (references == 0) {
				unreferenced.add(file);
			}
		}
		return unreferenced;
	}

	/** Deletes the files, after the commit; how many were there to delete. */
	int delete(Set<String> files) {
		int deleted = 0;
		for (String file : files) {
			Path path = this.dataDirectory.resolve(file).normalize();
			if (path.startsWith(this.dataDirectory) && deleteIfExists(path)) {
				deleted++;
			}
		}
		return deleted;
	}

	private static boolean deleteIfExists(Path path) {
		try {
			return Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("Deleting a purged file failed: {}", ex.getClass().getSimpleName());
			return false;
		}
	}

}
