package nl.klachten.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailFixtures;
import nl.klachten.TestClock;
import nl.klachten.committee.MessageId;
import nl.klachten.register.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's lanes (issue 15): SMTP connections kept open between batches, checked
 * before reuse and opened again when the server closed them, without a mail lost or sent
 * twice; four lanes at once, the mails of one case in queue order on one lane, a slow
 * answer on one lane holding up none of the others; and every connection closed when the
 * processor stops. Mail is queued straight into the outbox, for cases made in the
 * register, and goes through a scripted server ({@link RefusingSmtpServer}) that counts
 * its connections and hands the mail to GreenMail.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutboxLanesIntegrationTests {

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

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		MailFixtures.properties(registry, greenMail, register);
		smtp.register(registry, greenMail);
		registry.add("complaints.outbox.connections", () -> 4);
	}

	@AfterAll
	static void stop() throws Exception {
		smtp.close();
	}

	@AfterEach
	void acceptAll() {
		smtp.get().beforeAccept((raw) -> {
		});
	}

	@Test
	void shouldSendBatchAfterBatchOverOneKeptConnection() {
		String to = address("vaak");
		long first = queue(null, "acknowledgement", to, "0");
		await().atMost(WAIT).until(() -> "sent".equals(status(first)));
		int before = smtp.get().connections();
		for (int batch = 1; batch <= 5; batch++) {
			long id = queue(null, "acknowledgement", to, String.valueOf(batch));
			await().atMost(WAIT).until(() -> "sent".equals(status(id)));
		}
		assertThat(inbox(to)).hasSize(6);
		assertThat(smtp.get().connections()).as("five batches, no new connection").isEqualTo(before);
	}

	@Test
	void shouldOpenAgainAConnectionTheServerClosedWithoutLosingOrDoublingMail() throws Exception {
		String to = address("weer");
		long first = queue(null, "acknowledgement", to, "voor");
		await().atMost(WAIT).until(() -> "sent".equals(status(first)));
		int before = smtp.get().connections();

		// the server's idle timeout: the kept connection is gone when the next batch
		// comes
		smtp.get().dropAll();
		long[] ids = new long[3];
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < ids.length; i++) {
				ids[i] = queue(null, "acknowledgement", to, "na-" + i);
			}
		});
		for (long id : ids) {
			await().atMost(WAIT).until(() -> "sent".equals(status(id)));
			Map<String, Object> row = row(id);
			// a number of the dialect's own type: Integer from SQLite, Long from
			// PostgreSQL
			assertThat(((Number) row.get("attempts")).intValue()).as("sent at the first try").isEqualTo(1);
			assertThat(row).as("no server-down hold").containsEntry("last_error", null);
		}
		assertThat(smtp.get().connections()).isEqualTo(before + 1);
		Holds.during(Duration.ofSeconds(1),
				() -> assertThat(subjects(to)).containsExactly("Test voor", "Test na-0", "Test na-1", "Test na-2"));
	}

	@Test
	void shouldKeepTheMailsOfOneCaseInQueueOrderOverFourLanes() {
		List<Long> cases = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			cases.add(complaint());
		}
		Map<Long, String> to = new java.util.HashMap<>();
		cases.forEach((id) -> to.put(id, address("zaak" + id)));
		// a little work before each mail is taken, longer for some, so the lanes
		// interleave
		smtp.get().beforeAccept((raw) -> sleep(raw.hashCode() % 3 == 0 ? 40 : 5));
		int before = smtp.get().connections();
		List<Long> ids = new ArrayList<>();
		this.transactions.executeWithoutResult((status) -> {
			for (int n = 0; n < 6; n++) {
				for (long complaint : cases) {
					ids.add(queue(complaint, "question-complainant", to.get(complaint), String.valueOf(n)));
				}
			}
		});
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> "sent".equals(status(id))));
		for (long complaint : cases) {
			assertThat(subjects(to.get(complaint))).as("queue order of case %d", complaint)
				.containsExactly("Test 0", "Test 1", "Test 2", "Test 3", "Test 4", "Test 5");
		}
		assertThat(smtp.get().connections() - before).as("at most one new connection per lane").isLessThanOrEqualTo(4);
	}

	@Test
	void shouldSendOverTheOtherLanesWhileOneWaitsForASlowServer() throws Exception {
		// four cases with four different lanes (case id modulo 4)
		List<Long> cases = new ArrayList<>();
		while (cases.size() < 4) {
			long id = complaint();
			if (cases.stream().noneMatch((other) -> other % 4 == id % 4)) {
				cases.add(id);
			}
		}
		String slow = address("traag");
		CountDownLatch answer = new CountDownLatch(1);
		smtp.get().beforeAccept((raw) -> {
			if (raw.contains(slow)) {
				waitFor(answer);
			}
		});
		List<String> quick = new ArrayList<>();
		long[] ids = new long[4];
		this.transactions.executeWithoutResult((status) -> {
			ids[0] = queue(cases.get(0), "question-complainant", slow, "traag");
			for (int i = 1; i < 4; i++) {
				quick.add(address("snel"));
				ids[i] = queue(cases.get(i), "question-complainant", quick.get(i - 1), "snel");
			}
		});
		try {
			// the slow lane has not had its answer: the three others went all the same
			await().atMost(WAIT).until(() -> quick.stream().allMatch((address) -> inbox(address).size() == 1));
			for (int i = 1; i < 4; i++) {
				assertThat(status(ids[i])).isEqualTo("sent");
			}
			assertThat(status(ids[0])).isEqualTo("sending");
		}
		finally {
			answer.countDown();
		}
		await().atMost(WAIT).until(() -> "sent".equals(status(ids[0])));
		assertThat(inbox(slow)).hasSize(1);
	}

	@Test
	void shouldCloseEveryConnectionWhenTheProcessorStops() {
		List<Long> cases = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			cases.add(complaint());
		}
		List<Long> ids = new ArrayList<>();
		this.transactions.executeWithoutResult(
				(status) -> cases.forEach((id) -> ids.add(queue(id, "acknowledgement", address("stop"), "stop"))));
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> "sent".equals(status(id))));
		assertThat(smtp.get().openConnections()).isPositive();

		Lifecycle lanes = this.context.getBean("outboxConnections", Lifecycle.class);
		lanes.stop();
		try {
			await().atMost(WAIT).until(() -> smtp.get().openConnections() == 0);
		}
		finally {
			lanes.start();
		}
	}

	/** A case in the register, made as intake would have: the lanes only need its id. */
	private long complaint() {
		String reference = "KK-" + UUID.randomUUID().toString().substring(0, 8);
		String now = this.clock.instant().toString();
		this.jdbc
			.sql("INSERT INTO complaint (reference, complainant_email, subject, description, submitted_at,"
					+ " acknowledge_due, decision_due) VALUES (?, ?, 'Baan', 'Tekst', ?, '2027-01-01', '2027-02-01')")
			.params(reference, address("klager"), now)
			.update();
		return this.jdbc.sql("SELECT id FROM complaint WHERE reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}

	private long queue(Long complaint, String kind, String to, String subject) {
		String messageId = UUID.randomUUID() + "@klachten.example.org";
		String raw = "From: Klachtencommissie <" + MailFixtures.CHAIR + ">\r\nTo: " + to + "\r\nSubject: Test "
				+ subject + "\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\nTekst.\r\n";
		return this.outbox.add(complaint, kind, new MessageId(messageId), MailFixtures.CHAIR, List.of(to),
				raw.getBytes(StandardCharsets.UTF_8), this.clock.instant());
	}

	private String status(long id) {
		return this.jdbc.sql("SELECT status FROM outbox WHERE id = ?").param(id).query(String.class).single();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("SELECT attempts, last_error FROM outbox WHERE id = ?").param(id).query().singleRow();
	}

	private static List<String> subjects(String address) {
		return inbox(address).stream().map(MailFixtures::subject).toList();
	}

	private static List<MimeMessage> inbox(String address) {
		return SmtpRepliesIntegrationTests.inbox(greenMail, address);
	}

	private static String address(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
