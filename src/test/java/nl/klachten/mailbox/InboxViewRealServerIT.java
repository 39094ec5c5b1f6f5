package nl.klachten.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.mailbox.MailboxSettings.Security;
import nl.klachten.mailbox.MailboxSettings.Server;
import nl.klachten.realstack.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the intake's read sees on Dovecot (issue 15), which GreenMail cannot show: a mail
 * delivered to the inbox while the intake's connection is open is in the very next read.
 * Dovecot keeps a connection's view of the mailbox until it syncs, so a bare
 * {@code UID FETCH 1:*} left the new mail out and the intake, woken by IDLE for that
 * mail, found nothing and waited for the poll interval (p99 of 11 s at 20 complaints a
 * second).
 */
class InboxViewRealServerIT {

	private static final String USER = "klager49@example.org";

	@BeforeAll
	static void servers() {
		RealServers.assumeRunning();
	}

	@BeforeEach
	void emptyInbox() {
		RealServers.empty(USER, "INBOX");
	}

	@Test
	void shouldReadMailDeliveredSinceTheConnectionsLastRead() throws Exception {
		Server server = new Server(RealServers.HOST, RealServers.IMAP, USER, RealServers.password(USER), "INBOX",
				Security.starttls, false, TrustStore.socketFactory(settings()));
		try (ImapMailbox mailbox = new ImapMailbox(server, settings())) {
			assertThat(mailbox.fetch(200, 1 << 20, 1 << 24, null).mails()).isEmpty();
			for (int i = 1; i <= 3; i++) {
				append("Klacht " + i);
				assertThat(mailbox.fetch(200, 1 << 20, 1 << 24, null).mails()).as("read %d", i).hasSize(i);
			}
		}
	}

	private static MailboxSettings settings() {
		return new MailboxSettings(USER, "Klachtencommissie", "Klachten/Verwerkt", "Klachten/Quarantaine",
				"Klachten/Meldingen", null, null, RealServers.trustStore().toString(), RealServers.TRUST_PASSWORD,
				false);
	}

	/** Another connection puts a mail in the inbox, as delivery does. */
	private static void append(String subject) throws MessagingException {
		Properties props = new Properties();
		Session session = Session.getInstance(props);
		try (Store store = session.getStore("imap")) {
			store.connect(RealServers.HOST, RealServers.IMAP, USER, RealServers.password(USER));
			Folder inbox = store.getFolder("INBOX");
			MimeMessage mail = new MimeMessage(session);
			mail.setFrom("klager49@example.org");
			mail.setSubject(subject);
			mail.setText("Mijn klacht.", StandardCharsets.UTF_8.name());
			inbox.appendMessages(new Message[] { mail });
		}
	}

}
