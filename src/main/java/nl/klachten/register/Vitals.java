package nl.klachten.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The register's figures for the health check and the metrics: counts and times only,
 * never a name, an address or a subject (R8). Each is one small query on an indexed or
 * small table, cheap enough to ask every few seconds.
 */
@Repository
public class Vitals {

	private final JdbcClient jdbc;

	Vitals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The outbox: mails waiting, the oldest waiting one's queue time, mails refused, the
	 * last sent.
	 */
	public record OutboxFigures(long waiting, Instant oldestWaiting, long refused, Instant lastSent) {
	}

	/** True when the register file answers {@code SELECT 1}. */
	public boolean answers() {
		return Integer.valueOf(1).equals(this.jdbc.sql("SELECT 1").query(Integer.class).single());
	}

	/**
	 * The highest schema migration applied, or empty on a register Flyway never touched.
	 */
	public Optional<String> schemaVersion() {
		return this.jdbc.sql("""
				SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
				ORDER BY installed_rank DESC LIMIT 1""").query(String.class).optional();
	}

	public OutboxFigures outbox() {
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')),
				       (SELECT min(created_at) FROM outbox WHERE status IN ('pending', 'sending')),
				       (SELECT count(*) FROM outbox_refusal)
				         + (SELECT count(*) FROM outbox o WHERE o.status = 'failed'
				            AND NOT EXISTS (SELECT 1 FROM outbox_refusal r WHERE r.outbox_id = o.id)),
				       (SELECT max(sent_at) FROM outbox WHERE status = 'sent')""")
			.query((rs, n) -> new OutboxFigures(rs.getLong(1), instant(rs.getString(2)), rs.getLong(3),
					instant(rs.getString(4))))
			.single();
	}

	/**
	 * Open cases whose decision is due before {@code today} (deadlines end with their
	 * day).
	 */
	public long decisionsPastDue(LocalDate today) {
		return this.jdbc.sql("""
				SELECT count(*) FROM complaint
				WHERE status = 'in_behandeling' AND purged = 0 AND substr(decision_due, 1, 10) < ?""")
			.param(today.toString())
			.query(Long.class)
			.single();
	}

	/**
	 * Open cases whose acknowledgement was due before {@code today} and has not been
	 * sent.
	 */
	public long acknowledgementsPastDue(LocalDate today) {
		return this.jdbc.sql("""
				SELECT count(*) FROM complaint c
				WHERE c.status = 'in_behandeling' AND c.purged = 0 AND substr(c.acknowledge_due, 1, 10) < ?
				  AND NOT EXISTS (SELECT 1 FROM outbox o
				                  WHERE o.complaint_id = c.id AND o.kind = 'acknowledgement' AND o.status = 'sent')""")
			.param(today.toString())
			.query(Long.class)
			.single();
	}

	/** The last day a scheduled digest went, if any. */
	public Optional<LocalDate> lastDigestDay() {
		return this.jdbc.sql("SELECT day FROM digest_run ORDER BY day DESC LIMIT 1")
			.query(String.class)
			.optional()
			.map(LocalDate::parse);
	}

	private static Instant instant(String value) {
		return value == null ? null : Timestamps.read(value);
	}

}
