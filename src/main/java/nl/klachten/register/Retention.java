package nl.klachten.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import nl.klachten.committee.MessageId;

import nl.klachten.register.RetentionCandidates.Handled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention (R20): a case handled (decided, or withdrawn) more than the retention term
 * ago loses its personal data, mail bodies, attachments and raw mail; an anonymous row
 * with its dates, assessment, extensions, appeal and measures stays for the yearly
 * figures, marked {@code purged}. Mail without a case (the ignored list and quarantine)
 * goes the same way a term after it was received.
 * <p>
 * The register changes in one transaction ({@link PurgeRun}, with
 * {@link CaseAnonymiser}); files are deleted after the commit, and only when no remaining
 * row refers to them ({@link PurgedFiles}). The Message-IDs of the purged mail are kept
 * ({@link ImapPurgeQueue}) until the processor has deleted their copies from the IMAP
 * folders. What is due is {@link RetentionCandidates}. Nothing here logs more than counts
 * (R8).
 */
@Repository
public class Retention {

	/** What a purged text column reads. */
	public static final String REMOVED = "[verwijderd]";

	/** What a purged NOT NULL address column reads. */
	public static final String REMOVED_ADDRESS = "verwijderd";

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final RetentionCandidates candidates;

	private final PurgeRun run;

	private final ImapPurgeQueue imap;

	private final PurgedFiles files;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Retention(RetentionCandidates candidates, PurgeRun run, ImapPurgeQueue imap, PurgedFiles files,
			PlatformTransactionManager transactions, Clock clock) {
		this.candidates = candidates;
		this.run = run;
		this.imap = imap;
		this.files = files;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** A handled case and the last day it is kept. */
	public record PurgeCandidate(String reference, LocalDate handledOn, LocalDate retainedUntil) {
	}

	/** A case that was purged, and when. */
	public record PurgedCase(String reference, LocalDate purgedOn) {
	}

	/**
	 * One purge: the references purged (or, on a dry run, that would be), how many
	 * inbound mails were purged, how many files were deleted, and the Message-IDs whose
	 * IMAP copies are to be deleted.
	 */
	public record PurgeResult(LocalDate asOf, boolean dryRun, List<String> references, int mails, int files,
			List<MessageId> messageIds) {

		public int cases() {
			return this.references.size();
		}

	}

	/** The cases whose retention ended before {@code asOf}, oldest first. */
	public List<PurgeCandidate> due(LocalDate asOf) {
		return this.candidates.due(asOf).stream().map(Handled::candidate).toList();
	}

	/**
	 * For the digest: the cases to be purged within {@code days} days from {@code asOf}
	 * (0 = after today).
	 */
	public List<PurgeCandidate> dueWithin(LocalDate asOf, int days) {
		return this.candidates.dueWithin(asOf, days);
	}

	/** For the report: the cases purged on or after {@code since}, by reference. */
	public List<PurgedCase> purgedSince(LocalDate since) {
		return this.candidates.purgedSince(since);
	}

	/**
	 * Purges every case and case-less mail due as of {@code asOf}. A dry run changes
	 * nothing and says what would go. Running it again is a no-op.
	 */
	public PurgeResult purge(LocalDate asOf, boolean dryRun) {
		List<Handled> cases = this.candidates.due(asOf);
		List<Long> caseIds = cases.stream().map(Handled::id).toList();
		List<Long> orphans = this.candidates.orphansDue(asOf);
		List<String> references = cases.stream().map((c) -> c.candidate().reference()).toList();
		if (dryRun) {
			return new PurgeResult(asOf, true, references, this.run.mailCount(caseIds, orphans), 0, List.of());
		}
		String now = Timestamps.write(this.clock.instant());
		PurgeRun.Outcome outcome = this.transactions.execute((status) -> this.run.purge(asOf, now, caseIds, orphans));
		int deleted = this.files.delete(outcome.files());
		log.info("Retention purge as of {}: {} case(s), {} mail(s), {} file(s) deleted", asOf, references.size(),
				outcome.mails(), deleted);
		return new PurgeResult(asOf, false, references, outcome.mails(), deleted, outcome.messageIds());
	}

	/** Message-IDs whose copies in the IMAP folders are still to be deleted. */
	public List<MessageId> pendingImapDeletes() {
		return this.imap.pending();
	}

	/** The IMAP copies of these Message-IDs are gone (or were never there). */
	public void imapDeleted(Collection<MessageId> messageIds) {
		this.imap.deleted(messageIds);
	}

}
