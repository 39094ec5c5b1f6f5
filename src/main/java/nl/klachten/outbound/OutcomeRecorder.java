package nl.klachten.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.committee.EventCounter;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.register.Outbox;
import nl.klachten.register.QueuedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records in the register what the SMTP server did with one mail, per recipient
 * ({@link SmtpOutcome}), in one transaction: refused recipients kept with the reply and
 * the chair told once ({@link RefusalNotice}), deferred ones retried with backoff
 * ({@link OutboxRetry}), the mail marked sent or failed. When that record fails after the
 * server took the mail, the mail is kept as sent-but-unrecorded
 * ({@link UnrecordedMails}), the rest of the batch is released and the sender pauses.
 */
final class OutcomeRecorder {

	private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final OutboxRetry retry;

	private final RefusalNotice refusals;

	private final UnrecordedMails unrecorded;

	private final EventCounter counter;

	private final Clock clock;

	OutcomeRecorder(Outbox outbox, TransactionTemplate transactions, OutboxRetry retry, RefusalNotice refusals,
			UnrecordedMails unrecorded, EventCounter counter, Clock clock) {
		this.outbox = outbox;
		this.transactions = transactions;
		this.retry = retry;
		this.refusals = refusals;
		this.unrecorded = unrecorded;
		this.counter = counter;
		this.clock = clock;
	}

	/**
	 * Records the outcome and tells it; returns false when the record failed, after
	 * keeping or releasing the mail and releasing {@code rest}, the mails of the batch
	 * not tried yet.
	 */
	boolean record(QueuedMail mail, SmtpOutcome outcome, List<QueuedMail> rest) {
		Instant at = this.clock.instant();
		Runnable recording = () -> this.transactions.executeWithoutResult((status) -> write(mail, outcome, at));
		try {
			recording.run();
		}
		catch (RuntimeException ex) {
			if (outcome.anyAccepted() || !outcome.refused().isEmpty()) {
				this.unrecorded.keep(mail.id(), recording);
				log.warn("Outbox mail {} was accepted by the SMTP server but could not be recorded ({}); "
						+ "it is recorded later, not sent again", mail.id(), ex.getClass().getSimpleName());
			}
			else {
				release(List.of(mail));
			}
			this.unrecorded.registerFailed(ex);
			release(rest);
			return false;
		}
		tell(mail, outcome);
		return true;
	}

	/**
	 * Idempotent: the driver may report a commit failed that was made, and it is then
	 * written again.
	 */
	private void write(QueuedMail mail, SmtpOutcome outcome, Instant at) {
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

	private void tell(QueuedMail mail, SmtpOutcome outcome) {
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

	/**
	 * Makes these leased mails pending again; when that fails too, their lease runs out.
	 */
	void release(List<QueuedMail> rest) {
		try {
			this.outbox.release(rest.stream().map(QueuedMail::id).toList());
		}
		catch (RuntimeException ex) {
			// their lease runs out instead
		}
	}

}
