package nl.klachten.register;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The changes the committee makes to a case by mail (CONTRACT §5): employee, extension,
 * decision, management, measures, notes, reopening. Each runs inside the command mail's
 * transaction, so all commands of one mail apply together or not at all.
 */
@Repository
public class CaseChanges {

	private final JdbcClient jdbc;

	CaseChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case as it is now in the register, status included. */
	public CaseState state(RegisteredComplaint complaint) {
		return this.jdbc.sql("""
				SELECT decision_due, employee_name, employee_email, assessment, management_involved, status
				FROM complaint WHERE id = ?""")
			.param(complaint.id())
			.query((rs, n) -> new CaseState(
					new RegisteredComplaint(complaint.id(), complaint.reference(), complaint.complainantEmail(),
							RegisteredComplaint.Status.of(rs.getString(6))),
					LocalDate.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5)))
			.single();
	}

	public void setEmployee(long id, String name, String email) {
		this.jdbc.sql("UPDATE complaint SET employee_name = ?, employee_email = ? WHERE id = ?")
			.params(name, email, id)
			.update();
	}

	/**
	 * R11: a new decision due date, with the reason and when the complainant was told.
	 */
	public void extend(long id, LocalDate to, String reason, OffsetDateTime notifiedAt) {
		this.jdbc.sql("UPDATE complaint SET decision_due = ? WHERE id = ?").params(to.toString(), id).update();
		this.jdbc.sql("INSERT INTO extension (complaint_id, to_date, reason, notified_at) VALUES (?, ?, ?, ?)")
			.params(id, to.toString(), reason, Timestamps.write(notifiedAt.toInstant()))
			.update();
	}

	public void involveManagement(long id) {
		this.jdbc.sql("UPDATE complaint SET management_involved = 1 WHERE id = ?").param(id).update();
	}

	/**
	 * R16, R17: the final position with its arguments and no proposed solution; the case
	 * is handled.
	 */
	public void decide(long id, String assessment, String arguments, String manner, OffsetDateTime at) {
		decide(id, assessment, arguments, null, manner, at);
	}

	/**
	 * R16, R17: the final position with its arguments and the proposed solution (null or
	 * blank for none), kept because disagreeing with it is a ground for appeal (R22); the
	 * case is handled.
	 */
	public void decide(long id, String assessment, String arguments, String solution, String manner,
			OffsetDateTime at) {
		this.jdbc.sql("""
				UPDATE complaint SET assessment = ?, arguments = ?, solution = ?, manner = ?, decided_at = ?,
				    handled_at = ?, status = 'afgehandeld'
				WHERE id = ?""")
			.params(assessment, arguments, solution == null || solution.isBlank() ? null : solution.strip(), manner,
					at.toLocalDate().toString(), Timestamps.write(at.toInstant()), id)
			.update();
	}

	public void reopen(long id) {
		this.jdbc.sql("""
				UPDATE complaint SET status = 'in_behandeling', assessment = NULL, arguments = NULL, solution = NULL,
				    manner = NULL, decided_at = NULL, handled_at = NULL
				WHERE id = ?""").param(id).update();
	}

	/** R24: a structural measure, or (text null) that none is taken. */
	public void recordMeasure(long id, String text, String by, Instant at) {
		this.jdbc.sql("INSERT INTO measure (complaint_id, text, recorded_at, recorded_by) VALUES (?, ?, ?, ?)")
			.params(id, text, Timestamps.write(at), by)
			.update();
	}

	public void addNote(long id, String text, String by, Instant at) {
		this.jdbc.sql("INSERT INTO note (complaint_id, text, written_at, written_by) VALUES (?, ?, ?, ?)")
			.params(id, text, Timestamps.write(at), by)
			.update();
	}

}
