package nl.klachten.outbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.klachten.register.Outbox;
import nl.klachten.register.QueuedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: the chair's notices into the notices folder when the chair reads the
 * intake mailbox ({@link NoticeRoute}, {@link NoticeDelivery}), everything else over K
 * SMTP connections at once, kept open between batches ({@link OutboxConnections}); the
 * notices go beside the SMTP mail, on a lane of their own ({@link NoticePlacing}).
 * <p>
 * Before a batch is handed to SMTP its rows are marked {@code sending} with a lease, in a
 * statement of their own; a process killed after that leaves them so, and the next start
 * (or, on a shared register, the leading process) releases them (such a mail may go
 * twice, CONTRACT §4, but never a storm). The server's reply is classified per recipient
 * ({@link SmtpOutcome}): accepted, refused for good (5xx: kept with the reply, not
 * retried, the chair told once by {@link RefusalNotice}), or deferred (4xx: retried with
 * per-mail backoff, {@link OutboxRetry}, for those recipients only). A bad mail defers or
 * fails that mail only; the batch goes on. A server that cannot be reached holds every
 * waiting mail until the next server try ({@link SmtpServerState}), so they go in queue
 * order when it answers again.
 * <p>
 * When the register cannot record what the server accepted (busy, disk full) the mail is
 * kept in memory as sent-but-unrecorded: the record is retried, the mail is never sent
 * again, and the sender pauses with backoff ({@link RegisterPause}) until the register
 * can be written.
 * <p>
 * This class holds the batch and the pause; sending a batch over SMTP is
 * {@link SmtpDelivery}, recording each outcome {@link OutcomeRecorder}, the
 * sent-but-unrecorded mails {@link UnrecordedMails}.
 */
public class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 200;

	private final Outbox outbox;

	private final Clock clock;

	private final NoticeRoute route;

	private final NoticePlacing notices;

	private final SmtpDelivery smtp;

	private final AcknowledgementCeiling ceiling;

	private final RegisterPause pause;

	private final UnrecordedMails unrecorded;

	private final OutboxConnections lanes;

	/** The last try to release left leases failed (said once in the log). */
	private volatile boolean leasesUnreleased;

	OutboxSender(Outbox outbox, NoticeRoute route, NoticePlacing notices, SmtpDelivery smtp,
			AcknowledgementCeiling ceiling, RegisterPause pause, UnrecordedMails unrecorded, OutboxConnections lanes,
			Clock clock) {
		this.outbox = outbox;
		this.lanes = lanes;
		this.route = route;
		this.notices = notices;
		this.smtp = smtp;
		this.ceiling = ceiling;
		this.pause = pause;
		this.unrecorded = unrecorded;
		this.clock = clock;
	}

	/**
	 * The mails due now, or null when there are none (so a poller emits nothing), or
	 * while the sender pauses because the register cannot be written. Acknowledgements
	 * past the hourly ceiling are left waiting; the rest of the outbox is not held up by
	 * them. Between batches, on the poller's thread, connections unused too long close.
	 */
	public DueMail due() {
		this.lanes.closeIdle();
		if (this.pause.active()) {
			return null;
		}
		try {
			this.unrecorded.recordAll();
			List<Long> inHand = this.notices.inHand();
			List<QueuedMail> due = new ArrayList<>(this.outbox.due(this.clock.instant(), BATCH, "", inHand));
			this.unrecorded.leaveOut(due);
			if (due.stream().anyMatch((mail) -> AcknowledgementCeiling.KIND.equals(mail.kind()))) {
				due = new ArrayList<>(this.ceiling.admit(due, this.clock.instant(), BATCH, inHand));
			}
			// the ceiling may read the outbox again
			this.unrecorded.leaveOut(due);
			// reads go on while writes fail (WAL): only a write ends the pause
			return due.isEmpty() ? null : new DueMail(due);
		}
		catch (RuntimeException ex) {
			this.unrecorded.registerFailed(ex);
			return null;
		}
	}

	/**
	 * Sends the mails and hands the chair's notices to their lane
	 * ({@link NoticePlacing}); returns how many the SMTP server accepted.
	 */
	public int send(DueMail due) {
		return send(due.mails());
	}

	private int send(List<QueuedMail> mails) {
		if (this.pause.active()) {
			return 0;
		}
		try {
			Map<Boolean, List<QueuedMail>> isNotice = mails.stream()
				.collect(Collectors.partitioningBy((mail) -> this.route.isNotice(mail.recipients())));
			this.notices.place(isNotice.get(true));
			int sent = this.smtp.send(isNotice.get(false));
			if (!this.pause.active()) {
				this.pause.succeeded();
			}
			return sent;
		}
		catch (RuntimeException ex) {
			this.unrecorded.registerFailed(ex);
			return 0;
		}
	}

	/**
	 * At start, and every few seconds while this process leads (issue 16): rows a stopped
	 * process left {@code sending} are pending again; a live process's stay its own.
	 */
	public void releaseLeftLeases() {
		try {
			int released = this.outbox.releaseLeases();
			this.leasesUnreleased = false;
			if (released > 0) {
				log.info("Outbox: {} mails left being sent by a stopped process are pending again; "
						+ "a mail the server took just before the stop may go twice", released);
			}
		}
		catch (RuntimeException ex) {
			if (!this.leasesUnreleased) {
				log.warn("Outbox: leases left by a stopped process not released ({}); tried again, or they run out",
						ex.getClass().getSimpleName());
			}
			this.leasesUnreleased = true;
		}
	}

}
