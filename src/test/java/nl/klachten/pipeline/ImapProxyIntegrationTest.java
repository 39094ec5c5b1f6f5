package nl.klachten.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.mailbox.FaultyImapProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static org.awaitility.Awaitility.await;

/**
 * The frame of the IMAP fault tests (issue 13): a fresh GreenMail per test class, with
 * the processor reading it through a {@link FaultyImapProxy} (SMTP goes to GreenMail
 * directly), and the checks these tests share: one case per complaint, one
 * acknowledgement per Message-ID, and how often a mail is in each of the chair's folders.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ImapProxyIntegrationTest {

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	static final Duration WAIT = Duration.ofSeconds(30);

	private static final Path register = MailFixtures.registerDirectory();

	private static FaultyImapProxy proxy;

	private static String[] stripped = {};

	@Autowired
	JdbcClient jdbc;

	/** The proxy, made on first use, when GreenMail's IMAP port is known. */
	static synchronized FaultyImapProxy proxy() {
		if (proxy == null) {
			try {
				proxy = new FaultyImapProxy(greenMail.getImap().getPort());
				proxy.stripCapabilities(stripped);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return proxy;
	}

	/**
	 * For a subclass's static initialiser: the server seems to lack these capabilities
	 * from the first connection on.
	 */
	static synchronized void withoutCapabilities(String... capabilities) {
		stripped = capabilities;
	}

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) {
		// the usual external GreenMail, then IMAP through the proxy (the last value of a
		// key counts)
		MailFixtures.properties(registry, greenMail, register);
		registry.add("complaints.mailbox.imap.port", () -> proxy().port());
	}

	@AfterEach
	void noFaults() {
		proxy().moveFault(FaultyImapProxy.MoveFault.NONE);
		proxy().refuseConnections(false);
		proxy().nilBodyOf(null);
		proxy().dropBodyOf(null);
	}

	@AfterAll
	static synchronized void closeProxy() {
		if (proxy != null) {
			proxy.close();
			proxy = null;
		}
	}

	int complaintsFrom(String sender) {
		return this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query(Integer.class)
			.single();
	}

	void awaitOneComplaintFrom(String sender) {
		await().atMost(WAIT).until(() -> complaintsFrom(sender) == 1);
	}

	/** The processor's answers to this Message-ID, in the sender's inbox. */
	static List<MimeMessage> repliesTo(String sender, String messageId) {
		return inboxOf(greenMail, sender).stream()
			.filter((m) -> ("<" + messageId + ">").equals(header(m, "In-Reply-To")))
			.toList();
	}

	/**
	 * How many copies of the mail with this Message-ID one of the chair's folders holds.
	 */
	static long copiesIn(String folder, String messageId) {
		return MailFixtures.chairFolder(greenMail, folder)
			.stream()
			.filter((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")))
			.count();
	}

	/** The inbound rows of this Message-ID: outcome and reason. */
	List<Map<String, Object>> inboundRows(String messageId) {
		return this.jdbc.sql("SELECT outcome, reason FROM inbound_mail WHERE message_id = ?")
			.param(messageId)
			.query()
			.listOfRows();
	}

}
