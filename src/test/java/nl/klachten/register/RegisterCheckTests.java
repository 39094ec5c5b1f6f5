package nl.klachten.register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code check} says about the register: its schema version, or what stands in the
 * way.
 */
class RegisterCheckTests {

	@TempDir
	Path dir;

	@Test
	void shouldGiveTheSchemaVersionAndTheUpgradeWhenTheRegisterIsOlder() throws Exception {
		Path file = register(1);
		assertThat(RegisterCheck.check(file)).isEqualTo("ok register: " + file + " (schema version 1; the processor"
				+ " upgrades it to " + SchemaVersions.code() + " at start: back it up first)");
	}

	@Test
	void shouldGiveTheSchemaVersionWhenTheRegisterIsCurrent() throws Exception {
		Path file = register(SchemaVersions.code());
		assertThat(RegisterCheck.check(file))
			.isEqualTo("ok register: " + file + " (schema version " + SchemaVersions.code() + ")");
	}

	@Test
	void shouldSayItIsNoRegisterWhenTheFileHasNoSchemaHistory() throws Exception {
		Path file = Files.writeString(this.dir.resolve("notes.db"), "");
		assertThat(RegisterCheck.check(file)).startsWith(file + " is not a complaints register");
	}

	private Path register(int version) throws Exception {
		Path file = this.dir.resolve("register.db");
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
			s.executeUpdate("CREATE TABLE flyway_schema_history (version TEXT, success INTEGER)");
			s.executeUpdate("INSERT INTO flyway_schema_history VALUES ('" + version + "', 1)");
		}
		return file;
	}

}
