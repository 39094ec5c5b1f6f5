package nl.klachten.register;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.TermsSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cases of the register (R19). */
@Repository
public class Complaints {

	private final JdbcClient jdbc;

	private final ReferenceNumbers references;

	private final ZoneId zone;

	Complaints(JdbcClient jdbc, ReferenceNumbers references, TermsSettings terms) {
		this.jdbc = jdbc;
		this.zone = terms.zone();
		this.references = references;
	}

	/**
	 * Registers a complaint with the next reference of its submission year; call inside a
	 * transaction.
	 */
	public RegisteredComplaint register(NewComplaint complaint) {
		ReferenceNumber reference = this.references.next(complaint.submittedAt().getYear());
		long id = insert(reference, complaint);
		for (String product : complaint.products()) {
			this.jdbc.sql("INSERT INTO product (complaint_id, name) VALUES (?, ?)").params(id, product).update();
		}
		return new RegisteredComplaint(id, reference, complaint.complainantEmail(),
				RegisteredComplaint.Status.IN_BEHANDELING);
	}

	private long insert(ReferenceNumber reference, NewComplaint complaint) {
		return this.jdbc.sql("""
				INSERT INTO complaint (reference, complainant_name, complainant_email, complainant_address,
				    complainant_city, representative_of, subject, description, submitted_at, arose_on, late,
				    employee_name, acknowledge_due, decision_due)
				VALUES (:reference, :name, :email, :address, :city, :representativeOf, :subject, :description,
				    :submittedAt, :aroseOn, :late, :employee, :acknowledgeDue, :decisionDue)
				RETURNING id""")
			.param("reference", reference.toString())
			.param("name", complaint.complainantName())
			.param("email", complaint.complainantEmail())
			.param("address", complaint.address())
			.param("city", complaint.city())
			.param("representativeOf", complaint.representativeOf())
			.param("subject", complaint.subject())
			.param("description", complaint.description())
			.param("submittedAt", Timestamps.write(complaint.submittedAt().toInstant()))
			.param("aroseOn", complaint.aroseOn() == null ? null : complaint.aroseOn().toString())
			.param("late", complaint.late() ? 1 : 0)
			.param("employee", complaint.employeeName())
			.param("acknowledgeDue", complaint.acknowledgeDue().toString())
			.param("decisionDue", complaint.decisionDue().toString())
			.query(Long.class)
			.single();
	}

	public Optional<RegisteredComplaint> find(ReferenceNumber reference) {
		return this.jdbc.sql("SELECT id, reference, complainant_email, status FROM complaint WHERE reference = ?")
			.param(reference.toString())
			.query(Complaints::registered)
			.optional();
	}

	public Optional<RegisteredComplaint> find(long id) {
		return this.jdbc.sql("SELECT id, reference, complainant_email, status FROM complaint WHERE id = ?")
			.param(id)
			.query(Complaints::registered)
			.optional();
	}

	private static RegisteredComplaint registered(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new RegisteredComplaint(rs.getLong(1), ReferenceNumber.parse(rs.getString(2)).orElseThrow(),
				rs.getString(3), RegisteredComplaint.Status.of(rs.getString(4)));
	}

	/** Cases filed from this address, for a data request (R21). */
	public List<RegisteredComplaint> filedBy(String email) {
		return this.jdbc
			.sql("SELECT id, reference, complainant_email, status FROM complaint "
					+ "WHERE lower(complainant_email) = lower(?) ORDER BY id")
			.param(email)
			.query(Complaints::registered)
			.list();
	}

	public void setStatus(long id, RegisteredComplaint.Status status) {
		this.jdbc.sql("UPDATE complaint SET status = ? WHERE id = ?").params(status.column(), id).update();
	}

	/**
	 * Records the details a complainant sent later (R19). Returns the labels of what
	 * changed; a field with the same value already is not a change.
	 */
	public List<String> updateDetails(long id, Details details) {
		List<String> changed = new ArrayList<>();
		setIfChanged(id, "complainant_name", details.name(), "Naam", changed);
		setIfChanged(id, "complainant_address", details.address(), "Adres", changed);
		setIfChanged(id, "complainant_city", details.city(), "Woonplaats", changed);
		setIfChanged(id, "employee_name", details.employee(), "Medewerker", changed);
		setIfChanged(id, "representative_of", details.representativeOf(), "Namens", changed);
		if (details.aroseOn() != null) {
			setIfChanged(id, "arose_on", details.aroseOn().toString(), "Datum ontstaan", changed);
		}
		for (String product : details.products()) {
			boolean known = this.jdbc
				.sql("SELECT count(*) FROM product WHERE complaint_id = ? AND lower(name) = lower(?)")
				.params(id, product)
				.query(Integer.class)
				.single() > 0;
			if (!known) {
				this.jdbc.sql("INSERT INTO product (complaint_id, name) VALUES (?, ?)").params(id, product).update();
				changed.add("Product");
			}
		}
		return changed;
	}

	/**
	 * Sets the late flag (R7) from the date the complaint arose and the submission
	 * window.
	 */
	public void markLate(long id, boolean late) {
		this.jdbc.sql("UPDATE complaint SET late = ? WHERE id = ?").params(late ? 1 : 0, id).update();
	}

	public java.time.OffsetDateTime submittedAt(long id) {
		return Timestamps.readAt(
				this.jdbc.sql("SELECT submitted_at FROM complaint WHERE id = ?").param(id).query(String.class).single(),
				this.zone);
	}

	private void setIfChanged(long id, String column, String value, String label, List<String> changed) {
		if (value == null || value.isBlank()) {
			return;
		}
		int updated = this.jdbc
			.sql("UPDATE complaint SET " + column + " = ? WHERE id = ? AND " + column + " IS DISTINCT FROM ?")
			.params(value, id, value)
			.update();
		if (updated > 0) {
			changed.add(label);
		}
	}

	public boolean isParticipant(long id, String email) {
		return this.jdbc.sql("SELECT count(*) FROM participant WHERE complaint_id = ? AND lower(email) = lower(?)")
			.params(id, email)
			.query(Integer.class)
			.single() > 0;
	}

	public void addParticipant(long id, String email, String role, java.time.Instant at) {
		this.jdbc
			.sql("INSERT INTO participant (complaint_id, email, role, added_at) VALUES (?, ?, ?, ?) "
					+ "ON CONFLICT (complaint_id, email) DO NOTHING")
			.params(id, email.toLowerCase(java.util.Locale.ROOT), role, Timestamps.write(at))
			.update();
	}

	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
	}

}
