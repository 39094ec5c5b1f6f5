package nl.klachten.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import nl.klachten.committee.TermsSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The appeal of a case (R22, R23): when it was filed, its term and extensions, the
 * appeals committee's outcome, and the printable letter sent to it. At most one appeal a
 * case.
 */
@Repository
public class Appeals {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	Appeals(JdbcClient jdbc, TermsSettings terms) {
		this.jdbc = jdbc;
		this.zone = terms.zone();
	}

	/**
	 * An appeal as the register holds it; {@code outcome} and {@code decidedAt} are null
	 * until decided.
	 */
	public record Appeal(long complaintId, OffsetDateTime filedAt, LocalDate due, String grounds, String outcome,
			LocalDate decidedAt) {

		public boolean decided() {
			return this.outcome != null;
		}

		@Override
		public String toString() {
			return "Appeal[" + this.complaintId + ", due " + this.due + ", " + this.outcome + "]";
		}

	}

	/** R22: records the appeal; its term runs to {@code due}. */
	public void file(long complaintId, OffsetDateTime filedAt, LocalDate due, String grounds) {
		this.jdbc.sql("INSERT INTO appeal (complaint_id, filed_at, due, grounds) VALUES (?, ?, ?, ?)")
			.params(complaintId, Timestamps.write(filedAt.toInstant()), due.toString(), grounds)
			.update();
	}

	public Optional<Appeal> find(long complaintId) {
		return this.jdbc.sql("SELECT filed_at, due, grounds, outcome, decided_at FROM appeal WHERE complaint_id = ?")
			.param(complaintId)
			.query((rs, n) -> new Appeal(complaintId, Timestamps.readAt(rs.getString(1), this.zone),
					LocalDate.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
					rs.getString(5) == null ? null : LocalDate.parse(rs.getString(5))))
			.optional();
	}

	/**
	 * R23: the appeals committee's binding outcome, {@code gegrond} or {@code ongegrond}.
	 */
	public void decide(long complaintId, String outcome, OffsetDateTime decidedAt) {
		this.jdbc.sql("UPDATE appeal SET outcome = ?, decided_at = ? WHERE complaint_id = ?")
			.params(outcome, decidedAt.toLocalDate().toString(), complaintId)
			.update();
	}

	/** R23: a new term, with the reason and when the complainant was told. */
	public void extend(long complaintId, LocalDate to, String reason, OffsetDateTime notifiedAt) {
		this.jdbc.sql("UPDATE appeal SET due = ? WHERE complaint_id = ?").params(to.toString(), complaintId).update();
		this.jdbc.sql("INSERT INTO appeal_extension (complaint_id, to_date, reason, notified_at) VALUES (?, ?, ?, ?)")
			.params(complaintId, to.toString(), reason, Timestamps.write(notifiedAt.toInstant()))
			.update();
	}

	/** R22, R19: the printable letter to the appeals committee, kept in the register. */
	public long storeLetter(long complaintId, byte[] pdf, OffsetDateTime at) {
		return this.jdbc.sql("INSERT INTO appeal_letter (complaint_id, created_at, pdf) VALUES (?, ?, ?) RETURNING id")
			.params(complaintId, Timestamps.write(at.toInstant()), pdf)
			.query(Long.class)
			.single();
	}

}
