package nl.klachten.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake's message source: when the {@link MailSignal} says so, one batch from the
 * inbox; otherwise nothing. A batch cut short (by count or by bytes) raises the signal
 * again, so a backlog is read without waiting, and so does any read that found mail: the
 * inbox is read until a read finds it empty. It keeps how the last reads went
 * ({@link Reads}) for the health check. It also files what the register settled: a filing
 * that fails waits in {@link PendingFilings}, is tried again after its backoff before a
 * read, and its mails are left out of the reads meanwhile.
 */
public class InboxReader {

	private static final Logger log = LoggerFactory.getLogger(InboxReader.class);

	private final ImapMailbox mailbox;

	private final MailSignal signal;

	private final ReadLimits limits;

	private final ProblemLog problems;

	private final Clock clock;

	private final PendingFilings pending;

	private volatile Instant lastSuccess;

	/**
	 * {@link System#nanoTime} of the last successful read, or of the start when none yet.
	 */
	private volatile long lastSuccessNanos = System.nanoTime();

	private volatile int failuresInRow;

	private volatile String lastError;

	public InboxReader(ImapMailbox mailbox, MailSignal signal, ReadLimits limits, ProblemLog problems, Clock clock) {
		this.problems = problems;
		this.mailbox = mailbox;
		this.signal = signal;
		this.limits = limits;
		this.clock = clock;
		this.pending = new PendingFilings(clock);
	}

	/**
	 * How the inbox reads went: the time of the last successful one (null when none yet),
	 * the time elapsed since it (or since the start), the failed reads since and the last
	 * error's class.
	 */
	public record Reads(Instant lastSuccess, long nanosSinceSuccess, int failuresInRow, String lastError) {
	}

	public Reads reads() {
		return new Reads(this.lastSuccess, System.nanoTime() - this.lastSuccessNanos, this.failuresInRow,
				this.lastError);
	}

	/** How filing goes: the mails waiting to be filed, since when, and the last error. */
	public PendingFilings.State filings() {
		return this.pending.state();
	}

	/**
	 * Files what the register settled. A refusal because the inbox's UIDVALIDITY changed
	 * is not carried out: the mails are read again (the dedupe key makes that a no-op)
	 * and filed under their new UIDs. Any other failure waits for its backoff; newer mail
	 * is read meanwhile.
	 */
	public void file(Filing filing) {
		if (filing.destinations().isEmpty()) {
			return;
		}
		try {
			this.mailbox.file(filing);
			this.pending.filed(filing);
		}
		catch (UidValidityChanged ex) {
			int forgotten = this.pending.forgetAll();
			log.warn("Not filing {} mails: {}; they are read again", filing.destinations().size() + forgotten,
					ex.getMessage());
			this.signal.raise();
		}
		catch (MailboxException ex) {
			Duration backoff = this.pending.failed(filing, ex);
			PendingFilings.State state = this.pending.state();
			log.warn("Filing {} mails failed ({}); {} waiting, tried again in {} s", filing.destinations().size(),
					state.lastError(), state.waiting(), backoff.toSeconds());
			this.signal.raise();
		}
	}

	/**
	 * The next batch, or null when there is nothing to read now. A failing server is not
	 * an error of the pipeline: it is told once ({@link ProblemLog}) and read again after
	 * a backoff.
	 */
	public MailBatch nextBatch() {
		Filing due = this.pending.due();
		if (due != null) {
			file(due);
		}
		if (!this.signal.take()) {
			return null;
		}
		ImapMailbox.Fetched fetched;
		try {
			fetched = this.mailbox.fetch(this.limits.batchSize(), this.limits.maxMessageBytes(),
					this.limits.batchBytes(), this.pending.waiting());
		}
		catch (MailboxException ex) {
			readFailed(ex);
			return null;
		}
		readSucceeded(fetched);
		if (fetched.more() || !fetched.mails().isEmpty()) {
			// read again at the next tick: while mail keeps coming, the intake does not
			// wait for the server's IDLE notice, which servers delay to gather changes
			// (Dovecot about half a second); the first empty read hands back to IDLE
			this.signal.raise();
		}
		return fetched.mails().isEmpty() ? null : new MailBatch(fetched.mails(), fetched.uidValidity());
	}

	private void readFailed(MailboxException ex) {
		this.signal.failed();
		this.failuresInRow++;
		this.lastError = ex.getCause() == null ? ex.getClass().getSimpleName()
				: ex.getCause().getClass().getSimpleName();
		this.problems.failed(ex);
	}

	private void readSucceeded(ImapMailbox.Fetched fetched) {
		this.signal.succeeded();
		this.problems.succeeded();
		this.lastSuccess = this.clock.instant();
		this.lastSuccessNanos = System.nanoTime();
		this.failuresInRow = 0;
		this.lastError = null;
		int forgotten = this.pending.uidValidityIs(fetched.uidValidity());
		if (forgotten > 0) {
			log.warn("The inbox's UIDVALIDITY changed; {} mails waiting to be filed are read again", forgotten);
		}
	}

}
