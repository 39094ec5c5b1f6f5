package nl.klachten.register;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.register.Retention.PurgeCandidate;
import nl.klachten.register.Retention.PurgedCase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of retention (R20): which cases and which case-less rows are due, and
 * which cases were purged. A case counts as handled on its {@code handled_at}, or, when
 * withdrawn before that column was kept, on its last correspondence.
 */
@Component
class RetentionCandidates {

	private static final Comparator<PurgeCandidate> OLDEST_FIRST = Comparator.comparing(PurgeCandidate::retainedUntil)
		.thenComparing(PurgeCandidate::reference);

	/**
	 * Days of margin in the query of {@link #handled}, beyond what the exact rule needs.
	 */
	private static final int MARGIN = 7;

	private final JdbcClient jdbc;

	private final DeadlinePolicy policy;

	RetentionCandidates(JdbcClient jdbc, DeadlinePolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/**
	 * A handled case: its id and, when its handling day is known, what retention makes of
	 * it.
	 */
	record Handled(long id, OffsetDateTime handledAt, PurgeCandidate candidate) {
	}

	List<Handled> due(LocalDate asOf) {
		Instant start = startOf(asOf);
		return handled(asOf).stream()
			.filter((c) -> c.handledAt() != null && this.policy.purgeDue(c.handledAt(), start))
			.sorted(Comparator.comparing(Handled::candidate, OLDEST_FIRST))
			.toList();
	}

	List<PurgeCandidate> dueWithin(LocalDate asOf, int days) {
		Instant start = startOf(asOf);
		return handled(asOf.plusDays(days)).stream()
			.filter((c) -> c.handledAt() != null)
			.map(Handled::candidate)
			.filter((c) -> this.policy.dueWithin(c.retainedUntil(), start, days))
			.sorted(OLDEST_FIRST)
			.toList();
	}

	List<PurgedCase> purgedSince(LocalDate since) {
		return this.jdbc.sql("SELECT reference, purged_at FROM complaint WHERE purged = 1 AND purged_at IS NOT NULL")
			.query((rs, n) -> new PurgedCase(rs.getString(1), localDate(rs.getString(2))))
			.list()
			.stream()
			.filter((p) -> p.purgedOn() != null && !p.purgedOn().isBefore(since))
			.sorted(Comparator.comparing(PurgedCase::purgedOn).thenComparing(PurgedCase::reference))
			.toList();
	}

	/**
	 * Inbound mail without a case, not yet purged, received more than the term before
	 * {@code asOf}.
	 */
	List<Long> orphansDue(LocalDate asOf) {
		return dueIds("""
				SELECT m.id, m.received_at FROM inbound_mail m
				WHERE m.complaint_id IS NULL AND m.dedupe_key NOT LIKE 'purged:%'
				    AND NOT EXISTS (SELECT 1 FROM correspondence r WHERE r.inbound_mail_id = m.id)""", asOf);
	}

	/**
	 * Mail sent about no single case (the digest names complainants), made more than a
	 * term ago.
	 */
	List<Long> caselessOutboxDue(LocalDate asOf) {
		return dueIds("""
				SELECT id, created_at FROM outbox
				WHERE complaint_id IS NULL AND status NOT IN ('pending', 'sending') AND length(raw) > 0""", asOf);
	}

	/** The ids of rows (id, timestamp) whose timestamp is a term before {@code asOf}. */
	private List<Long> dueIds(String sql, LocalDate asOf) {
		Instant start = startOf(asOf);
		return this.jdbc.sql(sql).query((rs, n) -> {
			OffsetDateTime at = timestamp(rs.getString(2));
			return at != null && this.policy.purgeDue(at, start) ? rs.getLong(1) : null;
		}).list().stream().filter(Objects::nonNull).toList();
	}

	/**
	 * The handled cases whose retention can have ended by {@code by}. The query keeps
	 * only those handled more than the retention term before {@code by}, plus
	 * {@link #MARGIN} days (the stored text starts with its UTC date, the term counts
	 * from the local date, and a month's end clamps {@code plus(Period)} by up to three
	 * days); the exact rule is applied by the caller. Over 100,000 handled cases the
	 * digest read and reckoned all of them for the few whose term ends this month (issue
	 * 15).
	 */
	private List<Handled> handled(LocalDate by) {
		return this.jdbc.sql("""
				SELECT id, reference, status, handled_at, last_at FROM (
				    SELECT c.id, c.reference, c.status, c.handled_at,
				        CASE WHEN c.handled_at IS NULL AND c.status = 'ingetrokken'
				            THEN (SELECT max(r.at) FROM correspondence r WHERE r.complaint_id = c.id) END AS last_at
				    FROM complaint c
				    WHERE c.purged = 0 AND c.status IN ('afgehandeld', 'ingetrokken')) AS handled
				WHERE coalesce(handled_at, last_at) < ?""")
			.param(by.minus(this.policy.retention()).plusDays(MARGIN + 1).toString())
			.query((rs, n) -> {
				String handledAt = rs.getString(4);
				if (handledAt == null && "ingetrokken".equals(rs.getString(3))) {
					handledAt = rs.getString(5);
				}
				OffsetDateTime at = timestamp(handledAt);
				PurgeCandidate candidate = at == null ? null : new PurgeCandidate(rs.getString(2),
						at.atZoneSameInstant(this.policy.zone()).toLocalDate(), this.policy.retentionUntil(at));
				return new Handled(rs.getLong(1), at, candidate);
			})
			.list();
	}

	private Instant startOf(LocalDate day) {
		return day.atStartOfDay(this.policy.zone()).toInstant();
	}

	private LocalDate localDate(String timestamp) {
		OffsetDateTime at = timestamp(timestamp);
		return at == null ? null : at.atZoneSameInstant(this.policy.zone()).toLocalDate();
	}

	/**
	 * A stored timestamp, or a bare date as the start of that day in the committee's
	 * zone.
	 */
	private OffsetDateTime timestamp(String value) {
		Instant at = Timestamps.readLegacy(value, this.policy.zone(), true);
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

}
