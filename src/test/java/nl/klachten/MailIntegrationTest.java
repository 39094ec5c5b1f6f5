package nl.klachten;

import java.nio.file.Path;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.register.CaseFileJson;
import nl.klachten.register.CaseFiles;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.chairMails;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.subject;
import static org.awaitility.Awaitility.await;

/**
 * The frame of the GreenMail end-to-end tests: per test class a fresh in-process
 * GreenMail (dynamic ports, the chair's account) and a fresh register, with the processor
 * pointed at both as an external mailbox. A subclass adds properties with its own
 * {@code @SpringBootTest(properties)} or {@code @DynamicPropertySource}.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class MailIntegrationTest {

	/**
	 * Started anew for every test class (the extension builds a new server in beforeAll).
	 */
	@RegisterExtension
	protected static GreenMailExtension greenMail = MailFixtures.greenMail();

	/**
	 * One register directory per running server, so every test class starts from an empty
	 * register.
	 */
	private static final Map<Object, Path> registers = new IdentityHashMap<>();

	/** How long an end-to-end step may take before a test gives up. */
	protected static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected CaseFiles caseFiles;

	/** The context's clock, fixed; a test that needs time to pass moves it. */
	@Autowired
	protected TestClock clock;

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		MailFixtures.properties(registry, greenMail, MailIntegrationTest::register);
	}

	/**
	 * The processor's one answer to a mail: sent to this address, In-Reply-To that mail.
	 */
	protected MimeMessage awaitReplyTo(String address, String messageId) {
		return await().atMost(WAIT).until(() -> {
			List<MimeMessage> all = address.equalsIgnoreCase(CHAIR) ? chairMails(greenMail)
					: inboxOf(greenMail, address);
			return all.stream().filter((m) -> ("<" + messageId + ">").equals(header(m, "In-Reply-To"))).toList();
		}, (found) -> found.size() == 1).get(0);
	}

	/** The one mail in this address's inbox whose subject starts so. */
	protected MimeMessage awaitMailTo(String address, String subjectStart) {
		return await().atMost(WAIT)
			.until(() -> inboxOf(greenMail, address).stream()
				.filter((m) -> subject(m).startsWith(subjectStart))
				.toList(), (found) -> found.size() == 1)
			.get(0);
	}

	/**
	 * The one mail to the chair about this case whose subject starts so, wherever the
	 * processor filed it.
	 */
	protected MimeMessage awaitChairMail(String reference, String subjectStart) {
		return await().atMost(WAIT)
			.until(() -> chairMails(greenMail).stream()
				.filter((m) -> reference.equals(header(m, "X-Complaint-Reference")))
				.filter((m) -> subject(m).startsWith(subjectStart))
				.toList(), (found) -> found.size() == 1)
			.get(0);
	}

	/**
	 * A complaint filed end to end: its sender, register id and reference, and its
	 * acknowledgement.
	 */
	protected record Filed(String sender, long id, String reference, MimeMessage ack) {

		public String ackSubject() {
			return subject(this.ack);
		}

	}

	/**
	 * Files a complaint from a new sender and waits for its register row and
	 * acknowledgement.
	 */
	protected Filed fileComplaint(String subject, String text) {
		String sender = MailFixtures.uniqueSender();
		MailFixtures.deliver(greenMail, MailFixtures.aComplaint(sender, subject, text, MailFixtures.newMessageId()));
		Map<String, Object> row = awaitComplaintFrom(sender);
		MimeMessage ack = awaitMailTo(sender, "Ontvangstbevestiging");
		return new Filed(sender, ((Number) row.get("id")).longValue(), (String) row.get("reference"), ack);
	}

	/** The one register row of the complaint from this sender. */
	protected Map<String, Object> awaitComplaintFrom(String sender) {
		return await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT * FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query()
				.listOfRows(), (rows) -> rows.size() == 1)
			.get(0);
	}

	/** A case as the JSON export shows it (CONTRACT §6). */
	protected JsonNode export(String reference) {
		JsonNode all = JsonMapper.builder().build().readTree(CaseFileJson.write(this.caseFiles.all(), "default"));
		for (JsonNode file : all) {
			if (reference.equals(file.get("reference").asString())) {
				return file;
			}
		}
		throw new AssertionError("not exported: " + reference);
	}

	protected static String messageId(MimeMessage message) {
		return header(message, "Message-ID").replaceAll("[<>]", "");
	}

	/** The data directory of the current test class's register. */
	protected static synchronized Path register() {
		return registers.computeIfAbsent(greenMail.getManagers(), (server) -> MailFixtures.registerDirectory());
	}

}
