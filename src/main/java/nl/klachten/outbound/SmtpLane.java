package nl.klachten.outbound;

import java.util.function.LongSupplier;

import jakarta.mail.MessagingException;
import nl.klachten.mailbox.SmtpTransport;
import nl.klachten.register.QueuedMail;

/**
 * One lane's SMTP connection, kept open between batches (issue 15): a TLS handshake and a
 * login per batch cost more than the mails of a small batch. Before a batch reuses it, it
 * is asked whether it still stands ({@code NOOP}); one the server timed out or dropped is
 * closed and the first mail opens a new one, so a stale connection never fails a
 * {@code MAIL FROM} and never turns into a server-down hold. Unused for {@link #IDLE} it
 * is closed, and it is closed when the processor stops ({@link KeptConnection}).
 */
final class SmtpLane extends KeptConnection<SmtpTransport.Connection> {

	private final SmtpTransport smtp;

	SmtpLane(SmtpTransport smtp, LongSupplier nanos) {
		super(nanos, SmtpTransport.Connection::close);
		this.smtp = smtp;
	}

	/**
	 * Before a batch: a kept connection that was idle too long or is gone is closed.
	 */
	synchronized void check() {
		if (current() != null && (idle() || !current().isConnected())) {
			close();
		}
	}

	/**
	 * Sends one mail, opening the connection when there is none; the server's reply or
	 * the connection's failure, as an outcome.
	 */
	synchronized SmtpOutcome send(QueuedMail mail) {
		try {
			if (current() == null) {
				keep(this.smtp.open());
			}
			current().send(mail.raw(), mail.recipients());
			return SmtpOutcome.sent(mail.recipients());
		}
		catch (MessagingException ex) {
			return SmtpOutcome.of(mail.recipients(), ex);
		}
		finally {
			used();
		}
	}

	/** After a mail: a connection the server closed (a 421) is let go. */
	synchronized void closeIfDropped() {
		if (current() != null && !current().isConnected()) {
			close();
		}
	}

	/** After a batch: the connection stays for the next, unless the processor stops. */
	void batchDone() {
		closeUnlessKept();
	}

	/** From the poller between batches: a connection unused for {@link #IDLE} closes. */
	synchronized void closeIfIdle() {
		if (current() != null && idle()) {
			close();
		}
	}

}
