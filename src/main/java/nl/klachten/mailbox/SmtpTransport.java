package nl.klachten.mailbox;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends raw, already composed mail over SMTP connections the outbox keeps open between
 * batches, one per lane (STACK.md pitfall 11, issue 15), unchanged: the Message-ID the
 * register recorded is the one that goes out.
 */
public class SmtpTransport {

	private final MailboxSettings.Server server;

	private final Session session;

	private final ProblemLog problems;

	SmtpTransport(MailboxSettings.Server server, String envelopeSender, ProblemLog problems) {
		this.server = server;
		this.session = MailSessions.smtp(server, envelopeSender);
		this.problems = problems;
	}

	/**
	 * An open connection; close it when done with it. A failure to connect is told once
	 * ({@link ProblemLog}).
	 */
	public Connection open() throws MessagingException {
		Transport transport = this.session.getTransport(MailSessions.smtpProtocol(this.server));
		try {
			MailLogin.connect(transport, this.server);
		}
		catch (MessagingException ex) {
			this.problems.failed(ex);
			throw ex;
		}
		this.problems.succeeded();
		return new Connection(transport);
	}

	/** One SMTP connection. */
	public final class Connection implements AutoCloseable {

		private final Transport transport;

		private Connection(Transport transport) {
			this.transport = transport;
		}

		/**
		 * Sends one mail. A {@link SendFailedException} carries the server's reply for
		 * the mail or for each recipient it did not take (partial sending is on); any
		 * other {@link MessagingException} means the connection failed.
		 */
		public void send(byte[] raw, List<String> recipients) throws MessagingException {
			MimeMessage message = new RawMail(SmtpTransport.this.session, raw);
			Address[] to = new Address[recipients.size()];
			for (int i = 0; i < to.length; i++) {
				to[i] = new InternetAddress(recipients.get(i));
			}
			this.transport.sendMessage(message, to);
		}

		/**
		 * False when the server or Angus closed it (after a 421, or a broken connection,
		 * or the server's idle timeout): Angus asks with a {@code NOOP}, so a reused
		 * connection is checked before the next {@code MAIL FROM}.
		 */
		public boolean isConnected() {
			return this.transport.isConnected();
		}

		@Override
		public void close() {
			try {
				this.transport.close();
			}
			catch (MessagingException ex) {
				// the mails were sent or recorded as failed already; a failing QUIT
				// changes nothing
			}
		}

	}

	/**
	 * A composed mail handed to Angus as it is: {@code DATA} writes its bytes, which were
	 * parsed into a message and written out again before (issue 15). The composer writes
	 * no {@code Bcc} or {@code Content-Length} header, which {@code sendMessage} would
	 * have left out; the envelope comes from the session and the recipients given.
	 */
	private static final class RawMail extends MimeMessage {

		private final byte[] raw;

		RawMail(Session session, byte[] raw) {
			super(session);
			this.raw = raw;
		}

		@Override
		public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
			out.write(this.raw);
		}

		@Override
		public void writeTo(OutputStream out) throws IOException {
			out.write(this.raw);
		}

	}

}
