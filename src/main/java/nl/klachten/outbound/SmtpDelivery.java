package nl.klachten.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import nl.klachten.mailbox.SmtpTransport;
import nl.klachten.register.Outbox;
import nl.klachten.register.QueuedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a batch over one SMTP connection, opened for the first mail and opened again when
 * the server closed it (after a 421). Before the batch goes to SMTP its rows are marked
 * {@code sending} with a lease, in a statement of their own: a process killed after that
 * leaves them so, and the next start releases them
 * ({@link OutboxSender#releaseLeftLeases()}). Each mail's outcome is recorded before the
 * next is sent ({@link OutcomeRecorder}). A server that cannot be reached holds every
 * waiting mail until the next server try ({@link SmtpServerState}), so they go in queue
 * order when it answers again.
 */
final class SmtpDelivery {

	private static final Logger log = LoggerFactory.getLogger(SmtpDelivery.class);

	/**
	 * Longer than a batch can take; only a row a live sender could not record outlasts
	 * it.
	 */
	static final Duration LEASE = Duration.ofMinutes(15);

	private final Outbox outbox;

	private final SmtpTransport smtp;

	private final SmtpServerState server;

	private final OutcomeRecorder outcomes;

	private final Clock clock;

	SmtpDelivery(Outbox outbox, SmtpTransport smtp, SmtpServerState server, OutcomeRecorder outcomes, Clock clock) {
		this.outbox = outbox;
		this.smtp = smtp;
		this.server = server;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	/**
	 * Sends the mails; returns how many the server accepted for at least one recipient.
	 */
	int send(List<QueuedMail> mails) {
		if (mails.isEmpty()) {
			return 0;
		}
		List<Long> ids = mails.stream().map(QueuedMail::id).toList();
		if (this.server.holding()) {
			this.outbox.holdUntil(ids, this.server.nextTry(), null, false);
			return 0;
		}
		this.outbox.lease(ids, this.clock.instant().plus(LEASE));
		try (Line line = new Line()) {
			return sendAll(mails, line);
		}
	}

	private int sendAll(List<QueuedMail> mails, Line line) {
		int sent = 0;
		for (int i = 0; i < mails.size(); i++) {
			QueuedMail mail = mails.get(i);
			SmtpOutcome outcome = line.send(mail);
			if (outcome.connectionLost()) {
				serverDown(mails.subList(i, mails.size()), outcome.reason());
				break;
			}
			this.server.answered();
			if (!this.outcomes.record(mail, outcome, mails.subList(i + 1, mails.size()))) {
				break;
			}
			sent += outcome.anyAccepted() ? 1 : 0;
			line.closeIfDropped();
		}
		return sent;
	}

	private void serverDown(List<QueuedMail> waiting, String reason) {
		// told once by the transport's problem log, not once per attempt
		Instant next = this.server.failed();
		log.debug("SMTP server unavailable ({}); {} mails wait until {}", reason, waiting.size(), next);
		this.outbox.holdUntil(waiting.stream().map(QueuedMail::id).toList(), next, reason, true);
	}

	/**
	 * The batch's connection: opened when a mail is to go, closed when the server dropped
	 * it.
	 */
	private final class Line implements AutoCloseable {

		private SmtpTransport.Connection connection;

		/**
		 * Sends one mail; the server's reply or the connection's failure, as an outcome.
		 */
		SmtpOutcome send(QueuedMail mail) {
			try {
				if (this.connection == null) {
					this.connection = SmtpDelivery.this.smtp.open();
				}
				this.connection.send(mail.raw(), mail.recipients());
				return SmtpOutcome.sent(mail.recipients());
			}
			catch (MessagingException ex) {
				return SmtpOutcome.of(mail.recipients(), ex);
			}
		}

		void closeIfDropped() {
			if (this.connection != null && !this.connection.isConnected()) {
				close();
			}
		}

		@Override
		public void close() {
			if (this.connection != null) {
				this.connection.close();
				this.connection = null;
			}
		}

	}

}
