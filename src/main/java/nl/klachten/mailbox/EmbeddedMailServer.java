package nl.klachten.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process GreenMail server used when no external mailbox is configured: SMTP and
 * IMAP on 127.0.0.1, the demo accounts, and a mailbox for any other address on first
 * delivery (login and password both the address). Mail never leaves the machine.
 * Mailboxes live in memory; the register does not.
 */
public class EmbeddedMailServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

	private final GreenMail greenMail;

	public EmbeddedMailServer(EmbeddedSettings settings) {
		ServerSetup smtp = new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		ServerSetup imap = new ServerSetup(settings.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
		this.greenMail = new GreenMail(new ServerSetup[] { smtp, imap });
		this.greenMail.start();
		for (EmbeddedSettings.Account account : settings.accounts()) {
			this.greenMail.setUser(account.email(), account.email(), account.password());
		}
		log.info("Embedded mail server: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{}", smtpPort(), imapPort());
	}

	public int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	public int imapPort() {
		return this.greenMail.getImap().getPort();
	}

	@Override
	public void close() {
		this.greenMail.stop();
	}

}
