package nl.klachten.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.mailbox.SmtpTransport;
import nl.klachten.register.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Drains the outbox over one SMTP connection per batch. Each mail is marked sent right after the
 * server accepted it; when the server cannot be reached the mail waits with exponential backoff
 * (5 s doubling to 30 min, never given up: a lost acknowledgement is a broken promise of R9). A
 * permanent refusal of every recipient marks the mail failed, kept in the register.
 */
public class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 200;

	private final Outbox outbox;

	private final SmtpTransport smtp;

	private final Clock clock;

	private final ExponentialBackOff backOff = new ExponentialBackOff(5_000, 2.0);

	private final AcknowledgementCeiling ceiling;

	OutboxSender(Outbox outbox, SmtpTransport smtp, AcknowledgementCeiling ceiling, Clock clock) {
		this.ceiling = ceiling;
		this.outbox = outbox;
		this.smtp = smtp;
		this.clock = clock;
		this.backOff.setMaxInterval(Duration.ofMinutes(30).toMillis());
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

	/** Sends the mails; returns how many the server accepted. */
	public int send(List<Outbox.QueuedMail> mails) {
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
			log.warn("SMTP server unavailable ({}); {} mails wait", ex.getClass().getSimpleName(), mails.size());
			mails.forEach((mail) -> defer(mail, ex));
		}
		return sent;
	}

	private boolean sendOne(SmtpTransport.Connection connection, Outbox.QueuedMail mail) {
		try {
			connection.send(mail.raw(), mail.recipients());
			this.outbox.markSent(mail.id(), this.clock.instant());
			OperatorEvents.mailSent(mail.id(), mail.kind(), mail.reference(), "smtp");
			return true;
		}
		catch (SendFailedException ex) {
			if (ex.getValidSentAddresses() == null && ex.getValidUnsentAddresses() == null
					&& ex.getInvalidAddresses() != null) {
				OperatorEvents.mailRefused(mail.id(), mail.kind(), mail.reference(), "every recipient refused");
				this.outbox.markFailed(mail.id(), "recipient-refused");
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

	private void deferFrom(List<Outbox.QueuedMail> mails, Outbox.QueuedMail failed) {
		mails.subList(mails.indexOf(failed) + 1, mails.size()).forEach((mail) -> defer(mail, null));
	}

	private void defer(Outbox.QueuedMail mail, Exception cause) {
		BackOffExecution execution = this.backOff.start();
		long wait = execution.nextBackOff();
		for (int i = 0; i < mail.attempts(); i++) {
			wait = execution.nextBackOff();
		}
		Instant next = this.clock.instant().plusMillis(wait);
		this.outbox.markRetry(mail.id(), next, cause == null ? "deferred" : cause.getClass().getSimpleName());
	}

}
