package nl.klachten.crash;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.realstack.RealServers;

/**
 * The mail servers a crash fuzz run talks to, as the fuzzer sees them: where the
 * processor connects, how outside mail is handed in (always by SMTP, bytes unchanged) and
 * how a mailbox's folders are read afterwards. {@link RealStack} is the Dovecot and
 * Postfix of {@code
 * scripts/realstack}; {@link InJvm} a GreenMail server in the test JVM, for a machine
 * where those cannot be installed. Folder names are given with {@code /} and mapped to
 * the server's separator.
 */
interface FuzzServers extends AutoCloseable {

	/** What the run's output and result file call these servers. */
	String name();

	/**
	 * The processor's mailbox arguments for the intake mailbox {@code mailbox} (password
	 * {@code crash}).
	 */
	List<String> processorArguments(String mailbox);

	/** Hands a raw mail to the server's SMTP as an outside sender would. */
	void send(String envelopeFrom, String to, String raw);

	/**
	 * Copies of the messages in one folder of the mailbox that receives mail for
	 * {@code address}.
	 */
	List<MimeMessage> folder(String address, String folder);

	/**
	 * How many messages that folder holds (0 when it does not exist), without fetching
	 * them.
	 */
	default int count(String address, String folder) {
		return folder(address, folder).size();
	}

	/** Empties these folders of a mailbox before a run. */
	void empty(String address, String... folders);

	/**
	 * The mailbox that receives mail for this address (plus-addressing on the real
	 * servers).
	 */
	String mailboxOf(String address);

	@Override
	default void close() {
	}

	/**
	 * Hands a raw mail to an SMTP server; {@code sendMessage}, not
	 * {@code Transport.send}: that would replace the Message-ID.
	 */
	static void smtp(String host, int port, String from, String to, String raw) {
		Properties props = new Properties();
		props.put("mail.smtp.host", host);
		props.put("mail.smtp.port", String.valueOf(port));
		props.put("mail.smtp.from", from);
		Session session = Session.getInstance(props);
		try (Transport transport = session.getTransport("smtp")) {
			MimeMessage message = new MimeMessage(session,
					new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
			transport.connect();
			transport.sendMessage(message, new Address[] { new InternetAddress(to) });
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("the SMTP server did not take the mail", ex);
		}
	}

	/**
	 * Dovecot and Postfix of scripts/realstack: STARTTLS with the servers' self-signed
	 * certificate, SMTP AUTH.
	 */
	final class RealStack implements FuzzServers {

		@Override
		public String name() {
			return "dovecot+postfix";
		}

		@Override
		public List<String> processorArguments(String mailbox) {
			return List.of("--complaints.mailbox.imap.host=" + RealServers.HOST,
					"--complaints.mailbox.imap.port=" + RealServers.IMAP, "--complaints.mailbox.imap.security=starttls",
					"--complaints.mailbox.imap.username=" + mailbox, "--complaints.mailbox.imap.password=crash",
					"--complaints.mailbox.smtp.host=" + RealServers.HOST,
					"--complaints.mailbox.smtp.port=" + RealServers.SMTP, "--complaints.mailbox.smtp.security=starttls",
					"--complaints.mailbox.smtp.username=" + mailbox, "--complaints.mailbox.smtp.password=crash",
					"--complaints.mailbox.trust-store=" + RealServers.trustStore(),
					"--complaints.mailbox.trust-store-password=" + RealServers.TRUST_PASSWORD);
		}

		@Override
		public void send(String envelopeFrom, String to, String raw) {
			RealServers.send(envelopeFrom, to, raw);
		}

		@Override
		public List<MimeMessage> folder(String address, String folder) {
			return RealServers.folder(mailboxOf(address), folder);
		}

		@Override
		public int count(String address, String folder) {
			return RealServers.count(mailboxOf(address), folder);
		}

		@Override
		public void empty(String address, String... folders) {
			RealServers.empty(mailboxOf(address), folders);
		}

		@Override
		public String mailboxOf(String address) {
			String a = address.toLowerCase(Locale.ROOT);
			int plus = a.indexOf('+');
			return plus < 0 ? a : a.substring(0, plus) + a.substring(a.indexOf('@'));
		}

	}

	/**
	 * GreenMail in the test JVM on random loopback ports, plain; every recipient gets a
	 * mailbox of its own.
	 */
	final class InJvm implements FuzzServers {

		private final GreenMail greenMail;

		InJvm(String... mailboxes) {
			this.greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
			this.greenMail.start();
			for (String mailbox : mailboxes) {
				this.greenMail.setUser(mailbox, mailbox, "crash");
			}
		}

		@Override
		public String name() {
			return "greenmail-in-jvm";
		}

		@Override
		public List<String> processorArguments(String mailbox) {
			return List.of("--complaints.mailbox.imap.host=127.0.0.1",
					"--complaints.mailbox.imap.port=" + this.greenMail.getImap().getPort(),
					"--complaints.mailbox.imap.security=none", "--complaints.mailbox.imap.username=" + mailbox,
					"--complaints.mailbox.imap.password=crash", "--complaints.mailbox.smtp.host=127.0.0.1",
					"--complaints.mailbox.smtp.port=" + this.greenMail.getSmtp().getPort(),
					"--complaints.mailbox.smtp.security=none");
		}

		@Override
		public void send(String envelopeFrom, String to, String raw) {
			smtp("127.0.0.1", this.greenMail.getSmtp().getPort(), envelopeFrom, to, raw);
		}

		@Override
		public List<MimeMessage> folder(String address, String folder) {
			GreenMailUser user = this.greenMail.getUserManager().getUserByEmail(address);
			if (user == null) {
				return List.of();
			}
			MailFolder found = this.greenMail.getManagers()
				.getImapHostManager()
				.getFolder(user, folder.replace('/', '.'));
			return nl.klachten.MailFixtures.messagesOf(found);
		}

		@Override
		public void empty(String address, String... folders) {
			// a fresh server each run
		}

		@Override
		public String mailboxOf(String address) {
			return address;
		}

		@Override
		public void close() {
			this.greenMail.stop();
		}

	}

}
