package nl.klachten.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.klachten.committee.DeadlinePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention (R20): a case handled (decided, or withdrawn) more than the retention term ago loses its
 * personal data, mail bodies, attachments and raw mail; an anonymous row with its dates, assessment,
 * extensions, appeal and measures stays for the yearly figures, marked {@code purged}. Mail without a
 * case (the ignored list and quarantine) goes the same way a term after it was received.
 * <p>
 * The register changes in one transaction; files are deleted after the commit, and only when no
 * remaining row refers to them (the store is content-addressed, so two cases can share a file). A
 * crash in between leaves at most an unreferenced file. The Message-IDs of the purged mail are kept in
 * {@code imap_purge_pending} until the processor has deleted their copies from the IMAP folders.
 * Nothing here logs more than counts (R8).
 */
@Repository
public class Retention {

	/** What a purged text column reads. */
	public static final String REMOVED = "[verwijderd]";

	/** What a purged NOT NULL address column reads. */
	public static final String REMOVED_ADDRESS = "verwijderd";

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private static final String PURGED_KEY = "purged:";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final DeadlinePolicy policy;

	private final Path dataDirectory;

	private final Clock clock;

	Retention(JdbcClient jdbc, PlatformTransactionManager transactions, DeadlinePolicy policy,
			RegisterSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.policy = policy;
		this.dataDirectory = settings.dataDirectory().normalize();
		this.clock = clock;
	}

	/** A handled case and the last day it is kept. */
	public record PurgeCandidate(String reference, LocalDate handledOn, LocalDate retainedUntil) {
	}

	/** A case that was purged, and when. */
	public record PurgedCase(String reference, LocalDate purgedOn) {
	}

	/**
	 * One purge: the references purged (or, on a dry run, that would be), how many inbound mails were
	 * purged, how many files were deleted, and the Message-IDs whose IMAP copies are to be deleted.
	 */
	public record PurgeResult(LocalDate asOf, boolean dryRun, List<String> references, int mails, int files,
			List<String> messageIds) {

		public int cases() {
			return this.references.size();
		}

	}

	/** The cases whose retention ended before {@code asOf}, oldest first. */
	public List<PurgeCandidate> due(LocalDate asOf) {
		Instant start = startOf(asOf);
		return handled().stream().filter((c) -> c.handledAt() != null && this.policy.purgeDue(c.handledAt(), start))
			.map(Handled::candidate)
			.sorted(Comparator.comparing(PurgeCandidate::retainedUntil).thenComparing(PurgeCandidate::reference))
			.toList();
	}

	/** For the digest: the cases to be purged within {@code days} days from {@code asOf} (0 = after today). */
	public List<PurgeCandidate> dueWithin(LocalDate asOf, int days) {
		Instant start = startOf(asOf);
		return handled().stream()
			.filter((c) -> c.handledAt() != null)
			.map(Handled::candidate)
			.filter((c) -> this.policy.dueWithin(c.retainedUntil(), start, days))
			.sorted(Comparator.comparing(PurgeCandidate::retainedUntil).thenComparing(PurgeCandidate::reference))
			.toList();
	}

	/** For the report: the cases purged on or after {@code since}, by reference. */
	public List<PurgedCase> purgedSince(LocalDate since) {
		return this.jdbc.sql("SELECT reference, purged_at FROM complaint WHERE purged = 1 AND purged_at IS NOT NULL")
			.query((rs, n) -> new PurgedCase(rs.getString(1), localDate(rs.getString(2))))
			.list()
			.stream()
			.filter((p) -> p.purgedOn() != null && !p.purgedOn().isBefore(since))
			.sorted(Comparator.comparing(PurgedCase::purgedOn).thenComparing(PurgedCase::reference))
			.toList();
	}

