package nl.klachten.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailFixtures;
import nl.klachten.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMTP outage delays mail but never loses it (R9, CONTRACT §4): the inbox is on one
 * GreenMail, outgoing mail goes to a second one that is down when the complaint arrives
 * and comes up later. The chair's notification, placed in the notices folder over IMAP,
 * is not held up by it.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SmtpOutageIntegrationTests {

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	static final Path register = MailFixtures.registerDirectory();

	static final int smtpPort = freePort();

	/** The outgoing server, not started until the test says so. */
	static final GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		// the usual external GreenMail, then mail sent elsewhere (the last value of a key
		// counts)
		MailFixtures.properties(registry, greenMail, register);
		registry.add("complaints.mailbox.smtp.port", () -> smtpPort);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void shouldKeepMailPendingWhileSmtpIsDownAndSendItOnceWhenItIsBack() throws Exception {
		String sender = uniqueSender();
		deliver(greenMail, aComplaint(sender, "Storing", "Alles ligt eruit.", newMessageId()));

		long id = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT id FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query(Long.class)
				.optional(), (found) -> found.isPresent())
			.orElseThrow();
		// the send failed: the acknowledgement waits, with a try counted and the next try
		// in the future
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(outboxOf(id)).hasSize(2)
				.allSatisfy((row) -> assertThat(((Number) row.get("attempts")).intValue()).isGreaterThanOrEqualTo(1)));
		List<Map<String, Object>> waiting = outboxOf(id).stream()
			.filter((row) -> "acknowledgement".equals(row.get("kind")))
			.toList();
		assertThat(waiting).hasSize(1).allSatisfy((row) -> {
			assertThat(row.get("status")).isEqualTo("pending");
			assertThat(row.get("last_error")).isNotNull();
			assertThat(((Number) row.get("next_attempt")).longValue())
				.isGreaterThan(this.clock.instant().toEpochMilli());
			assertThat(row.get("sent_at")).isNull();
		});

		// the chair's notification needs no SMTP: it is in the notices folder already
		// (CONTRACT §4)
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(outboxOf(id)).filteredOn((row) -> "chair-notification".equals(row.get("kind")))
						.singleElement()
						.satisfies((row) -> assertThat(row.get("status")).isEqualTo("sent")));
		assertThat(chairFolder(greenMail, NOTICES)).hasSize(1);

		smtp.start();
		// the clock stands still: the backoff has not run out, so nothing is tried again
		// yet
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(outboxOf(id)).filteredOn((row) -> "acknowledgement".equals(row.get("kind")))
				.allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("pending"));
		});
		this.clock.advance(Duration.ofSeconds(10));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outboxOf(id))
				.allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("sent")));
		assertThat(inboxOf(smtp, sender)).hasSize(1);
		assertThat(inboxOf(smtp, CHAIR)).isEmpty();
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(inboxOf(smtp, sender)).as("sent once, not again").hasSize(1);
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox WHERE status = 'pending'").query(Integer.class).single())
			.isZero();
	}

	private List<Map<String, Object>> outboxOf(long complaintId) {
		return this.jdbc
			.sql("SELECT kind, status, attempts, next_attempt, last_error, sent_at FROM outbox WHERE complaint_id = ?")
			.param(complaintId)
			.query()
			.listOfRows();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
