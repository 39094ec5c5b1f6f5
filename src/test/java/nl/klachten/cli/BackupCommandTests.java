package nl.klachten.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup FILE} (CONTRACT §1): a consistent copy while another connection keeps
 * writing, as the processor does. Every write transaction adds two rows with the same
 * pair number, so a copy taken halfway through a transaction would hold an odd count or a
 * lone row; each copy must hold whole pairs, pass SQLite's integrity check and be 0600.
 */
class BackupCommandTests {

	@TempDir
	Path dir;

	@Test
	void shouldCopyWholeTransactionsOwnerOnlyWhileAnotherConnectionWrites() throws Exception {
		Path register = this.dir.resolve("register.db");
		try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + register + "?journal_mode=WAL")) {
			try (Statement statement = writer.createStatement()) {
				statement.executeUpdate("CREATE TABLE flyway_schema_history (version TEXT, success INTEGER)");
				statement.executeUpdate("CREATE TABLE pair (n INTEGER, side INTEGER, filler TEXT)");
			}
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicReference<Exception> failure = new AtomicReference<>();
			Thread thread = new Thread(() -> write(writer, writing, failure));
			thread.start();
			try {
				for (int i = 0; i < 5; i++) {
					Path copy = this.dir.resolve("copy-" + i + ".db");
					StringWriter err = new StringWriter();
					int exit = ComplaintsCli.execute(
							new String[] { "backup", copy.toString(), "--complaints.register.path=" + register },
							new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
					assertThat(exit).as(err.toString()).isZero();
					assertConsistent(copy);
					assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
						.isEqualTo("rw-------");
				}
			}
			finally {
				writing.set(false);
				thread.join();
			}
			assertThat(failure.get()).isNull();
			Path last = this.dir.resolve("copy-last.db");
			assertThat(ComplaintsCli.execute(
					new String[] { "backup", last.toString(), "--complaints.register.path=" + register },
					new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true)))
				.isZero();
			assertThat(count(last)).as("the copy holds what the register holds")
				.isEqualTo(count(register))
				.isPositive();
		}
	}

	private static int count(Path file) throws SQLException {
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
				Statement statement = c.createStatement();
				var rows = statement.executeQuery("SELECT count(*) FROM pair")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	/**
	 * A register of some 20 MB that another connection writes to without pause: SQLite's
	 * online backup, which the command used before, starts again after every write by
	 * another connection and never finished (a CI run spun in it for six minutes). The
	 * time limit only tells a livelock from a copy; the copy takes about a second.
	 */
	@Test
	void shouldFinishTheCopyWhileAnotherConnectionWritesWithoutPause() throws Exception {
		Path register = this.dir.resolve("register.db");
		try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + register + "?journal_mode=WAL")) {
			try (Statement statement = writer.createStatement()) {
				statement.executeUpdate("CREATE TABLE pair (n INTEGER, side INTEGER, filler TEXT)");
				statement
					.executeUpdate("WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 5000) "
							+ "INSERT INTO pair SELECT n, 0, hex(randomblob(2000)) FROM k");
			}
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicReference<Exception> failure = new AtomicReference<>();
			Thread thread = new Thread(() -> write(writer, writing, failure));
			thread.start();
			try {
				Path copy = this.dir.resolve("copy.db");
				int exit = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
						() -> ComplaintsCli.execute(
								new String[] { "backup", copy.toString(), "--complaints.register.path=" + register },
								new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true)));
				assertThat(exit).isZero();
				assertThat(count(copy)).isGreaterThanOrEqualTo(5000);
			}
			finally {
				writing.set(false);
				thread.join();
			}
			assertThat(failure.get()).isNull();
		}
	}

	@Test
	void shouldRefuseToOverwriteAnExistingFileUnlessForced() throws IOException {
		Path register = this.dir.resolve("register.db");
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + register);
				Statement statement = c.createStatement()) {
			statement.executeUpdate("CREATE TABLE pair (n INTEGER, side INTEGER, filler TEXT)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		Path copy = Files.writeString(this.dir.resolve("existing.db"), "keep me");
		StringWriter err = new StringWriter();
		int exit = ComplaintsCli.execute(
				new String[] { "backup", copy.toString(), "--complaints.register.path=" + register },
				new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
		assertThat(exit).isEqualTo(1);
		assertThat(err.toString()).isEqualTo("complaints: the backup file " + copy
				+ " exists already: name a new file, or give --force to replace it" + System.lineSeparator());
		assertThat(Files.readString(copy)).isEqualTo("keep me");

		exit = ComplaintsCli.execute(
				new String[] { "backup", "--force", copy.toString(), "--complaints.register.path=" + register },
				new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
		assertThat(exit).isZero();
		assertThat(Files.readAllBytes(copy)).startsWith("SQLite format 3".getBytes());
	}

	@Test
	void shouldSayInOneLineWhenThereIsNoRegister() {
		StringWriter err = new StringWriter();
		int exit = ComplaintsCli.execute(
				new String[] { "backup", this.dir.resolve("copy.db").toString(),
						"--complaints.register.path=" + this.dir.resolve("none.db") },
				new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
		assertThat(exit).isEqualTo(1);
		assertThat(err.toString()).startsWith("complaints: no register at ").hasLineCount(1);
		assertThat(this.dir.resolve("copy.db")).doesNotExist();
	}

	private static void write(Connection writer, AtomicBoolean writing, AtomicReference<Exception> failure) {
		try (Statement statement = writer.createStatement()) {
			writer.setAutoCommit(false);
			for (int n = 0; writing.get() || n < 200; n++) {
				statement.executeUpdate("INSERT INTO pair VALUES (" + n + ", 0, hex(randomblob(2000)))");
				statement.executeUpdate("INSERT INTO pair VALUES (" + n + ", 1, hex(randomblob(2000)))");
				writer.commit();
			}
		}
		catch (SQLException ex) {
			failure.set(ex);
		}
	}

	private static void assertConsistent(Path copy) throws SQLException {
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
				Statement statement = c.createStatement()) {
			try (var rows = statement.executeQuery("PRAGMA integrity_check")) {
				rows.next();
				assertThat(rows.getString(1)).isEqualTo("ok");
			}
			try (var rows = statement.executeQuery(
					"SELECT count(*), (SELECT count(*) FROM (SELECT n FROM pair GROUP BY n HAVING count(*) <> 2)) FROM pair")) {
				rows.next();
				assertThat(rows.getInt(1) % 2).as("whole transactions only").isZero();
				assertThat(rows.getInt(2)).as("no pair cut in half").isZero();
			}
		}
	}

}
