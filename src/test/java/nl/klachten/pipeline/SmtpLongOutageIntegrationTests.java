package nl.klachten.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import nl.klachten.committee.MessageId;
import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.TestClock;
import nl.klachten.register.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP server down for over an hour of simulated time (issue 13, R9, CONTRACT §4):
 * mail of several kinds for several cases is queued while every connection is refused;
 * health shows the outage; when the server is back every mail is delivered once, in the
 * order it was queued. The sender backs off at the server level, so the waiting mails are
 * tried together at each server try and not each on its own schedule, which let later
 * mail overtake earlier mail once the server answered. The clock is moved in steps, as
 * time passes, not in one jump.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SmtpLongOutageIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	private static final Path register = MailFixtures.registerDirectory();

	private static final RefusingSmtpServer.Slot smtp = new RefusingSmtpServer.Slot((next) -> {
		RefusingSmtpServer server = new RefusingSmtpServer(next);
		server.down(true);
		server.beforeAccept((raw) -> {
			Matcher id = SmtpLongOutageIntegrationTests.MESSAGE_ID.matcher(raw);
			SmtpLongOutageIntegrationTests.accepted.add(id.find() ? id.group(1) : "?");
		});
		return server;
	});

	/** The Message-IDs the server accepted, in the order it accepted them. */
	private static final List<String> accepted = Collections.synchronizedList(new ArrayList<>());

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	@Qualifier("smtpHealthIndicator")
	HealthIndicator health;

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		MailFixtures.properties(registry, greenMail, register);
		smtp.register(registry, greenMail);
		// queue order across cases holds on one lane; over several lanes it holds per
		// case
		// (issue 15, OutboxLanesIntegrationTests)
		registry.add("complaints.outbox.connections", () -> 1);
	}

	@AfterAll
	static void stop() throws Exception {
		smtp.close();
	}

	@Test
	void shouldSendEveryMailOnceAndInQueueOrderAfterAnHourDown() throws Exception {
		List<Long> cases = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String sender = uniqueSender();
			deliver(greenMail, aComplaint(sender, "Storing " + i, "Het werkt niet.", newMessageId()));
			long id = await().atMost(WAIT)
				.until(() -> this.jdbc.sql("SELECT id FROM complaint WHERE complainant_email = ?")
					.param(sender)
					.query(Long.class)
					.optional(), (found) -> found.isPresent())
				.orElseThrow();
			cases.add(id);
			// each acknowledgement is tried, or held for the next server try; time passes
			// between the complaints
			await().atMost(WAIT).until(() -> smtpRows().stream().allMatch(this::waiting));
			step(Duration.ofMinutes(5), 3);
			queue(id, i % 2 == 0 ? "question-employee" : "question-complainant");
			step(Duration.ofMinutes(5), 2);
		}
		// over an hour of outage in all
		step(Duration.ofMinutes(5), 2);
		assertThat(accepted).isEmpty();
		List<Map<String, Object>> waiting = smtpRows();
		assertThat(waiting).hasSize(6).allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("pending"));
		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.health.health().getDetails()).containsEntry("server", "unreachable")
			.containsEntry("outboxDepth", 6L);

		smtp.get().down(false);
		// time passes in steps of a minute until the next server try: then all go, in the
		// order queued
		for (int i = 0; i < 40 && smtpRows().stream().anyMatch((row) -> !"sent".equals(row.get("status"))); i++) {
			step(Duration.ofMinutes(1), 1);
		}
		await().atMost(WAIT).until(() -> smtpRows().stream().allMatch((row) -> "sent".equals(row.get("status"))));
		List<String> queued = smtpRows().stream().map((row) -> (String) row.get("message_id")).toList();
		assertThat(accepted).as("each once, in the order queued").containsExactlyElementsOf(queued);
		step(Duration.ofHours(1), 2);
		assertThat(accepted).as("nothing sent again").hasSize(queued.size());
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.health().getDetails()).containsEntry("server", "reachable");
	}

	/**
	 * Moves the clock on {@code times} times, giving the sender a moment to try after
	 * each step.
	 */
	private void step(Duration by, int times) throws InterruptedException {
		for (int i = 0; i < times; i++) {
			this.clock.advance(by);
			Thread.sleep(400);
		}
	}

	private boolean waiting(Map<String, Object> row) {
		return "pending".equals(row.get("status"))
				&& ((Number) row.get("next_attempt")).longValue() > this.clock.instant().toEpochMilli();
	}

	private void queue(long complaintId, String kind) {
		String messageId = UUID.randomUUID() + "@klachten.example.org";
		String to = "medewerker-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
		String raw = "From: Klachtencommissie <" + MailFixtures.CHAIR + ">\r\nTo: " + to + "\r\nSubject: Vraag\r\n"
				+ "Message-ID: <" + messageId
				+ ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + "Tekst.\r\n";
		this.outbox.add(complaintId, kind, new MessageId(messageId), MailFixtures.CHAIR, List.of(to),
				raw.getBytes(StandardCharsets.UTF_8), this.clock.instant());
	}

	/** The outbox rows that go by SMTP (not the chair's notices), in queue order. */
	private List<Map<String, Object>> smtpRows() {
		return this.jdbc.sql("""
				SELECT id, kind, message_id, status, attempts, next_attempt FROM outbox
				WHERE kind IN ('acknowledgement', 'question-employee', 'question-complainant') ORDER BY id""")
			.query()
			.listOfRows();
	}

}
