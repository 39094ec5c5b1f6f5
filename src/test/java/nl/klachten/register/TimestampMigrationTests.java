package nl.klachten.register;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V15 over a register written by the code up to V14: every timestamp column, in each of
 * the old forms (an offset timestamp, an instant with or without a fraction), reads back
 * as the same instant in the one stored form; dates and a value that is no timestamp stay
 * as they were.
 */
class TimestampMigrationTests {

	private static final String STORED = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z";

	@TempDir
	Path dir;

	@Test
	void shouldReadTheSameInstantsInOneFormWhenARegisterOfV14IsMigrated() {
		JdbcClient jdbc = registerAt("14");
		long id = jdbc.sql("""
				INSERT INTO complaint (reference, status, complainant_email, subject, description, submitted_at,
				    acknowledge_due, decision_due, decided_at, handled_at, purged_at)
				VALUES ('KK-2026-0001', 'afgehandeld', 'k@example.org', 'S', 'D', '2026-12-01T21:11+01:00',
				    '2026-12-15', '2026-12-29', '2026-12-20', '2026-12-20T16:00:30.250+01:00', '2027-06-01')
				RETURNING id""").query(Long.class).single();
		jdbc.sql("INSERT INTO correspondence (complaint_id, direction, at, kind) VALUES (?, 'in', ?, 'complaint')")
			.params(id, "2026-07-15T22:30Z")
			.update();
		jdbc.sql("INSERT INTO note (complaint_id, text, written_at, written_by) VALUES (?, 'n', 'gisteren', 'v')")
			.param(id)
			.update();
		outbox(jdbc, "2026-12-01T20:11:00.5Z", "2026-12-01T20:11:01Z");
		outbox(jdbc, "2026-12-01T20:11:00Z", "2026-12-01T20:11:00.999999Z");
		jdbc.sql("INSERT INTO register_meta (name, value) VALUES ('created_at', '2026-03-29T01:59:59.123456789Z')")
			.update();

		migrate();

		assertThat(instant(jdbc, "SELECT submitted_at FROM complaint")).isEqualTo("2026-12-01T20:11:00Z");
		assertThat(instant(jdbc, "SELECT handled_at FROM complaint")).isEqualTo("2026-12-20T15:00:30.250Z");
		assertThat(instant(jdbc, "SELECT at FROM correspondence")).isEqualTo("2026-07-15T22:30:00Z");
		assertThat(instant(jdbc, "SELECT value FROM register_meta WHERE name = 'created_at'"))
			.isEqualTo("2026-03-29T01:59:59.123456789Z");
		assertThat(jdbc.sql("SELECT submitted_at FROM complaint").query(String.class).single())
			.isEqualTo("2026-12-01T20:11:00.000000000Z");
		assertThat(jdbc.sql("SELECT decided_at || ' ' || acknowledge_due || ' ' || purged_at FROM complaint")
			.query(String.class)
			.single()).as("dates, and a date where a timestamp belongs, stay")
			.isEqualTo("2026-12-20 2026-12-15 2027-06-01");
		assertThat(jdbc.sql("SELECT written_at FROM note").query(String.class).single()).isEqualTo("gisteren");
		List<String> sent = jdbc.sql("SELECT sent_at FROM outbox ORDER BY sent_at").query(String.class).list();
		assertThat(sent).allMatch((s) -> s.matches(STORED))
			.extracting(Timestamps::read)
			.containsExactly(Instant.parse("2026-12-01T20:11:00.999999Z"), Instant.parse("2026-12-01T20:11:01Z"));
		assertThat(jdbc.sql("SELECT created_at FROM outbox ORDER BY created_at").query(String.class).list())
			.as("text order is time order")
			.extracting(Timestamps::read)
			.containsExactly(Instant.parse("2026-12-01T20:11:00Z"), Instant.parse("2026-12-01T20:11:00.5Z"));
	}

	@Test
	void shouldWriteOneFixedWidthFormThatReadsBackAsTheSameInstant() {
		List<Instant> instants = List.of(Instant.parse("2026-12-01T20:11:00Z"), Instant.parse("2026-12-01T20:11:00.5Z"),
				Instant.parse("2026-12-01T20:11:00.000001Z"), Instant.parse("2026-12-01T20:11:00.123456789Z"));
		assertThat(instants).allMatch((i) -> Timestamps.write(i).matches(STORED))
			.allMatch((i) -> Timestamps.read(Timestamps.write(i)).equals(i));
		assertThat(instants.stream().map(Timestamps::write).sorted().map(Timestamps::read))
			.containsExactlyElementsOf(instants.stream().sorted().toList());
		assertThat(Timestamps.read("2026-12-01T21:11+01:00")).isEqualTo(instants.get(0));
		assertThat(Timestamps.read("2026-12-01")).isNull();
		assertThat(Timestamps.readLegacy("2026-12-01", java.time.ZoneId.of("Europe/Amsterdam"), true))
			.isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
	}

	@Test
	void shouldReadTheStoredFormAsTheGeneralParserDoesWhenReadingItWithoutAFormatter() {
		java.util.Random random = new java.util.Random(15);
		for (int i = 0; i < 2_000; i++) {
			Instant at = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 250_000_000_000L),
					random.nextInt(1_000_000_000));
			String stored = Timestamps.write(at);
			assertThat(Timestamps.read(stored)).isEqualTo(at)
				.isEqualTo(java.time.OffsetDateTime.parse(stored).toInstant());
			String day = stored.substring(0, 10);
			assertThat(Timestamps.date(day)).isEqualTo(java.time.LocalDate.parse(day));
		}
		assertThat(Timestamps.read("2026-02-30T10:00:00.000000000Z")).isNull();
		assertThat(Timestamps.read("2026-12-01T24:00:00.000000000Z")).as("as Instant.parse reads it")
			.isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
		assertThat(Timestamps.read("2026-12-01T2x:00:00.000000000Z")).isNull();
		assertThat(Timestamps.read("2026-12-31T23:59:60.000000000Z")).isEqualTo(Instant.parse("2026-12-31T23:59:60Z"));
		assertThat(Timestamps.date("2026-02-30")).isNull();
		assertThat(Timestamps.date("2026-1-011")).isNull();
		assertThat(Timestamps.date("20x6-01-01")).isNull();
	}

	private JdbcClient registerAt(String version) {
		Flyway.configure()
			.dataSource(dataSource())
			.locations("classpath:db/migration")
			.target(version)
			.load()
			.migrate();
		return JdbcClient.create(dataSource());
	}

	private void migrate() {
		Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration").load().migrate();
	}

	private SQLiteDataSource dataSource() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + this.dir.resolve("register.db"));
		return dataSource;
	}

	private static void outbox(JdbcClient jdbc, String createdAt, String sentAt) {
		jdbc.sql(
				"""
						INSERT INTO outbox (kind, message_id, sender, recipients, raw, created_at, next_attempt, status, sent_at)
						VALUES ('acknowledgement', ?, 'c@example.org', 'k@example.org', X'00', ?, 0, 'sent', ?)""")
			.params("<" + createdAt + "@example.org>", createdAt, sentAt)
			.update();
	}

	private static String instant(JdbcClient jdbc, String sql) {
		String stored = jdbc.sql(sql).query(String.class).single();
		assertThat(stored).matches(STORED);
		return Timestamps.read(stored).toString();
	}

}
