package nl.klachten.register;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL that makes a case anonymous (R20): what names or quotes a person is deleted or
 * set to {@link Retention#REMOVED}; dates, assessment, extensions, appeal and measures
 * stay for the yearly figures. Runs inside the purge's transaction; knows nothing of
 * files or IMAP.
 */
@Component
class CaseAnonymiser {

	private static final String PURGED_KEY = "purged:";

	/**
	 * Raw bytes of a purged outbox row, bound as a parameter: a blob literal is
	 * dialect-specific.
	 */
	private static final byte[] EMPTY = new byte[0];

	private final JdbcClient jdbc;

	CaseAnonymiser(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void purgeCase(long id, String purgedAt) {
		purgeCorrespondence(id);
		purgeOutbox(id);
		for (String table : List.of("product", "note", "participant", "confirmation_request")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE complaint_id = ?").param(id).update();
		}
		purgeAppealAndMeasures(id);
		this.jdbc.sql("""
				UPDATE complaint SET complainant_name = NULL, complainant_email = ?, complainant_address = NULL,
				    complainant_city = NULL, representative_of = NULL, subject = ?, description = ?,
				    further_description = NULL, employee_name = NULL, employee_email = NULL, arguments = NULL,
				    solution = NULL, purged = 1, purged_at = ?
				WHERE id = ?""")
			.params(Retention.REMOVED_ADDRESS, Retention.REMOVED, Retention.REMOVED, purgedAt, id)
			.update();
	}

	/**
	 * An inbound mail keeps its row (so a replay stays a duplicate) under a key of its
	 * own.
	 */
	void purgeMail(long id, String dedupeKey) {
		this.jdbc.sql("DELETE FROM intake_failure WHERE dedupe_key = ?").param(dedupeKey).update();
		this.jdbc.sql("""
				UPDATE inbound_mail SET dedupe_key = ? || id, message_id = NULL, sha256 = '', raw_path = '',
				    sender = NULL, subject = NULL
				WHERE id = ?""").params(PURGED_KEY, id).update();
	}

	/** Empties sent mail about no single case. */
	void emptyOutbox(List<Long> ids) {
		for (long id : ids) {
			this.jdbc.sql("UPDATE outbox SET raw = ?, recipients = '', last_error = NULL WHERE id = ?")
				.params(EMPTY, id)
				.update();
		}
	}

	private void purgeCorrespondence(long id) {
		this.jdbc
			.sql("""
					DELETE FROM attachment WHERE correspondence_id IN (SELECT id FROM correspondence WHERE complaint_id = ?)""")
			.param(id)
			.update();
		this.jdbc
			.sql("""
					UPDATE correspondence SET sender = NULL, recipients = NULL, subject = NULL, body = NULL, new_text = NULL,
					    message_id = NULL
					WHERE complaint_id = ?""")
			.param(id)
			.update();
	}

	private void purgeOutbox(long id) {
		this.jdbc.sql("""
				DELETE FROM outbox_refusal WHERE outbox_id IN (SELECT id FROM outbox WHERE complaint_id = :id
				    OR id IN (SELECT outbox_id FROM correspondence WHERE complaint_id = :id))""")
			.param("id", id)
			.update();
		this.jdbc.sql("""
				UPDATE outbox SET raw = :empty, recipients = '', settled = NULL, last_error = NULL,
				    status = CASE WHEN status IN ('pending', 'sending') THEN 'purged' ELSE status END
				WHERE complaint_id = :id OR id IN (SELECT outbox_id FROM correspondence WHERE complaint_id = :id)""")
			.param("empty", EMPTY)
			.param("id", id)
			.update();
	}

	private void purgeAppealAndMeasures(long id) {
		this.jdbc.sql("UPDATE extension SET reason = NULL WHERE complaint_id = ?").param(id).update();
		this.jdbc.sql("UPDATE appeal SET grounds = NULL WHERE complaint_id = ?").param(id).update();
		this.jdbc.sql("""
				UPDATE measure SET text = CASE WHEN text IS NULL THEN NULL ELSE ? END, recorded_by = NULL
				WHERE complaint_id = ?""").params(Retention.REMOVED, id).update();
		this.jdbc.sql("UPDATE data_request SET message_id = NULL WHERE complaint_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM appeal_letter WHERE complaint_id = ?").param(id).update();
		this.jdbc.sql("UPDATE appeal_extension SET reason = NULL WHERE complaint_id = ?").param(id).update();
	}

}
