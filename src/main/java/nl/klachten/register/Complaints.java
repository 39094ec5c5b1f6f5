package nl.klachten.register;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cases of the register (R19). */
@Repository
public class Complaints {

	private final JdbcClient jdbc;

	private final ReferenceNumbers references;

	Complaints(JdbcClient jdbc, ReferenceNumbers references) {
		this.jdbc = jdbc;
		this.references = references;
	}

	/** Registers a complaint with the next reference of its submission year; call inside a transaction. */
	public RegisteredComplaint register(NewComplaint complaint) {
		ReferenceNumber reference = this.references.next(complaint.submittedAt().getYear());
		long id = this.jdbc.sql("""
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
			.param("submittedAt", complaint.submittedAt().toString())
			.param("aroseOn", complaint.aroseOn() == null ? null : complaint.aroseOn().toString())
			.param("late", complaint.late())
			.param("employee", complaint.employeeName())
			.param("acknowledgeDue", complaint.acknowledgeDue().toString())
			.param("decisionDue", complaint.decisionDue().toString())
			.query(Long.class)
			.single();
		for (String product : complaint.products()) {
			this.jdbc.sql("INSERT INTO product (complaint_id, name) VALUES (?, ?)").params(id, product).update();
		}
		return new RegisteredComplaint(id, reference, complaint.complainantEmail());
	}

	public Optional<RegisteredComplaint> find(ReferenceNumber reference) {
		return this.jdbc.sql("SELECT id, reference, complainant_email FROM complaint WHERE reference = ?")
			.param(reference.toString())
			.query(Complaints::registered)
			.optional();
	}

	public Optional<RegisteredComplaint> find(long id) {
		return this.jdbc.sql("SELECT id, reference, complainant_email FROM complaint WHERE id = ?")
			.param(id)
			.query(Complaints::registered)
			.optional();
	}

	private static RegisteredComplaint registered(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new RegisteredComplaint(rs.getLong(1), ReferenceNumber.parse(rs.getString(2)).orElseThrow(),
				rs.getString(3));
	}

	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
	}

}
