package nl.klachten.bench;

import java.util.List;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.RecipientStringTerm;
import nl.klachten.realstack.RealServers;

/**
 * Dovecot and Postfix of {@code scripts/realstack} on loopback. Every complainant is
 * {@code
 * klager1+bench-...@example.org}: plus-addressing delivers all their acknowledgements to
 * klager1's INBOX, which one IDLE connection watches; the floor's chair notifications go
 * to {@code
 * kenny+bench@klikklaar.com}. Cleaning removes only mail addressed to a {@code +bench-}
 * address from those shared mailboxes, so the real-server tests' own mail stays.
 */
final class RealBenchServers implements MailServers {

	private static final String COMPLAINANTS = "klager1@example.org";

	private static final String NOTIFIED = "kenny@klikklaar.com";

	private final IdleAckWatch watch;

	RealBenchServers() throws InterruptedException {
		this.watch = new IdleAckWatch(this, COMPLAINANTS, RealServers.password(COMPLAINANTS));
		this.watch.awaitReady();
	}

	@Override
	public String name() {
		return "dovecot+postfix";
	}

	@Override
	public String host() {
		return RealServers.HOST;
	}

	@Override
	public int smtpPort() {
		return RealServers.SMTP;
	}

	@Override
	public int imapPort() {
		return RealServers.IMAP;
	}

	@Override
	public boolean tls() {
		return true;
	}

	@Override
	public List<String> processorArguments() {
		return List.of("--complaints.mailbox.imap.host=" + host(), "--complaints.mailbox.imap.port=" + imapPort(),
				"--complaints.mailbox.imap.security=starttls", "--complaints.mailbox.imap.username=" + INTAKE,
				"--complaints.mailbox.imap.password=" + INTAKE_PASSWORD, "--complaints.mailbox.smtp.host=" + host(),
				"--complaints.mailbox.smtp.port=" + smtpPort(), "--complaints.mailbox.smtp.security=starttls",
				"--complaints.mailbox.smtp.username=" + INTAKE, "--complaints.mailbox.smtp.password=" + INTAKE_PASSWORD,
				"--complaints.mailbox.trust-store=" + RealServers.trustStore(),
				"--complaints.mailbox.trust-store-password=" + RealServers.TRUST_PASSWORD);
	}

	@Override
	public String complainant(String tag, int i) {
		return "klager1+bench-" + tag + "-" + i + "@example.org";
	}

	@Override
	public String floorChair() {
		return "kenny+bench@klikklaar.com";
	}

	@Override
	public Arrivals arrivals() {
		return this.watch.arrivals();
	}

	@Override
	public void clean() {
		empty();
		deleteBench(COMPLAINANTS);
		deleteBench(NOTIFIED);
	}

	/**
	 * Empties the intake mailbox's folders, one STORE and one EXPUNGE each, however much
	 * they hold.
	 */
	private void empty() {
		try (Store store = imapSession().getStore("imap")) {
			store.connect(host(), imapPort(), INTAKE, INTAKE_PASSWORD);
			for (String name : FOLDERS) {
				Folder folder = store.getFolder(name);
				if (folder.exists()) {
					folder.open(Folder.READ_WRITE);
					if (folder.getMessageCount() > 0) {
						folder.setFlags(1, folder.getMessageCount(), new Flags(Flags.Flag.DELETED), true);
					}
					folder.close(true);
				}
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot empty the intake mailbox " + INTAKE, ex);
		}
	}

	/**
	 * Deletes the mail in this user's INBOX that was addressed to one of the benchmark's
	 * + addresses.
	 */
	private void deleteBench(String user) {
		try (Store store = imapSession().getStore("imap")) {
			store.connect(host(), imapPort(), user, RealServers.password(user));
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_WRITE);
			Message[] ours = inbox.search(new RecipientStringTerm(Message.RecipientType.TO, "+bench"));
			inbox.setFlags(ours, new Flags(Flags.Flag.DELETED), true);
			inbox.close(true);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot clean the INBOX of " + user, ex);
		}
	}

	@Override
	public void close() {
		this.watch.close();
	}

}
