package nl.klachten.deadlines;

import nl.klachten.committee.MessageId;
import nl.klachten.committee.DeadlinePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.TermsSettings;
import nl.klachten.mailbox.FolderCleaner;
import nl.klachten.mailbox.MailboxException;
import nl.klachten.register.Retention;
import nl.klachten.register.Retention.PurgeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The daily purge of R20 in the running processor: the register and the files first (one
 * transaction, see {@link Retention}), then, after the commit, the copies in the IMAP
 * folders, including any the {@code purge} admin command left pending because it runs
 * without the mail server. An unreachable mail server leaves them pending for the next
 * run. Counts only in the log (R8).
 */
@Component
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
public class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final Retention retention;

	private final FolderCleaner cleaner;

	private final DeadlinePolicy policy;

	/** Nightly, before the digest reports what was purged. */
	static final String CRON = "0 30 3 * * *";

	private final DailySchedule schedule;

	private final Clock clock;

	/**
	 * The last day the purge ran in this process; a start after the night's time waits
	 * for the next night.
	 */
	private LocalDate lastRun;

	RetentionJob(Retention retention, FolderCleaner cleaner, DeadlinePolicy policy, TermsSettings terms, Clock clock) {
		this.retention = retention;
		this.cleaner = cleaner;
		this.policy = policy;
		this.schedule = new DailySchedule(CRON, terms.zone());
		this.clock = clock;
		Instant now = clock.instant();
		this.lastRun = this.schedule.isDue(now) ? this.schedule.day(now) : this.schedule.day(now).minusDays(1);
	}

	/**
	 * The schedule, asked every few seconds: the purge as of today (local date in the
	 * regulation's zone) once its time tonight has come; empty when it is not due or
	 * already ran today.
	 */
	public synchronized Optional<PurgeResult> runIfDue() {
		Instant now = this.clock.instant();
		LocalDate today = this.schedule.day(now);
		if (!today.isAfter(this.lastRun) || !this.schedule.isDue(now)) {
			return Optional.empty();
		}
		this.lastRun = today;
		return Optional.of(run(this.policy.today(now), false));
	}

	/**
	 * Purges what is due as of {@code asOf}; a dry run changes nothing, in the register
	 * or on IMAP.
	 */
	public synchronized PurgeResult run(LocalDate asOf, boolean dryRun) {
		PurgeResult result = this.retention.purge(asOf, dryRun);
		if (!dryRun) {
			drainImap();
		}
		return result;
	}

	/** Deletes the pending IMAP copies; returns how many messages went. */
	public int drainImap() {
		List<MessageId> pending = this.retention.pendingImapDeletes();
		if (pending.isEmpty()) {
			return 0;
		}
		try {
			int deleted = this.cleaner.delete(pending.stream().map(MessageId::value).toList());
			this.retention.imapDeleted(pending);
			return deleted;
		}
		catch (MailboxException ex) {
			log.warn("Purged mail stays in the IMAP folders until the next run ({} pending): {}", pending.size(),
					ex.getMessage());
			return 0;
		}
	}

}
