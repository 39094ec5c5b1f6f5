package nl.klachten.register;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.TermsSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@link CaseStanding} of a case for the state line of mail to the chair. The
 * question a case waits on is found as the digest finds it
 * ({@link DigestData#waitingForAnswer}): the last question or file sent on the open case
 * with no later mail from one of its recipients.
 */
@Repository
public class CaseStandings {

	private static final String QUESTION_KINDS = "('question-employee', 'question-complainant', 'management-file')";

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final Appeals appeals;

	CaseStandings(JdbcClient jdbc, Appeals appeals, TermsSettings terms) {
		this.jdbc = jdbc;
		this.zone = terms.zone();
		this.appeals = appeals;
	}

	public Optional<CaseStanding> find(long id) {
		List<CaseStanding> found = this.jdbc.sql("""
				SELECT complainant_name, status, decision_due, late, assessment, decided_at,
				    EXISTS (SELECT 1 FROM extension e WHERE e.complaint_id = c.id) AS extended
				FROM complaint c WHERE c.id = ?""")
			.param(id)
			.query((rs, n) -> new CaseStanding(rs.getString(1) == null ? "" : rs.getString(1),
					RegisteredComplaint.Status.of(rs.getString(2)), LocalDate.parse(rs.getString(3)), rs.getBoolean(7),
					rs.getBoolean(4), rs.getString(5),
					rs.getString(6) == null ? null : LocalDate.parse(rs.getString(6)), null, null))
			.list();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		CaseStanding c = found.get(0);
		CaseStanding.Waiting waiting = c.status() == RegisteredComplaint.Status.IN_BEHANDELING ? waiting(id) : null;
		return Optional.of(new CaseStanding(c.complainantName(), c.status(), c.decisionDue(), c.extended(), c.late(),
				c.assessment(), c.decidedOn(), waiting, this.appeals.find(id).orElse(null)));
	}

	private CaseStanding.Waiting waiting(long id) {
		return this.jdbc
			.sql("""
					SELECT q.kind, q.at FROM correspondence q
					WHERE q.complaint_id = :id AND q.direction = 'out' AND q.kind IN %s
					  AND q.id = (SELECT max(l.id) FROM correspondence l
					              WHERE l.complaint_id = :id AND l.direction = 'out' AND l.kind IN %s)
					  AND NOT EXISTS (SELECT 1 FROM correspondence a
					                  WHERE a.complaint_id = :id AND a.direction = 'in' AND a.id > q.id
					                    AND a.sender IS NOT NULL AND a.sender <> ''
					                    AND replace(lower(q.recipients), lower(a.sender), '') <> lower(q.recipients))"""
				.formatted(QUESTION_KINDS, QUESTION_KINDS))
			.param("id", id)
			.query((rs, n) -> new CaseStanding.Waiting(rs.getString(1), Timestamps.readAt(rs.getString(2), this.zone)))
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

}
