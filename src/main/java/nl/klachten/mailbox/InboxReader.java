package nl.klachten.mailbox;

import nl.klachten.intake.IntakeSettings;

/**
 * The intake's message source: when the {@link MailSignal} says so, one batch from the inbox;
 * otherwise nothing. A batch cut short (by count or by bytes) raises the signal again, so a backlog
 * is read without waiting.
 */
public class InboxReader {

	private final ImapMailbox mailbox;

	private final MailSignal signal;

	private final IntakeSettings settings;

	private final ProblemLog problems;

	public InboxReader(ImapMailbox mailbox, MailSignal signal, IntakeSettings settings, ProblemLog problems) {
		this.problems = problems;
		this.mailbox = mailbox;
		this.signal = signal;
		this.settings = settings;
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
			this.problems.failed(ex);
			return null;
		}
		this.signal.succeeded();
		this.problems.succeeded();
		if (fetched.more()) {
			this.signal.raise();
		}
		return fetched.mails().isEmpty() ? null : new MailBatch(fetched.mails());
	}

}
