package nl.klachten.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.committee.MessageId;
import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailFixtures;
import nl.klachten.TestClock;
import nl.klachten.register.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP server's replies, classified per recipient (issue 13, CONTRACT §4): a 4xx
 * defers that mail (or that recipient) only, and the batch goes on over the same
 * connection; a 5xx for a recipient or for the whole mail marks it refused for good with
 * the server's reply, never retried, and the chair is told once with that reply; a mail
 * accepted for some recipients is retried only for the ones deferred. The mails are
 * queued straight into the outbox, as the register does, so that several are in one
 * batch; a scripted server ({@link RefusingSmtpServer}) gives the replies and hands
 * accepted mail to GreenMail.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SmtpRepliesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	private static final Path register = MailFixtures.registerDirectory();

	private static final RefusingSmtpServer.Slot smtp = new RefusingSmtpServer.Slot(RefusingSmtpServer::new);

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	TransactionTemplate transactions;

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		MailFixtures.properties(registry, greenMail, register);
		smtp.register(registry, greenMail);
	}

	@AfterAll
	static void stop() throws Exception {
		smtp.close();
	}

	@Test
	void shouldSendTheNextMailAtOnceWhenOneIsDeferredWith450() {
		String busy = address("bezet");
		String good = address("goed");
		smtp.get().atRcpt(busy, "450 4.2.1 <" + busy + ">: Mailbox temporarily unavailable");
		long[] ids = new long[2];
		this.transactions.executeWithoutResult((status) -> {
			ids[0] = queue("question-employee", List.of(busy));
			ids[1] = queue("question-complainant", List.of(good));
		});

		// the clock stands still: the second mail can only have gone in the same batch as
		// the first
		await().atMost(WAIT).until(() -> inbox(good).size() == 1);
		await().atMost(WAIT).untilAsserted(() -> assertThat(row(ids[0])).satisfies((row) -> {
			assertThat(row.get("status")).isEqualTo("pending");
			assertThat(row.get("last_error")).isEqualTo("smtp 450");
			assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
		}));
		assertThat(row(ids[1]).get("status")).isEqualTo("sent");
		assertThat(inbox(busy)).isEmpty();

		// the mailbox frees up: the deferred mail goes after its backoff, once, and the
		// other is not sent again
		smtp.get().atRcpt(busy, null);
		this.clock.advance(Duration.ofMinutes(1));
		await().atMost(WAIT).until(() -> "sent".equals(row(ids[0]).get("status")));
		assertThat(inbox(busy)).hasSize(1);
		assertThat(inbox(good)).hasSize(1);
		assertThat(refusals(ids[0])).isEmpty();
	}

	@Test
	void shouldDeliverToTheAcceptedRecipientsAndRetryOnlyTheDeferredOne() {
		String good = address("goed");
		String busy = address("bezet");
		String gone = address("weg");
		smtp.get().atRcpt(busy, "451 4.3.0 <" + busy + ">: Temporary lookup failure");
		// a reply over two lines, with mark-up in it: it reaches the register and the
		// chair as one plain line
		smtp.get()
			.atRcpt(gone, "550-5.1.1 <" + gone + ">: Recipient address rejected\r\n550 5.1.1 <b>User unknown</b>");
		long id = queue("management-file", List.of(good, busy, gone));

		await().atMost(WAIT).until(() -> inbox(good).size() == 1);
		await().atMost(WAIT).until(() -> refusals(id).size() == 1);
		assertThat(refusals(id)).singleElement().satisfies((refusal) -> {
			assertThat(refusal.get("recipient")).isEqualTo(gone);
			assertThat((String) refusal.get("reply")).contains("User unknown")
				.contains("Recipient address rejected")
				.doesNotContain("\n")
				.doesNotContain("\r");
		});
		MimeMessage told = awaitRefusalNotice(gone);
		assertThat(part(told, "text/plain").replaceAll("\\s+", " ")).contains(gone).contains("User unknown");
		assertThat(part(told, "text/html")).doesNotContain("<b>User").contains("&lt;b&gt;User unknown");
		assertThat(row(id).get("status")).isEqualTo("pending");
		assertThat(inbox(busy)).isEmpty();
		assertThat(inbox(gone)).isEmpty();

		smtp.get().atRcpt(busy, null);
		this.clock.advance(Duration.ofMinutes(1));
		await().atMost(WAIT).until(() -> "sent".equals(row(id).get("status")));
		assertThat(inbox(busy)).hasSize(1);
		assertThat(inbox(good)).as("not sent again to the recipient who had it").hasSize(1);
		assertThat(inbox(gone)).isEmpty();
		this.clock.advance(Duration.ofHours(1));
		Holds.during(Duration.ofSeconds(1), () -> {
			assertThat(refusalNotices(gone)).as("the chair is told once").hasSize(1);
		});
	}

	@Test
	void shouldFailTheMailAndTellTheChairWhenTheServerRefusesItsDataForGood() {
		String spam = address("filter");
		smtp.get().atData(spam, "554 5.7.1 Message rejected as spam");
		long id = queue("decision", List.of(spam));

		await().atMost(WAIT).until(() -> "failed".equals(row(id).get("status")));
		assertThat(refusals(id)).singleElement()
			.satisfies((refusal) -> assertThat((String) refusal.get("reply"))
				.contains("554 5.7.1 Message rejected as spam"));
		MimeMessage told = awaitRefusalNotice(spam);
		assertThat(part(told, "text/plain").replaceAll("\\s+", " ")).contains("Message rejected as spam")
			.contains("beslissing");

		this.clock.advance(Duration.ofHours(1));
		Holds.during(Duration.ofSeconds(1), () -> {
			assertThat(((Number) row(id).get("attempts")).intValue()).as("not retried").isEqualTo(1);
			assertThat(refusalNotices(spam)).hasSize(1);
			assertThat(inbox(spam)).isEmpty();
		});
	}

	@Test
	void shouldRetryTheMailOnceTheServerNoLongerDefersItsData() {
		String later = address("later");
		String good = address("goed");
		smtp.get().atData(later, "451 4.3.0 Temporary failure, try again later");
		long[] ids = new long[2];
		this.transactions.executeWithoutResult((status) -> {
			ids[0] = queue("decision", List.of(later));
			ids[1] = queue("acknowledgement", List.of(good));
		});

		await().atMost(WAIT).until(() -> inbox(good).size() == 1);
		await().atMost(WAIT).until(() -> "smtp 451".equals(row(ids[0]).get("last_error")));
		assertThat(row(ids[0]).get("status")).isEqualTo("pending");
		assertThat(refusals(ids[0])).isEmpty();

		smtp.get().atData(later, null);
		this.clock.advance(Duration.ofMinutes(1));
		await().atMost(WAIT).until(() -> "sent".equals(row(ids[0]).get("status")));
		assertThat(inbox(later)).hasSize(1);
		assertThat(inbox(good)).hasSize(1);
	}

	/**
	 * The connection breaks after a mail's data, before the server answers: that mail is
	 * neither sent nor refused but tried again, the next one goes at once over a new
	 * connection, and each arrives once.
	 */
	@Test
	void shouldRetryTheMailAndGoOnOverANewConnectionWhenTheConnectionBreaksAtData() {
		String broken = address("breuk");
		String after = address("daarna");
		smtp.get().atData(broken, RefusingSmtpServer.DROP);
		long[] ids = new long[2];
		this.transactions.executeWithoutResult((status) -> {
			ids[0] = queue("decision", List.of(broken));
			ids[1] = queue("acknowledgement", List.of(after));
		});

		await().atMost(WAIT).until(() -> inbox(after).size() == 1);
		assertThat(row(ids[0])).containsEntry("status", "pending").containsEntry("last_error", "smtp no reply");
		assertThat(refusals(ids[0])).isEmpty();
		assertThat(inbox(broken)).isEmpty();

		smtp.get().atData(broken, null);
		this.clock.advance(Duration.ofMinutes(1));
		await().atMost(WAIT).until(() -> "sent".equals(row(ids[0]).get("status")));
		assertThat(inbox(broken)).hasSize(1);
		assertThat(inbox(after)).hasSize(1);
	}

	private long queue(String kind, List<String> to) {
		String messageId = UUID.randomUUID() + "@klachten.example.org";
		String raw = "From: Klachtencommissie <" + MailFixtures.CHAIR + ">\r\nTo: " + String.join(", ", to)
				+ "\r\nSubject: Test " + kind + "\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\nTekst.\r\n";
		return this.outbox.add(null, kind, new MessageId(messageId), MailFixtures.CHAIR, to,
				raw.getBytes(java.nio.charset.StandardCharsets.UTF_8), this.clock.instant());
	}

	private MimeMessage awaitRefusalNotice(String address) {
		return await().atMost(WAIT).until(() -> refusalNotices(address), (found) -> found.size() == 1).get(0);
	}

	private static List<MimeMessage> refusalNotices(String address) {
		return chairFolder(greenMail, NOTICES).stream()
			.filter((m) -> subject(m).startsWith("Niet bezorgd") && subject(m).contains(address))
			.toList();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("SELECT status, attempts, last_error FROM outbox WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
	}

	private List<Map<String, Object>> refusals(long id) {
		return this.jdbc.sql("SELECT recipient, reply FROM outbox_refusal WHERE outbox_id = ?")
			.param(id)
			.query()
			.listOfRows();
	}

	private static String address(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
	}

	private static List<MimeMessage> inbox(String address) {
		return inbox(greenMail, address);
	}

	/**
	 * The mails this GreenMail delivered to this envelope recipient (headers may name
	 * several).
	 */
	static List<MimeMessage> inbox(GreenMailExtension greenMail, String address) {
		GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
		if (user == null) {
			return List.of();
		}
		try {
			MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
			return nl.klachten.MailFixtures.messagesOf(inbox);
		}
		catch (com.icegreen.greenmail.store.FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