	/**
	 * Purges every case and case-less mail due as of {@code asOf}. A dry run changes nothing and says
	 * what would go. Running it again is a no-op.
	 */
	public PurgeResult purge(LocalDate asOf, boolean dryRun) {
		List<PurgeCandidate> cases = due(asOf);
		List<Long> caseIds = cases.stream().map(this::idOf).toList();
		List<OrphanMail> orphans = orphansDue(asOf);
		List<String> references = cases.stream().map(PurgeCandidate::reference).toList();
		if (dryRun) {
			int mails = orphans.size();
			for (long id : caseIds) {
				mails += mailsOf(id).size();
			}
			return new PurgeResult(asOf, true, references, mails, 0, List.of());
		}
		Outcome outcome = this.transactions.execute((status) -> purge(asOf, caseIds, orphans));
		int deleted = deleteUnreferenced(outcome.files());
		log.info("Retention purge as of {}: {} case(s), {} mail(s), {} file(s) deleted", asOf, references.size(),
				outcome.mails(), deleted);
		return new PurgeResult(asOf, false, references, outcome.mails(), deleted, outcome.messageIds());
	}

	/** Message-IDs whose copies in the IMAP folders are still to be deleted. */
	public List<String> pendingImapDeletes() {
		return this.jdbc.sql("SELECT message_id FROM imap_purge_pending ORDER BY message_id").query(String.class).list();
	}

	/** The IMAP copies of these Message-IDs are gone (or were never there). */
	public void imapDeleted(Collection<String> messageIds) {
		for (String id : messageIds) {
			this.jdbc.sql("DELETE FROM imap_purge_pending WHERE message_id = ?").param(id).update();
		}
	}

	private record Handled(long id, String reference, OffsetDateTime handledAt, PurgeCandidate candidate) {
	}

	private record OrphanMail(long id) {
	}

	private record Mail(long id, String messageId, String rawPath, String dedupeKey) {
	}

	private record Outcome(int mails, Set<String> files, List<String> messageIds) {
	}

	private List<Handled> handled() {
		return this.jdbc.sql("""
				SELECT c.id, c.reference, c.status, c.handled_at,
				    (SELECT max(r.at) FROM correspondence r WHERE r.complaint_id = c.id) AS last_at
				FROM complaint c
				WHERE c.purged = 0 AND c.status IN ('afgehandeld', 'ingetrokken')""")
			.query((rs, n) -> {
				String handledAt = rs.getString(4);
				if (handledAt == null && "ingetrokken".equals(rs.getString(3))) {
					handledAt = rs.getString(5);
				}
				OffsetDateTime at = timestamp(handledAt);
				PurgeCandidate candidate = at == null ? null : new PurgeCandidate(rs.getString(2),
						at.atZoneSameInstant(this.policy.zone()).toLocalDate(), this.policy.retentionUntil(at));
				return new Handled(rs.getLong(1), rs.getString(2), at, candidate);
			})
			.list();
	}

	private long idOf(PurgeCandidate candidate) {
		return this.jdbc.sql("SELECT id FROM complaint WHERE reference = ?")
			.param(candidate.reference())
			.query(Long.class)
			.single();
	}

