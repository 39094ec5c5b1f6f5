package nl.klachten.outbound;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
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
 * per batch. Each mail is marked sent right after the server accepted it; when the server cannot
 * be reached the mail waits with exponential backoff ({@link OutboxRetry}), and one server being
 * down never holds up the mail for the other. A permanent refusal of every recipient marks the
 * mail failed, kept in the register, and tells the chair once ({@link RefusalNotice}).
 */
public class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 200;

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

	OutboxSender(Outbox outbox, SmtpTransport smtp, NoticeRoute route, NoticeDelivery notices, OutboxRetry retry,
			AcknowledgementCeiling ceiling, RefusalNotice refusals, TransactionTemplate transactions, Clock clock,
			EventCounter counter) {
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
	}

	/**
	 * The mails due now, or null when there are none (so a poller emits nothing). Acknowledgements
	 * past the hourly ceiling are left waiting; the rest of the outbox is not held up by them.
	 */
	public List<Outbox.QueuedMail> due() {
		List<Outbox.QueuedMail> due = this.outbox.due(this.clock.instant(), BATCH);
		if (due.stream().anyMatch((mail) -> AcknowledgementCeiling.KIND.equals(mail.kind()))) {
			due = this.ceiling.admit(due, this.clock.instant(), BATCH);
		}
		return due.isEmpty() ? null : due;
	}

	/** Sends the mails, the chair's notices into their folder; returns how many the servers accepted. */
	public int send(List<Outbox.QueuedMail> mails) {
		Map<Boolean, List<Outbox.QueuedMail>> isNotice = mails.stream()
			.collect(Collectors.partitioningBy((mail) -> this.route.isNotice(mail.recipients())));
		return sendSmtp(isNotice.get(false)) + this.notices.place(isNotice.get(true));
	}

	private int sendSmtp(List<Outbox.QueuedMail> mails) {
		if (mails.isEmpty()) {
			return 0;
		}
		int sent = 0;
		try (SmtpTransport.Connection connection = this.smtp.open()) {
			for (Outbox.QueuedMail mail : mails) {
				if (!sendOne(connection, mail)) {
					deferFrom(mails, mail);
					break;
				}
				sent++;
			}
		}
		catch (MessagingException ex) {
			// told once by the transport's problem log, not once per attempt
			log.debug("SMTP server unavailable ({}); {} mails wait", ex.getClass().getSimpleName(), mails.size());
			mails.forEach((mail) -> defer(mail, ex));
		}
		return sent;
	}

	private boolean sendOne(SmtpTransport.Connection connection, Outbox.QueuedMail mail) {
		try {
			connection.send(mail.raw(), mail.recipients());
			this.outbox.markSent(mail.id(), this.clock.instant());
			OperatorEvents.mailSent(mail.id(), mail.kind(), mail.reference(), "smtp");
			this.counter.mailSent(mail.kind());
			return true;
		}
		catch (SendFailedException ex) {
			// Angus Mail gives empty arrays, not null, for the valid addresses when RCPT refused every one
			if (none(ex.getValidSentAddresses()) && none(ex.getValidUnsentAddresses())
					&& !none(ex.getInvalidAddresses())) {
				OperatorEvents.mailRefused(mail.id(), mail.kind(), mail.reference(), "every recipient refused");
				List<String> refused = Arrays.stream(ex.getInvalidAddresses()).map(Address::toString).toList();
				this.transactions.executeWithoutResult((status) -> {
					this.outbox.markFailed(mail.id(), "recipient-refused");
					this.refusals.tell(mail, refused);
				});
				this.counter.mailRefused(mail.kind());
				return true;
			}
			defer(mail, ex);
			return false;
		}
		catch (MessagingException ex) {
			defer(mail, ex);
			return false;
		}
	}

	private static boolean none(Address[] addresses) {
		return addresses == null || addresses.length == 0;
	}

	private void deferFrom(List<Outbox.QueuedMail> mails, Outbox.QueuedMail failed) {
		mails.subList(mails.indexOf(failed) + 1, mails.size()).forEach((mail) -> defer(mail, null));
	}

	private void defer(Outbox.QueuedMail mail, Exception cause) {
		this.retry.defer(mail, cause);
	}

}
