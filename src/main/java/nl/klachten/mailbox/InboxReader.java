package nl.klachten.mailbox;

import java.time.Clock;
import java.time.Instant;

import nl.klachten.intake.IntakeSettings;

/**
 * The intake's message source: when the {@link MailSignal} says so, one batch from the inbox;
 * otherwise nothing. A batch cut short (by count or by bytes) raises the signal again, so a backlog
 * is read without waiting. It keeps how the last reads went ({@link Reads}) for the health check.
 */
public class InboxReader {

	private final ImapMailbox mailbox;

	private final MailSignal signal;

	private final IntakeSettings settings;

	private final ProblemLog problems;

	private final Clock clock;

	private volatile Instant lastSuccess;

	/** {@link System#nanoTime} of the last successful read, or of the start when none yet. */
	private volatile long lastSuccessNanos = System.nanoTime();

	private volatile int failuresInRow;

	private volatile String lastError;

	public InboxReader(ImapMailbox mailbox, MailSignal signal, IntakeSettings settings, ProblemLog problems,
			Clock clock) {
		this.problems = problems;
		this.mailbox = mailbox;
		this.signal = signal;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * How the inbox reads went: the time of the last successful one (null when none yet), the
	 * time elapsed since it (or since the start), the failed reads since and the last error's class.
	 */
	public record Reads(Instant lastSuccess, long nanosSinceSuccess, int failuresInRow, String lastError) {
	}

	public Reads reads() {
		return new Reads(this.lastSuccess, System.nanoTime() - this.lastSuccessNanos, this.failuresInRow,
				this.lastError);
	}

	/**
	 * The next batch, or null when there is nothing to read now. A failing server is not an error
	 * of the pipeline: it is told once ({@link ProblemLog}) and read again after a backoff.
	 */
	public MailBatch nextBatch() {
		if (!this.signal.take()) {
			return null;
		}
		ImapMailbox.Fetched fetched;
		try {
			fetched = this.mailbox.fetch(this.settings.batchSize(), this.settings.maxMessageSize().toBytes(),
					this.settings.batchBytes().toBytes());
		}
		catch (MailboxException ex) {
			this.signal.failed();
			this.failuresInRow++;
			this.lastError = ex.getCause() == null ? ex.getClass().getSimpleName()
					: ex.getCause().getClass().getSimpleName();
			this.problems.failed(ex);
			return null;
		}
		this.signal.succeeded();
		this.problems.succeeded();
		this.lastSuccess = this.clock.instant();
		this.lastSuccessNanos = System.nanoTime();
		this.failuresInRow = 0;
		this.lastError = null;
		if (fetched.more()) {
			this.signal.raise();
		}
		return fetched.mails().isEmpty() ? null : new MailBatch(fetched.mails());
	}

}
