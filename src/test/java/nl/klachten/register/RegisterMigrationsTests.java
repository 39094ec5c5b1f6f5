package nl.klachten.register;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Flyway history for both dialects (issue 16): PostgreSQL's migrations carry the same
 * versions and descriptions as SQLite's, so a register's history reads the same whichever
 * database holds it; the schema of a PostgreSQL URL is the one migrated.
 */
class RegisterMigrationsTests {

	@Test
	void shouldHaveTheSameVersionsAndDescriptionsInBothDialects() throws Exception {
		List<String> sqlite = Stream
			.concat(migrations("db/migration", ".sql"),
					migrations("db/migration", ".class").filter((n) -> !n.contains("$")))
			.sorted()
			.toList();
		List<String> postgresql = Stream.concat(migrations("db/postgresql", ".sql"), Stream.of("V15__utc_timestamps"))
			.sorted()
			.toList();
		assertThat(postgresql).isEqualTo(sqlite);
		assertThat(sqlite).hasSize(SchemaVersions.code()).contains("V1__register", "V15__utc_timestamps");
	}

	@Test
	void shouldMigrateTheSchemaTheUrlNames() {
		assertThat(RegisterMigrations.schema("jdbc:postgresql://127.0.0.1:5432/klachten?currentSchema=provider_a"))
			.isEqualTo("provider_a");
		assertThat(RegisterMigrations
			.schema("jdbc:postgresql://127.0.0.1:5432/klachten?ssl=true&currentSchema=provider_b&connectTimeout=5"))
			.isEqualTo("provider_b");
		assertThat(RegisterMigrations.schema("jdbc:postgresql://127.0.0.1:5432/klachten")).isNull();
		assertThat(RegisterMigrations.schema("jdbc:postgresql://127.0.0.1:5432/klachten?currentSchema=a,public"))
			.as("a search path is not one schema to create")
			.isNull();
	}

	/** The migration names in a folder of the classpath, without their extension. */
	private static Stream<String> migrations(String folder, String extension) throws IOException, URISyntaxException {
		Path dir = Path
			.of(Objects.requireNonNull(RegisterMigrations.class.getClassLoader().getResource(folder)).toURI());
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((f) -> f.getFileName().toString())
				.filter((n) -> n.endsWith(extension))
				.map((n) -> n.substring(0, n.length() - extension.length()))
				.toList()
				.stream();
		}
	}

}