	/** Inbound mail without a case, not yet purged, received more than the term before {@code asOf}. */
	private List<OrphanMail> orphansDue(LocalDate asOf) {
		Instant start = startOf(asOf);
		return this.jdbc.sql("""
				SELECT m.id, m.received_at FROM inbound_mail m
				WHERE m.complaint_id IS NULL AND m.dedupe_key NOT LIKE 'purged:%'
				    AND NOT EXISTS (SELECT 1 FROM correspondence r WHERE r.inbound_mail_id = m.id)""")
			.query((rs, n) -> {
				OffsetDateTime received = timestamp(rs.getString(2));
				return received != null && this.policy.purgeDue(received, start) ? new OrphanMail(rs.getLong(1)) : null;
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/**
	 * The inbound mail of a case: its own, every mail filed as its correspondence, and the processor's
	 * own mail about it read back from the chair's inbox (a notification carries the complaint's text).
	 */
	private List<Mail> mailsOf(long complaintId) {
		return this.jdbc.sql("""
				SELECT id, message_id, raw_path, dedupe_key FROM inbound_mail
				WHERE dedupe_key NOT LIKE 'purged:%' AND (complaint_id = :id
				    OR id IN (SELECT inbound_mail_id FROM correspondence WHERE complaint_id = :id)
				    OR message_id IN (SELECT message_id FROM outbox WHERE complaint_id = :id))""")
			.param("id", complaintId)
			.query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/**
	 * The Message-IDs of the processor's own mail about a case: a notice placed in the chair's
	 * notices folder is never read back, so it is found there by the id it was sent with.
	 */
	private List<String> sentAbout(long complaintId) {
		return this.jdbc.sql("SELECT message_id FROM outbox WHERE complaint_id = ?")
			.param(complaintId)
			.query(String.class)
			.list();
	}

	private Mail mail(long id) {
		return this.jdbc.sql("SELECT id, message_id, raw_path, dedupe_key FROM inbound_mail WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	private Outcome purge(LocalDate asOf, List<Long> caseIds, List<OrphanMail> orphans) {
		List<Mail> mails = new ArrayList<>();
		Set<String> files = new LinkedHashSet<>();
		Set<String> messageIds = new LinkedHashSet<>();
		for (long id : caseIds) {
			mails.addAll(mailsOf(id));
			messageIds.addAll(sentAbout(id));
			files.addAll(this.jdbc.sql("""
					SELECT a.path FROM attachment a JOIN correspondence r ON r.id = a.correspondence_id
					WHERE r.complaint_id = ?""").param(id).query(String.class).list());
			purgeCase(id);
		}
		for (OrphanMail orphan : orphans) {
			mails.add(mail(orphan.id()));
		}
		purgeCaselessOutbox(asOf);
		for (Mail mail : mails) {
			if (mail.messageId() != null && !mail.messageId().isBlank()) {
				messageIds.add(mail.messageId());
			}
			if (mail.rawPath() != null && !mail.rawPath().isBlank()) {
				files.add(mail.rawPath());
			}
			purgeMail(mail);
		}
		// a Message-ID still on a mail that is kept (a copy under another key) stays in the folders
		List<String> toDelete = messageIds.stream()
			.filter((id) -> this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE message_id = ?")
				.param(id)
				.query(Integer.class)
				.single() == 0)
			.toList();
		for (String id : toDelete) {
			this.jdbc.sql("INSERT OR IGNORE INTO imap_purge_pending (message_id) VALUES (?)").param(id).update();
		}
		Set<String> unreferenced = new LinkedHashSet<>();
		for (String file : files) {
			int references = this.jdbc.sql("""
					SELECT (SELECT count(*) FROM inbound_mail WHERE raw_path = :p)
					     + (SELECT count(*) FROM attachment WHERE path = :p)""")
				.param("p", file)
				.query(Integer.class)
				.single();
			if (references == 0) {
				unreferenced.add(file);
			}
		}
		this.jdbc.sql("INSERT INTO purge_run (as_of, ran_at, cases, mails) VALUES (?, ?, ?, ?)")
			.params(asOf.toString(), now().toString(), caseIds.size(), mails.size())
			.update();
		return new Outcome(mails.size(), unreferenced, toDelete);
	}

	private void purgeCase(long id) {
		this.jdbc.sql("""
				DELETE FROM attachment WHERE correspondence_id IN (SELECT id FROM correspondence WHERE complaint_id = ?)""")
			.param(id)
			.update();
		this.jdbc.sql("""
				UPDATE correspondence SET sender = NULL, recipients = NULL, subject = NULL, body = NULL, new_text = NULL,
				    message_id = NULL
				WHERE complaint_id = ?""").param(id).update();
		this.jdbc.sql("""
				DELETE FROM outbox_refusal WHERE outbox_id IN (SELECT id FROM outbox WHERE complaint_id = :id
				    OR id IN (SELECT outbox_id FROM correspondence WHERE complaint_id = :id))""")
			.param("id", id)
			.update();
		this.jdbc.sql("""
				UPDATE outbox SET raw = X'', recipients = '', settled = NULL, last_error = NULL,
				    status = CASE WHEN status IN ('pending', 'sending') THEN 'purged' ELSE status END
				WHERE complaint_id = :id OR id IN (SELECT outbox_id FROM correspondence WHERE complaint_id = :id)""")
			.param("id", id)
			.update();
		for (String table : List.of("product", "note", "participant", "confirmation_request")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE complaint_id = ?").param(id).update();
		}
		this.jdbc.sql("UPDATE extension SET reason = NULL WHERE complaint_id = ?").param(id).update();
		this.jdbc.sql("UPDATE appeal SET grounds = NULL WHERE complaint_id = ?").param(id).update();
		this.jdbc.sql("""
				UPDATE measure SET text = CASE WHEN text IS NULL THEN NULL ELSE ? END, recorded_by = NULL
				WHERE complaint_id = ?""").params(REMOVED, id).update();
		this.jdbc.sql("UPDATE data_request SET message_id = NULL WHERE complaint_id = ?").param(id).update();
		if (tableExists("appeal_letter")) {
			this.jdbc.sql("DELETE FROM appeal_letter WHERE complaint_id = ?").param(id).update();
		}
		if (tableExists("appeal_extension")) {
			this.jdbc.sql("UPDATE appeal_extension SET reason = NULL WHERE complaint_id = ?").param(id).update();
		}
		this.jdbc.sql("""
				UPDATE complaint SET complainant_name = NULL, complainant_email = ?, complainant_address = NULL,
				    complainant_city = NULL, representative_of = NULL, subject = ?, description = ?,
				    further_description = NULL, employee_name = NULL, employee_email = NULL, arguments = NULL,
				    solution = NULL, purged = 1, purged_at = ?
				WHERE id = ?""")
			.params(REMOVED_ADDRESS, REMOVED, REMOVED, now().toString(), id)
			.update();
	}

	/** Mail sent about no single case (the digest names complainants) is emptied a term after it was made. */
	private void purgeCaselessOutbox(LocalDate asOf) {
		Instant start = startOf(asOf);
		List<Long> due = this.jdbc.sql("""
				SELECT id, created_at FROM outbox
				WHERE complaint_id IS NULL AND status NOT IN ('pending', 'sending') AND length(raw) > 0""")
			.query((rs, n) -> {
				OffsetDateTime created = timestamp(rs.getString(2));
				return created != null && this.policy.purgeDue(created, start) ? rs.getLong(1) : null;
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		for (long id : due) {
			this.jdbc.sql("UPDATE outbox SET raw = X'', recipients = '', last_error = NULL WHERE id = ?")
				.param(id)
				.update();
		}
	}

	private boolean tableExists(String table) {
		return this.jdbc.sql("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")
			.param(table)
			.query(Integer.class)
			.single() > 0;
	}

	private void purgeMail(Mail mail) {
		this.jdbc.sql("DELETE FROM intake_failure WHERE dedupe_key = ?").param(mail.dedupeKey()).update();
		this.jdbc.sql("""
				UPDATE inbound_mail SET dedupe_key = ? || id, message_id = NULL, sha256 = '', raw_path = '',
				    sender = NULL, subject = NULL
				WHERE id = ?""").params(PURGED_KEY, mail.id()).update();
	}

	/** Deletes the files no row refers to any more; a file outside the data directory is never touched. */
	private int deleteUnreferenced(Set<String> files) {
		int deleted = 0;
		for (String file : files) {
			Path path = this.dataDirectory.resolve(file).normalize();
			if (!path.startsWith(this.dataDirectory)) {
				continue;
			}
			try {
				if (Files.deleteIfExists(path)) {
					deleted++;
				}
			}
			catch (IOException ex) {
				log.warn("Deleting a purged file failed: {}", ex.getClass().getSimpleName());
			}
		}
		return deleted;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), this.policy.zone());
	}

	private Instant startOf(LocalDate day) {
		return day.atStartOfDay(this.policy.zone()).toInstant();
	}

	private LocalDate localDate(String timestamp) {
		OffsetDateTime at = timestamp(timestamp);
		return at == null ? null : at.atZoneSameInstant(this.policy.zone()).toLocalDate();
	}

	/** An ISO timestamp with offset, an instant, or a bare date (start of that day in the zone). */
	private OffsetDateTime timestamp(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			// try the other shapes
		}
		try {
			return Instant.parse(value).atOffset(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// try a date
		}
		try {
			return LocalDate.parse(value).atStartOfDay(this.policy.zone()).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
