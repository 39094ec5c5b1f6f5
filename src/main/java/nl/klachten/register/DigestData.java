package nl.klachten.register;

import nl.klachten.committee.EmailAddress;
import nl.klachten.committee.MessageId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the daily digest (D7) reads, as plain records with instants and dates, and the log
 * of digests sent ({@code digest_run}). Only references, names and subjects leave here,
 * never complaint text (R8). A value that does not read as a date or a timestamp (a
 * hand-edited row) is null, so that one bad row costs one digest line, not the whole
 * digest.
 */
@Repository
public class DigestData {

	private static final String QUESTION_KINDS = "('question-employee', 'question-complainant', 'management-file')";

	private final JdbcClient jdbc;

	DigestData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An open case; aroseOn is null when not known. */
	public record OpenCase(String reference, String complainantName, String subject, Instant submittedAt,
			LocalDate decisionDue, LocalDate acknowledgeDue, boolean late, LocalDate aroseOn, boolean extended,
			String employeeName) {
	}

	/** The last question sent on an open case that its recipient has not answered yet. */
	public record Question(String reference, String complainantName, String subject, String kind, String recipients,
			Instant askedAt) {
	}

	/** An appeal without an outcome. */
	public record Appeal(String reference, String complainantName, String subject, Instant filedAt, LocalDate due,
			String outcome) {
	}

	/** A handled case without any measure row (R24). */
	public record Handled(String reference, String complainantName, String subject, LocalDate decidedAt) {
	}

	/** A case registered lately, whatever its status. */
	public record Registered(String reference, String complainantName, String subject, Instant submittedAt) {
	}

	public List<OpenCase> openCases() {
		return this.jdbc.sql("""
				SELECT c.reference, c.complainant_name, c.subject, c.submitted_at, c.decision_due, c.acknowledge_due,
				    c.late, c.arose_on, EXISTS (SELECT 1 FROM extension e WHERE e.complaint_id = c.id) AS extended,
				    c.employee_name
				FROM complaint c WHERE c.status = 'in_behandeling' AND c.purged = 0 ORDER BY c.id""")
			.query((rs, n) -> new OpenCase(rs.getString(1), rs.getString(2), rs.getString(3),
					Timestamps.read(rs.getString(4)), Timestamps.date(rs.getString(5)),
					Timestamps.date(rs.getString(6)), rs.getBoolean(7), Timestamps.date(rs.getString(8)),
					rs.getBoolean(9), rs.getString(10)))
			.list();
	}

	/**
	 * Per open case its last question (R12, R13, R15) with no later incoming mail from a
	 * recipient.
	 */
	public List<Question> waitingForAnswer() {
		return this.jdbc.sql("""
				SELECT c.reference, c.complainant_name, c.subject, q.kind, q.recipients, q.at
				FROM correspondence q JOIN complaint c ON c.id = q.complaint_id
				WHERE c.status = 'in_behandeling' AND c.purged = 0 AND q.direction = 'out' AND q.kind IN %s
				  AND q.id = (SELECT max(l.id) FROM correspondence l
				              WHERE l.complaint_id = q.complaint_id AND l.direction = 'out' AND l.kind IN %s)
				  AND NOT EXISTS (SELECT 1 FROM correspondence a
				                  WHERE a.complaint_id = q.complaint_id AND a.direction = 'in' AND a.id > q.id
				                    AND a.sender IS NOT NULL AND a.sender <> ''
				                    AND replace(lower(q.recipients), lower(a.sender), '') <> lower(q.recipients))
				ORDER BY q.id""".formatted(QUESTION_KINDS, QUESTION_KINDS))
			.query((rs, n) -> new Question(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), Timestamps.read(rs.getString(6))))
			.list();
	}

	public List<Appeal> openAppeals() {
		return this.jdbc.sql("""
				SELECT c.reference, c.complainant_name, c.subject, a.filed_at, a.due, a.outcome
				FROM appeal a JOIN complaint c ON c.id = a.complaint_id
				WHERE a.outcome IS NULL AND c.purged = 0 ORDER BY a.due, c.id""")
			.query((rs, n) -> new Appeal(rs.getString(1), rs.getString(2), rs.getString(3),
					Timestamps.read(rs.getString(4)), Timestamps.date(rs.getString(5)), rs.getString(6)))
			.list();
	}

	public List<Handled> handledWithoutMeasure() {
		return this.jdbc.sql("""
				SELECT c.reference, c.complainant_name, c.subject, c.decided_at FROM complaint c
				WHERE c.status = 'afgehandeld' AND c.purged = 0 AND c.decided_at IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM measure m WHERE m.complaint_id = c.id)
				ORDER BY c.decided_at, c.id""")
			.query((rs, n) -> new Handled(rs.getString(1), rs.getString(2), rs.getString(3),
					Timestamps.date(rs.getString(4))))
			.list();
	}

	/**
	 * A recipient the SMTP server refused for good (issue 13): the case (null fields for
	 * mail not filed with a case), the mail's kind, the address, the server's reply (one
	 * clean line) and when.
	 */
	public record Undelivered(String reference, String complainantName, String subject, String kind, String recipient,
			String reply, Instant at) {
	}

	/**
	 * Refused recipients from {@code from} (a UTC date, a day early is fine: the digest
	 * filters).
	 */
	public List<Undelivered> undeliveredFrom(LocalDate from) {
		return this.jdbc.sql("""
				SELECT c.reference, c.complainant_name, c.subject, o.kind, r.recipient, r.reply, r.at
				FROM outbox_refusal r JOIN outbox o ON o.id = r.outbox_id LEFT JOIN complaint c ON c.id = o.complaint_id
				WHERE r.at >= ? AND (c.id IS NULL OR c.purged = 0) ORDER BY r.id""")
			.param(from.minusDays(1).toString())
			.query((rs, n) -> new Undelivered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), Timestamps.read(rs.getString(7))))
			.list();
	}

	/**
	 * Cases submitted on or after {@code from} as a UTC date: a coarse cut that the
	 * caller narrows to the exact instant (the committee's day differs, so a day of
	 * margin belongs in {@code from}). The stored form starts with the date, so comparing
	 * the whole text selects the same rows as comparing its first ten characters, and can
	 * use the index.
	 */
	public List<Registered> registeredFrom(LocalDate from) {
		return this.jdbc.sql("""
				SELECT reference, complainant_name, subject, submitted_at FROM complaint
				WHERE purged = 0 AND submitted_at >= ? ORDER BY id""")
			.param(from.toString())
			.query((rs, n) -> new Registered(rs.getString(1), rs.getString(2), rs.getString(3),
					Timestamps.read(rs.getString(4))))
			.list();
	}

	/** When the last digest before {@code day} went, if any. */
	public Optional<Instant> lastRunBefore(LocalDate day) {
		return this.jdbc.sql("SELECT sent_at FROM digest_run WHERE day < ? ORDER BY day DESC LIMIT 1")
			.param(day.toString())
			.query(String.class)
			.optional()
			.map(Timestamps::read);
	}

	public boolean hasRun(LocalDate day) {
		return this.jdbc.sql("SELECT count(*) FROM digest_run WHERE day = ?")
			.param(day.toString())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Records the day's digest; false when that day already had one (the row is left as
	 * it was).
	 */
	public boolean recordRun(LocalDate day, Instant sentAt, MessageId outboxMessageId) {
		return this.jdbc
			.sql("INSERT INTO digest_run (day, sent_at, outbox_message_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(day.toString(), Timestamps.write(sentAt), StoredMessageIds.text(outboxMessageId))
			.update() > 0;
	}

}
