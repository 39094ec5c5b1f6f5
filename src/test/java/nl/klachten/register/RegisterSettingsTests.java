package nl.klachten.register;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which register the settings name (CONTRACT §3, §7; issue 16): the SQLite file at
 * {@code path} by default, the file a {@code jdbc:sqlite:} URL names, or a PostgreSQL
 * database; nothing else.
 */
class RegisterSettingsTests {

	private static final Duration BUSY = Duration.ofSeconds(30);

	@Test
	void shouldBeTheSqliteFileAtPathWithoutAUrl() {
		for (String url : new String[] { null, "", "   " }) {
			RegisterSettings settings = new RegisterSettings("data/register.db", BUSY, url, null, null);
			assertThat(settings.url()).isNull();
			assertThat(settings.postgresql()).isFalse();
			assertThat(settings.file()).isEqualTo(Path.of("data/register.db").toAbsolutePath());
			assertThat(settings.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
		}
	}

	@Test
	void shouldTakeTheFileASqliteUrlNamesWithoutItsOptions() {
		RegisterSettings settings = new RegisterSettings("data/register.db", BUSY,
				"jdbc:sqlite:/srv/klachten/register.db?journal_mode=WAL", null, null);
		assertThat(settings.postgresql()).isFalse();
		assertThat(settings.file()).isEqualTo(Path.of("/srv/klachten/register.db"));
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/klachten"));
	}

	@Test
	void shouldBePostgresqlWithAPostgresqlUrlAndKeepTheRawMailBesidePath() {
		RegisterSettings settings = new RegisterSettings("/srv/klachten/register.db", BUSY,
				"jdbc:postgresql://127.0.0.1:5432/klachten", "complaints", "secret");
		assertThat(settings.postgresql()).isTrue();
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/klachten"));
	}

	@Test
	void shouldNeverShowThePassword() {
		RegisterSettings settings = new RegisterSettings("register.db", BUSY,
				"jdbc:postgresql://127.0.0.1:5432/klachten", "complaints", "s3cr3t-password");
		assertThat(settings.toString()).contains("jdbc:postgresql://127.0.0.1:5432/klachten")
			.doesNotContain("s3cr3t-password");
	}

	@Test
	void shouldHideAPasswordInTheUrl() {
		RegisterSettings settings = new RegisterSettings("register.db", BUSY,
				"jdbc:postgresql://127.0.0.1:5432/klachten?user=complaints&password=s3cr3t&sslpassword=k3y&ssl=true",
				null, null);
		assertThat(settings.shownUrl()).isEqualTo(
				"jdbc:postgresql://127.0.0.1:5432/klachten?user=complaints&password=***&sslpassword=***&ssl=true");
		assertThat(settings.toString()).doesNotContain("s3cr3t").doesNotContain("k3y");
	}

	@Test
	void shouldRefuseASchemaThatQuotingWouldChange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RegisterSettings("register.db", BUSY,
					"jdbc:postgresql://127.0.0.1:5432/klachten?currentSchema=Klachten", null, null))
			.withMessageContaining("currentSchema must be lower case");
		assertThat(new RegisterSettings("register.db", BUSY,
				"jdbc:postgresql://127.0.0.1:5432/klachten?currentSchema=provider_2", null, null)
			.postgresql()).isTrue();
	}

	@Test
	void shouldRefuseAnyOtherDatabase() {
		for (String url : new String[] { "jdbc:mysql://127.0.0.1/klachten", "postgresql://127.0.0.1/klachten",
				"jdbc:h2:mem:x", "register.db" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new RegisterSettings("register.db", BUSY, url, null, null))
				.withMessageContaining("complaints.register.url must start with jdbc:sqlite: or jdbc:postgresql:");
		}
	}

}
