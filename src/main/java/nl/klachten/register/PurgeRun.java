package nl.klachten.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One purge inside its transaction: gathers the mail, files and Message-IDs of the cases
 * and case-less mail due, has {@link CaseAnonymiser} empty them, queues the IMAP deletes
 * and records the run in {@code purge_run}. Hands back the files left unreferenced, to be
 * deleted after the commit.
 */
@Component
class PurgeRun {

	private final JdbcClient jdbc;

	private final CaseAnonymiser anonymiser;

	private final ImapPurgeQueue imap;

	private final PurgedFiles files;

	private final RetentionCandidates candidates;

	PurgeRun(JdbcClient jdbc, CaseAnonymiser anonymiser, ImapPurgeQueue imap, PurgedFiles files,
			RetentionCandidates candidates) {
		this.jdbc = jdbc;
		this.candidates = candidates;
		this.anonymiser = anonymiser;
		this.imap = imap;
		this.files = files;
	}

	/** An inbound mail to purge. */
	record Mail(long id, MessageId messageId, String rawPath, String dedupeKey) {
	}

	/**
	 * What a purge did: mails purged, files left unreferenced, Message-IDs queued for
	 * IMAP.
	 */
	record Outcome(int mails, Set<String> files, List<MessageId> messageIds) {
	}

	/** How many inbound mails purging these cases and orphans would purge. */
	int mailCount(List<Long> caseIds, List<Long> orphans) {
		int mails = orphans.size();
		for (long id : caseIds) {
			mails += mailsOf(id).size();
		}
		return mails;
	}

	Outcome purge(LocalDate asOf, String now, List<Long> caseIds, List<Long> orphans) {
		List<Mail> mails = new ArrayList<>();
		Set<String> paths = new LinkedHashSet<>();
		Set<MessageId> messageIds = new LinkedHashSet<>();
		for (long id : caseIds) {
			mails.addAll(mailsOf(id));
			messageIds.addAll(sentAbout(id));
			paths.addAll(attachmentsOf(id));
			this.anonymiser.purgeCase(id, now);
		}
		orphans.forEach((id) -> mails.add(mail(id)));
		this.anonymiser.emptyOutbox(this.candidates.caselessOutboxDue(asOf));
		for (Mail mail : mails) {
			if (mail.messageId() != null && !mail.messageId().value().isBlank()) {
				messageIds.add(mail.messageId());
			}
			addIfPresent(paths, mail.rawPath());
			this.anonymiser.purgeMail(mail.id(), mail.dedupeKey());
		}
		List<MessageId> queued = this.imap.queue(messageIds);
		Set<String> unreferenced = this.files.unreferenced(paths);
		this.jdbc.sql("INSERT INTO purge_run (as_of, ran_at, cases, mails) VALUES (?, ?, ?, ?)")
			.params(asOf.toString(), now, caseIds.size(), mails.size())
			.update();
		return new Outcome(mails.size(), unreferenced, queued);
	}

	private static void addIfPresent(Set<String> set, String value) {
		if (value != null && !value.isBlank()) {
			set.add(value);
		}
	}

	/**
	 * The inbound mail of a case: its own, every mail filed as its correspondence, and
	 * the processor's own mail about it read back from the chair's inbox (a notification
	 * carries the complaint's text).
	 */
	private List<Mail> mailsOf(long complaintId) {
		return this.jdbc.sql("""
				SELECT id, message_id, raw_path, dedupe_key FROM inbound_mail
				WHERE dedupe_key NOT LIKE 'purged:%' AND (complaint_id = :id
				    OR id IN (SELECT inbound_mail_id FROM correspondence WHERE complaint_id = :id)
				    OR message_id IN (SELECT message_id FROM outbox WHERE complaint_id = :id))""")
			.param("id", complaintId)
			.query((rs, n) -> new Mail(rs.getLong(1), MessageId.stored(rs.getString(2)), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/**
	 * The Message-IDs of the processor's own mail about a case: a notice placed in the
	 * chair's notices folder is never read back, so it is found there by the id it was
	 * sent with.
	 */
	private List<MessageId> sentAbout(long complaintId) {
		return this.jdbc.sql("SELECT message_id FROM outbox WHERE complaint_id = ?")
			.param(complaintId)
			.query((rs, n) -> MessageId.stored(rs.getString(1)))
			.list();
	}

	private List<String> attachmentsOf(long complaintId) {
		return this.jdbc.sql("""
				SELECT a.path FROM attachment a JOIN correspondence r ON r.id = a.correspondence_id
				WHERE r.complaint_id = ?""").param(complaintId).query(String.class).list();
	}

	private Mail mail(long id) {
		return this.jdbc.sql("SELECT id, message_id, raw_path, dedupe_key FROM inbound_mail WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Mail(rs.getLong(1), MessageId.stored(rs.getString(2)), rs.getString(3),
					rs.getString(4)))
			.single();
	}

}
