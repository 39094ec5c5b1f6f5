package nl.klachten.realstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.MailFixtures;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.subject;
import static org.awaitility.Awaitility.await;

/**
 * The frame of the real-server tests: the processor, with a fresh register, reads the
 * chair's Dovecot INBOX over STARTTLS and sends through Postfix over STARTTLS with SMTP
 * AUTH, trusting the servers' self-signed certificate through
 * {@code complaints.mailbox.trust-store}. The chair's folders and the complainants'
 * inboxes are emptied before the context starts.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class RealServerTest {

	static final String CHAIR = RealServers.CHAIR;

	static final String VERWERKT = "Klachten/Verwerkt";

	static final String MELDINGEN = "Klachten/Meldingen";

	static final Duration WAIT = Duration.ofSeconds(30);

	private static final Path register = MailFixtures.registerDirectory();

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void servers() {
		RealServers.assumeRunning();
		RealServers.empty(CHAIR, "INBOX", VERWERKT, MELDINGEN, "Klachten/Quarantaine");
		for (int i = 1; i <= 10; i++) {
			RealServers.empty("klager" + i + "@example.org", "INBOX");
		}
		RealServers.empty("medewerker@klikklaar.com", "INBOX");
	}

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		Path trust = RealServers.trustStore();
		registry.add("complaints.mailbox.imap.host", () -> RealServers.HOST);
		registry.add("complaints.mailbox.imap.port", () -> RealServers.IMAP);
		registry.add("complaints.mailbox.imap.security", () -> "starttls");
		registry.add("complaints.mailbox.imap.username", () -> CHAIR);
		registry.add("complaints.mailbox.imap.password", () -> "chair");
		registry.add("complaints.mailbox.smtp.host", () -> RealServers.HOST);
		registry.add("complaints.mailbox.smtp.port", () -> RealServers.SMTP);
		registry.add("complaints.mailbox.smtp.security", () -> "starttls");
		registry.add("complaints.mailbox.smtp.username", () -> CHAIR);
		registry.add("complaints.mailbox.smtp.password", () -> "chair");
		registry.add("complaints.mailbox.trust-store", trust::toString);
		registry.add("complaints.mailbox.trust-store-password", () -> RealServers.TRUST_PASSWORD);
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
		registry.add("complaints.intake.poll-interval", () -> "500ms");
	}

	/** The one message in this user's folder that matches. */
	static MimeMessage awaitOne(String address, String folder, Predicate<MimeMessage> matching) {
		return await().atMost(WAIT)
			.until(() -> RealServers.folder(address, folder).stream().filter(matching).toList(),
					(found) -> found.size() == 1)
			.get(0);
	}

	static Predicate<MimeMessage> subjectStarts(String start) {
		return (m) -> subject(m).startsWith(start);
	}

	static Predicate<MimeMessage> about(String reference, String subjectStart) {
		return (m) -> reference.equals(header(m, "X-Complaint-Reference")) && subject(m).startsWith(subjectStart);
	}

	static Predicate<MimeMessage> inReplyTo(String messageId) {
		return (m) -> ("<" + messageId + ">").equals(header(m, "In-Reply-To"));
	}

	static String messageId(MimeMessage message) {
		return header(message, "Message-ID").replaceAll("[<>]", "");
	}

	/** The register row of the one complaint from this sender. */
	Map<String, Object> awaitComplaintFrom(String sender) {
		return await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT * FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query()
				.listOfRows(), (rows) -> rows.size() == 1)
			.get(0);
	}

	List<Map<String, Object>> correspondence(long id) {
		return this.jdbc.sql("SELECT kind, direction FROM correspondence WHERE complaint_id = ?")
			.param(id)
			.query()
			.listOfRows();
	}

}
