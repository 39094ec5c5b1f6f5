package nl.klachten.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import nl.klachten.committee.EventCounter;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.mailbox.SmtpTransport;
import nl.klachten.register.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox: the chair's notices into the notices folder when the chair reads the intake
 * mailbox ({@link NoticeRoute}, {@link NoticeDelivery}), everything else over one SMTP connection
 * per batch.
 * <p>
 * Before a batch is handed to SMTP its rows are marked {@code sending} with a lease, in a statement
 * of their own; a process killed after that leaves them so, and the next start releases them
 * (such a mail may go twice, CONTRACT §4, but never a storm). The server's reply is classified per
 * recipient ({@link SmtpOutcome}): accepted, refused for good (5xx: kept with the reply, not
 * retried, the chair told once by {@link RefusalNotice}), or deferred (4xx: retried with per-mail
 * backoff, {@link OutboxRetry}, for those recipients only). A bad mail defers or fails that mail
 * only; the batch goes on. A server that cannot be reached holds every waiting mail until the next
 * server try ({@link SmtpServerState}), so they go in queue order when it answers again.
 * <p>
 * When the register cannot record what the server accepted (busy, disk full) the mail is kept in
 * memory as sent-but-unrecorded: the record is retried, the mail is never sent again, and the
 * sender pauses with backoff ({@link RegisterPause}) until the register can be written.
 */
