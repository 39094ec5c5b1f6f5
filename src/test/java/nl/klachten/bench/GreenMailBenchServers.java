package nl.klachten.bench;

import java.util.List;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail in this JVM on random loopback ports, plain (no TLS, as the processor's
 * embedded mode). GreenMail has no plus-addressing, so every complainant has a mailbox of
 * its own, made when the complaint is; its INBOX's folder listener (the one GreenMail's
 * own IDLE answers from) stamps the acknowledgement's arrival, the in-JVM equivalent of
 * an IDLE EXISTS.
 */
final class GreenMailBenchServers implements MailServers {

	private final GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

	private final Arrivals arrivals = new Arrivals();

	GreenMailBenchServers() {
		this.greenMail.start();
		this.greenMail.setUser(INTAKE, INTAKE, INTAKE_PASSWORD);
	}

	@Override
	public String name() {
		return "greenmail-in-bench-jvm";
	}

	@Override
	public String host() {
		return "127.0.0.1";
	}

	@Override
	public int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	@Override
	public int imapPort() {
		return this.greenMail.getImap().getPort();
	}

	@Override
	public boolean tls() {
		return false;
	}

	@Override
	public List<String> processorArguments() {
		return List.of("--complaints.mailbox.imap.host=" + host(), "--complaints.mailbox.imap.port=" + imapPort(),
				"--complaints.mailbox.imap.security=none", "--complaints.mailbox.imap.username=" + INTAKE,
				"--complaints.mailbox.imap.password=" + INTAKE_PASSWORD, "--complaints.mailbox.smtp.host=" + host(),
				"--complaints.mailbox.smtp.port=" + smtpPort(), "--complaints.mailbox.smtp.security=none");
	}

	@Override
	public String complainant(String tag, int i) {
		String address = "klager-bench-" + tag + "-" + i + "@example.org";
		GreenMailUser user = this.greenMail.setUser(address, address, "klager");
		MailFolder inbox;
		try {
			inbox = this.greenMail.getManagers().getImapHostManager().getInbox(user);
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
		inbox.addListener(new Stamp(inbox));
		return address;
	}

	@Override
	public String floorChair() {
		return "kenny@klikklaar.com";
	}

	@Override
	public Arrivals arrivals() {
		return this.arrivals;
	}

	@Override
	public void clean() {
		// a fresh server each run
	}

	@Override
	public void close() {
		this.greenMail.stop();
	}

	/** Stamps every message added to one complainant's INBOX. */
	private final class Stamp implements FolderListener {

		private final MailFolder inbox;

		Stamp(MailFolder inbox) {
			this.inbox = inbox;
		}

		@Override
		public void added(int msn) {
			long now = System.nanoTime();
			MimeMessage m = this.inbox.getMessages().get(msn - 1).getMimeMessage();
			try {
				arrivals.record(now, m.getHeader("In-Reply-To", " "), m.getHeader("References", " "));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void expunged(int msn) {
		}

		@Override
		public void flagsUpdated(int msn, Flags flags, Long uid) {
		}

		@Override
		public void mailboxDeleted() {
		}

	}

}
