package nl.klachten.register;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A register with a known year, written with plain SQL: ten complaints submitted in 2026
 * and five in 2025 (one at 23:30 on New Year's Eve, which stays in 2025). Terms:
 * acknowledge 14 days, handling 28 days. The comment on each case gives the figures it
 * adds.
 */
public final class ConstructedYear {

	private final JdbcClient jdbc;

	private ConstructedYear(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Migrates a fresh register file and fills it; returns its data source. The rows are
	 * written as the register stored them up to V14 (timestamps with their offset), then
	 * the register is migrated on, so the figures are also read from timestamps V15
	 * converted.
	 */
	public static DataSource build(Path file) {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + file);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("14").load().migrate();
		new ConstructedYear(JdbcClient.create(dataSource)).fill();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

	private void fill() {
		// 2026-01-01 local, ack same day, decided after 19 days: within term; gegrond;
		// measure
		long c1 = complaint("KK-2026-0001", "afgehandeld", "2026-01-01T00:30+01:00", "gegrond", "2026-01-20",
				"2026-01-29");
		out(c1, "acknowledgement", "2026-01-01T00:31+01:00");
		measure(c1, "Medewerkers getraind");
		// ack on day 14 exactly: within; decided on day 28 exactly: within term; appeal
		// ongegrond; no-measure
		long c2 = complaint("KK-2026-0002", "afgehandeld", "2026-02-02T10:00+01:00", "ongegrond", "2026-03-02",
				"2026-03-02");
		out(c2, "acknowledgement", "2026-02-16T23:59+01:00");
		appeal(c2, "ongegrond");
		measure(c2, null);
		// ack on day 15: late; extended to 04-26, decided 04-20 (50 days): within
		// extended term; measure and no-measure
		long c3 = complaint("KK-2026-0003", "afgehandeld", "2026-03-01T09:00+01:00", "deels_gegrond", "2026-04-20",
				"2026-04-26");
		out(c3, "acknowledgement", "2026-03-16T08:00+01:00");
		extension(c3, "2026-04-26");
		measure(c3, null);
		measure(c3, "Procedure aangepast");
		// no ack; extended to 05-13 but decided 05-20 (49 days): late; appeal pending;
		// handled, no measure answer
		long c4 = complaint("KK-2026-0004", "afgehandeld", "2026-04-01T09:00+02:00", "ongegrond", "2026-05-20",
				"2026-05-13");
		extension(c4, "2026-05-13");
		appeal(c4, null);
		// ack within; decided on day 29 without extension: late; measure
		long c5 = complaint("KK-2026-0005", "afgehandeld", "2026-05-04T12:00+02:00", "gegrond", "2026-06-02",
				"2026-06-01");
		out(c5, "acknowledgement", "2026-05-04T12:01+02:00");
		measure(c5, "Website verduidelijkt");
		// ack at 22:30 UTC on 07-15 = 07-16 local: late (day 15); decided after 14 days;
		// appeal gegrond; no-measure
		long c6 = complaint("KK-2026-0006", "afgehandeld", "2026-07-01T01:30+02:00", "ongegrond", "2026-07-15",
				"2026-07-29");
		out(c6, "acknowledgement", "2026-07-15T22:30Z");
		appeal(c6, "gegrond");
		measure(c6, null);
		// open; the first of two acknowledgements counts: within
		long c7 = complaint("KK-2026-0007", "in_behandeling", "2026-08-03T10:00+02:00", null, null, "2026-08-31");
		out(c7, "acknowledgement", "2026-09-30T10:00+02:00");
		out(c7, "acknowledgement", "2026-08-03T10:01+02:00");
		// open, extended, no ack: none
		long c8 = complaint("KK-2026-0008", "in_behandeling", "2026-09-01T10:00+02:00", null, null, "2026-10-13");
		extension(c8, "2026-10-13");
		letter(c8, "in", "acknowledgement", "2026-09-02T10:00+02:00");
		// withdrawn on the autumn DST day, ack within
		long c9 = complaint("KK-2026-0009", "ingetrokken", "2026-10-25T02:30+01:00", null, null, "2026-11-22");
		out(c9, "acknowledgement", "2026-10-25T02:31+01:00");
		// New Year's Eve local: counts in 2026; ack on day 14 in 2027: within; decided
		// after 27 days: within
		long c10 = complaint("KK-2026-0010", "afgehandeld", "2026-12-31T23:30+01:00", "gegrond", "2027-01-27",
				"2027-01-28");
		out(c10, "acknowledgement", "2027-01-14T10:00+01:00");
		letter(c10, "out", "chair-notification", "2026-12-31T23:31+01:00");
		fill2025();
	}

	/** Five cases, four decided after 5, 8, 10 and 18 days: mean 10.25, median 9. */
	private void fill2025() {
		long a = complaint("KK-2025-0005", "afgehandeld", "2025-12-31T23:30+01:00", "gegrond", "2026-01-05",
				"2026-01-28");
		out(a, "acknowledgement", "2025-12-31T23:31+01:00");
		appeal(a, "gegrond");
		measure(a, "Iets");
		complaint("KK-2025-0001", "ingetrokken", "2025-06-01T10:00+02:00", null, null, "2025-06-29");
		complaint("KK-2025-0002", "afgehandeld", "2025-06-02T10:00+02:00", "ongegrond", "2025-06-12", "2025-06-30");
		complaint("KK-2025-0003", "afgehandeld", "2025-03-03T10:00+01:00", "gegrond", "2025-03-21", "2025-03-31");
		complaint("KK-2025-0004", "afgehandeld", "2025-09-01T10:00+02:00", "deels_gegrond", "2025-09-09", "2025-09-29");
	}

	private long complaint(String reference, String status, String submittedAt, String assessment, String decidedAt,
			String decisionDue) {
		return this.jdbc.sql("""
				INSERT INTO complaint (reference, status, complainant_email, subject, description, submitted_at,
				    acknowledge_due, decision_due, assessment, decided_at, handled_at)
				VALUES (?, ?, 'klager@example.org', 'Onderwerp', 'Klacht', ?, ?, ?, ?, ?, ?)
				RETURNING id""")
			.params(reference, status, submittedAt, submittedAt.substring(0, 10), decisionDue, assessment, decidedAt,
					decidedAt == null ? null : decidedAt + "T16:00+01:00")
			.query(Long.class)
			.single();
	}

	private void out(long id, String kind, String at) {
		letter(id, "out", kind, at);
	}

	private void letter(long id, String direction, String kind, String at) {
		this.jdbc.sql("INSERT INTO correspondence (complaint_id, direction, at, kind) VALUES (?, ?, ?, ?)")
			.params(id, direction, at, kind)
			.update();
	}

	private void extension(long id, String to) {
		this.jdbc.sql("INSERT INTO extension (complaint_id, to_date, reason) VALUES (?, ?, 'Meer tijd nodig')")
			.params(id, to)
			.update();
	}

	private void appeal(long id, String outcome) {
		this.jdbc
			.sql("INSERT INTO appeal (complaint_id, filed_at, due, outcome) VALUES (?, '2026-08-01T10:00+02:00', "
					+ "'2026-09-26', ?)")
			.params(id, outcome)
			.update();
	}

	private void measure(long id, String text) {
		this.jdbc.sql("INSERT INTO measure (complaint_id, text, recorded_at) VALUES (?, ?, '2026-12-01T10:00:00Z')")
			.params(id, text)
			.update();
	}

}