public class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 200;

	/** Longer than a batch can take; only a row a live sender could not record outlasts it. */
	static final Duration LEASE = Duration.ofMinutes(15);

	private final Outbox outbox;

	private final SmtpTransport smtp;

	private final Clock clock;

	private final OutboxRetry retry;

	private final NoticeRoute route;

	private final NoticeDelivery notices;

	private final AcknowledgementCeiling ceiling;

	private final EventCounter counter;

	private final RefusalNotice refusals;

	private final TransactionTemplate transactions;

	private final SmtpServerState server;

	private final RegisterPause pause = new RegisterPause();

	/** Mails the server took whose record failed, by outbox id: recorded again, never sent again. */
	private final Map<Long, Runnable> unrecorded = new LinkedHashMap<>();

	OutboxSender(Outbox outbox, SmtpTransport smtp, NoticeRoute route, NoticeDelivery notices, OutboxRetry retry,
			AcknowledgementCeiling ceiling, RefusalNotice refusals, TransactionTemplate transactions, Clock clock,
			EventCounter counter, SmtpServerState server) {
		this.counter = counter;
		this.refusals = refusals;
		this.transactions = transactions;
		this.ceiling = ceiling;
		this.outbox = outbox;
		this.smtp = smtp;
		this.route = route;
		this.notices = notices;
		this.retry = retry;
		this.clock = clock;
		this.server = server;
	}

	/**
	 * The mails due now, or null when there are none (so a poller emits nothing), or while the
	 * sender pauses because the register cannot be written. Acknowledgements past the hourly ceiling
	 * are left waiting; the rest of the outbox is not held up by them.
	 */
	public List<Outbox.QueuedMail> due() {
		if (this.pause.active()) {
			return null;
		}
		try {
			recordUnrecorded();
			List<Outbox.QueuedMail> due = new ArrayList<>(this.outbox.due(this.clock.instant(), BATCH));
			synchronized (this.unrecorded) {
				due.removeIf((mail) -> this.unrecorded.containsKey(mail.id()));
			}
			if (due.stream().anyMatch((mail) -> AcknowledgementCeiling.KIND.equals(mail.kind()))) {
				due = this.ceiling.admit(due, this.clock.instant(), BATCH);
			}
			// reads go on while writes fail (WAL): only a write ends the pause
			return due.isEmpty() ? null : due;
		}
		catch (RuntimeException ex) {
			registerFailed(ex);
			return null;
		}
	}

	/** Sends the mails, the chair's notices into their folder; returns how many the servers accepted. */
	public int send(List<Outbox.QueuedMail> mails) {
		if (this.pause.active()) {
			return 0;
		}
		try {
			Map<Boolean, List<Outbox.QueuedMail>> isNotice = mails.stream()
				.collect(Collectors.partitioningBy((mail) -> this.route.isNotice(mail.recipients())));
			int sent = sendSmtp(isNotice.get(false));
			if (this.pause.active()) {
				// the register could not record a mail: the notices wait too
				return sent;
			}
			sent += this.notices.place(isNotice.get(true));
			this.pause.succeeded();
			return sent;
		}
		catch (RuntimeException ex) {
			registerFailed(ex);
			return 0;
		}
	}

	private void recordUnrecorded() {
		List<Map.Entry<Long, Runnable>> waiting;
		synchronized (this.unrecorded) {
			waiting = new ArrayList<>(this.unrecorded.entrySet());
		}
		for (Map.Entry<Long, Runnable> entry : waiting) {
			// SQLite's driver starts the next transaction inside commit: a commit reported failed may have been made
			if (!List.of("sent", "failed").contains(this.outbox.status(entry.getKey()))) {
				entry.getValue().run();
			}
			this.pause.succeeded();
			synchronized (this.unrecorded) {
				this.unrecorded.remove(entry.getKey());
			}
			log.info("Outbox mail {} recorded after the register could be written again; not sent again",
					entry.getKey());
		}
	}

	private void registerFailed(RuntimeException failure) {
		int waiting;
		synchronized (this.unrecorded) {
			waiting = this.unrecorded.size();
		}
		this.pause.failed(failure, waiting);
	}

	private int sendSmtp(List<Outbox.QueuedMail> mails) {
		if (mails.isEmpty()) {
			return 0;
		}
		List<Long> ids = mails.stream().map(Outbox.QueuedMail::id).toList();
		if (this.server.holding()) {
			this.outbox.holdUntil(ids, this.server.nextTry(), null, false);
			return 0;
		}
		this.outbox.lease(ids, this.clock.instant().plus(LEASE));
		int sent = 0;
		SmtpTransport.Connection connection = null;
		try {
			for (int i = 0; i < mails.size(); i++) {
				Outbox.QueuedMail mail = mails.get(i);
				SmtpOutcome outcome;
				try {
					if (connection == null) {
						connection = this.smtp.open();
					}
					connection.send(mail.raw(), mail.recipients());
					outcome = SmtpOutcome.sent(mail.recipients());
				}
				catch (MessagingException ex) {
					outcome = SmtpOutcome.of(mail.recipients(), ex);
				}
				if (outcome.connectionLost()) {
					serverDown(mails.subList(i, mails.size()), outcome.reason());
					break;
				}
				this.server.answered();
				if (!record(mail, outcome, mails.subList(i + 1, mails.size()))) {
					break;
				}
				sent += outcome.anyAccepted() ? 1 : 0;
				if (!connection.isConnected()) {
					connection.close();
					connection = null;
				}
			}
		}
		finally {
			if (connection != null) {
				connection.close();
			}
		}
		return sent;
	}

	private void serverDown(List<Outbox.QueuedMail> waiting, String reason) {
		// told once by the transport's problem log, not once per attempt
		Instant next = this.server.failed();
		log.debug("SMTP server unavailable ({}); {} mails wait until {}", reason, waiting.size(), next);
		this.outbox.holdUntil(waiting.stream().map(Outbox.QueuedMail::id).toList(), next, reason, true);
	}

	/**
	 * Records what the server did with the mail, in one transaction. When that fails after the
	 * server took the mail, the record is kept to be retried, the rest of the batch is released and
	 * the sender pauses; returns false then.
	 */
	private boolean record(Outbox.QueuedMail mail, SmtpOutcome outcome, List<Outbox.QueuedMail> rest) {
		Instant at = this.clock.instant();
		Runnable recording = () -> this.transactions.executeWithoutResult((status) -> write(mail, outcome, at));
		try {
			recording.run();
		}
		catch (RuntimeException ex) {
			if (outcome.anyAccepted() || !outcome.refused().isEmpty()) {
				synchronized (this.unrecorded) {
					this.unrecorded.put(mail.id(), recording);
				}
				log.warn("Outbox mail {} was accepted by the SMTP server but could not be recorded ({}); "
						+ "it is recorded later, not sent again", mail.id(), ex.getClass().getSimpleName());
			}
			else {
				releaseQuietly(List.of(mail));
			}
			registerFailed(ex);
			releaseQuietly(rest);
			return false;
		}
		tell(mail, outcome);
		return true;
	}

	/** Idempotent: the driver may report a commit failed that was made, and it is then written again. */
	private void write(Outbox.QueuedMail mail, SmtpOutcome outcome, Instant at) {
		Map<String, String> refused = new LinkedHashMap<>();
		outcome.refused().forEach((recipient, reply) -> {
			if (this.outbox.refuse(mail.id(), recipient, reply, at)) {
				refused.put(recipient, reply);
			}
		});
		if (!refused.isEmpty()) {
			this.refusals.tell(mail, refused);
		}
		if (!outcome.deferred().isEmpty()) {
			this.outbox.settle(mail.id(), outcome.accepted());
			this.retry.deferBecause(mail, outcome.reason());
		}
		else if (outcome.anyAccepted() || mail.delivered()) {
			this.outbox.markSent(mail.id(), at);
		}
		else {
			this.outbox.markFailed(mail.id(), "recipient-refused");
		}
	}

	private void tell(Outbox.QueuedMail mail, SmtpOutcome outcome) {
		if (!outcome.refused().isEmpty()) {
			OperatorEvents.mailRefused(mail.id(), mail.kind(), mail.reference(),
					outcome.refused().size() + " recipient(s) refused for good");
			this.counter.mailRefused(mail.kind());
		}
		if (outcome.anyAccepted()) {
			OperatorEvents.mailSent(mail.id(), mail.kind(), mail.reference(), "smtp");
			this.counter.mailSent(mail.kind());
		}
		if (!outcome.deferred().isEmpty()) {
			log.debug("Outbox mail {} deferred for {} recipient(s) ({})", mail.id(), outcome.deferred().size(),
					outcome.reason());
		}
	}

	private void releaseQuietly(List<Outbox.QueuedMail> rest) {
		try {
			this.outbox.release(rest.stream().map(Outbox.QueuedMail::id).toList());
		}
		catch (RuntimeException ex) {
			// their lease runs out instead
		}
	}

	/** At start (single instance): rows a killed process left {@code sending} are pending again. */
	void releaseLeftLeases() {
		try {
			int released = this.outbox.releaseLeases();
			if (released > 0) {
				log.info("Outbox: {} mails left being sent by a stopped process are pending again; "
						+ "a mail the server took just before the stop may go twice", released);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox: leases left by a stopped process not released at start ({}); they run out instead",
					ex.getClass().getSimpleName());
		}
	}

}
