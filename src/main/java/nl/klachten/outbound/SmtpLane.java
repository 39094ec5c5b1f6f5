package nl.klachten.outbound;

import java.time.Duration;
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
 * is closed, and it is closed when the processor stops. Its methods are synchronized: a
 * stop waits for the mail on the wire.
 */
final class SmtpLane {

	/** Unused this long, the connection is closed: well inside any server's timeout. */
	static final Duration IDLE = Duration.ofSeconds(30);

	private final SmtpTransport smtp;

	private final LongSupplier nanos;

	private SmtpTransport.Connection connection;

	private long lastUse;

	private boolean reuse = true;

	SmtpLane(SmtpTransport smtp, LongSupplier nanos) {
		this.smtp = smtp;
		this.nanos = nanos;
	}

	/**
	 * Before a batch: a kept connection that was idle too long or is gone is closed.
	 */
	synchronized void check() {
		if (this.connection != null && (idle() || !this.connection.isConnected())) {
			close();
		}
	}

	/**
	 * Sends one mail, opening the connection when there is none; the server's reply or
	 * the connection's failure, as an outcome.
	 */
	synchronized SmtpOutcome send(QueuedMail mail) {
		try {
			if (this.connection == null) {
				this.connection = this.smtp.open();
			}
			this.connection.send(mail.raw(), mail.recipients());
			return SmtpOutcome.sent(mail.recipients());
		}
		catch (MessagingException ex) {
			return SmtpOutcome.of(mail.recipients(), ex);
		}
		finally {
			this.lastUse = this.nanos.getAsLong();
		}
	}

	/** After a mail: a connection the server closed (a 421) is let go. */
	synchronized void closeIfDropped() {
		if (this.connection != null && !this.connection.isConnected()) {
			close();
		}
	}

	/** After a batch: the connection stays for the next, unless the processor stops. */
	synchronized void batchDone() {
		if (!this.reuse) {
			close();
		}
	}

	/** From the poller between batches: a connection unused for {@link #IDLE} closes. */
	synchronized void closeIfIdle() {
		if (this.connection != null && idle()) {
			close();
		}
	}

	/**
	 * The processor stops: closed now, and after any batch still going (no reuse).
	 */
	synchronized void stop() {
		this.reuse = false;
		close();
	}

	synchronized void start() {
		this.reuse = true;
	}

	synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

	private boolean idle() {
		return this.nanos.getAsLong() - this.lastUse >= IDLE.toNanos();
	}

}
