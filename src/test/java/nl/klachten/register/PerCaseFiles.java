package nl.klachten.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case files as {@link CaseFiles} read them before issue 15, one query per table per
 * case: kept as the reference that the set-based loading must give the same files as.
 */
final class PerCaseFiles {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	PerCaseFiles(JdbcClient jdbc, ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	public List<CaseFile> all() {
		return this.jdbc.sql("SELECT * FROM complaint ORDER BY id").query(this::caseFile).list();
	}

	public Optional<CaseFile> find(ReferenceNumber reference) {
		return this.jdbc.sql("SELECT * FROM complaint WHERE reference = ?")
			.param(reference.toString())
			.query(this::caseFile)
			.optional();
	}

	private CaseFile caseFile(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		String assessment = rs.getString("assessment");
		CaseFile.Decision decision = assessment == null ? null
				: new CaseFile.Decision(assessment, Timestamps.date(rs.getString("decided_at")), rs.getString("manner"),
						rs.getString("arguments"), rs.getString("solution"));
		return new CaseFile(rs.getString("reference"), rs.getString("status"), rs.getString("complainant_name"),
				rs.getString("complainant_email"), rs.getString("complainant_address"),
				rs.getString("complainant_city"), rs.getString("representative_of"), rs.getString("subject"),
				rs.getString("description"), at(rs.getString("submitted_at")),
				Timestamps.date(rs.getString("arose_on")), rs.getBoolean("late"), rs.getString("employee_name"),
				rs.getString("employee_email"), products(id), Timestamps.date(rs.getString("acknowledge_due")),
				Timestamps.date(rs.getString("decision_due")), extensions(id), rs.getBoolean("management_involved"),
				decision, appeal(id), measures(id), correspondence(id), notes(id), rs.getBoolean("purged"));
	}

	private List<String> products(long id) {
		return this.jdbc.sql("SELECT name FROM product WHERE complaint_id = ? ORDER BY id")
			.param(id)
			.query(String.class)
			.list();
	}

	private List<CaseFile.Extension> extensions(long id) {
		return this.jdbc.sql("SELECT to_date, reason, notified_at FROM extension WHERE complaint_id = ? ORDER BY id")
			.param(id)
			.query((rs, n) -> new CaseFile.Extension(Timestamps.date(rs.getString(1)), rs.getString(2),
					at(rs.getString(3))))
			.list();
	}

	private CaseFile.Appeal appeal(long id) {
		return this.jdbc.sql("SELECT filed_at, due, outcome, decided_at, grounds FROM appeal WHERE complaint_id = ?")
			.param(id)
			.query((rs, n) -> new CaseFile.Appeal(at(rs.getString(1)), Timestamps.date(rs.getString(2)),
					rs.getString(3), Timestamps.date(rs.getString(4)), rs.getString(5), appealExtensions(id)))
			.optional()
			.orElse(null);
	}

	private List<CaseFile.Extension> appealExtensions(long id) {
		return this.jdbc.sql("""
				SELECT to_date, reason, notified_at FROM appeal_extension WHERE complaint_id = ? ORDER BY id""")
			.param(id)
			.query((rs, n) -> new CaseFile.Extension(Timestamps.date(rs.getString(1)), rs.getString(2),
					at(rs.getString(3))))
			.list();
	}

	private List<CaseFile.Measure> measures(long id) {
		return this.jdbc.sql("SELECT text, recorded_at, recorded_by FROM measure WHERE complaint_id = ? ORDER BY id")
			.param(id)
			.query((rs, n) -> new CaseFile.Measure(rs.getString(1), at(rs.getString(2)), rs.getString(3)))
			.list();
	}

	private List<CaseFile.Note> notes(long id) {
		return this.jdbc.sql("SELECT text, written_at, written_by FROM note WHERE complaint_id = ? ORDER BY id")
			.param(id)
			.query((rs, n) -> new CaseFile.Note(rs.getString(1), at(rs.getString(2)), rs.getString(3)))
			.list();
	}

	private List<CaseFile.Entry> correspondence(long id) {
		return this.jdbc.sql("""
				SELECT id, direction, at, sender, recipients, subject, message_id, kind, new_text, body
				FROM correspondence WHERE complaint_id = ? ORDER BY id""")
			.param(id)
			.query((rs, n) -> new CaseFile.Entry(rs.getString("direction"), at(rs.getString("at")),
					rs.getString("sender"), rs.getString("recipients"), rs.getString("subject"),
					MessageId.stored(rs.getString("message_id")), rs.getString("kind"),
					textOf(rs.getString("new_text"), rs.getString("body")), rs.getString("body"),
					attachments(rs.getLong("id"))))
			.list();
	}

	/** A stored timestamp as a time in the committee's zone. */
	private OffsetDateTime at(String stored) {
		return Timestamps.readAt(stored, this.zone);
	}

	private static String textOf(String newText, String body) {
		return newText != null ? newText : body;
	}

	/** Every case filed from this address (R21). */
	public List<CaseFile> filedBy(String email) {
		return this.jdbc.sql("SELECT * FROM complaint WHERE lower(complainant_email) = lower(?) ORDER BY id")
			.param(email)
			.query(this::caseFile)
			.list();
	}

	private List<String> attachments(long letterId) {
		return this.jdbc.sql("SELECT file_name FROM attachment WHERE correspondence_id = ? ORDER BY id")
			.param(letterId)
			.query(String.class)
			.list();
	}

}
