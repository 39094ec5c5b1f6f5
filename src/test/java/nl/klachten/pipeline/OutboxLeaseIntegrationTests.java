package nl.klachten.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailFixtures;
import nl.klachten.TestClock;
import nl.klachten.register.Instances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox lease (issue 13, CONTRACT §4): a row is marked {@code sending} before it is
 * handed to SMTP. A row a killed process left so is pending again at the next start and
 * goes at once (it may go twice, never be lost); a row left so by a live sender is not
 * due until its lease has run out. The register holds, before the processor's outbox
 * starts, a row as a kill leaves it.
 */
@SpringBootTest(classes = { Application.class, OutboxLeaseIntegrationTests.LeftBehindByAKill.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutboxLeaseIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** The id of a process that took a lease and was killed: no process runs as it. */
	private static final String STOPPED = "4711-0badcafe";

	private static final String LEFT = "achtergelaten-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	private static final Path register = MailFixtures.registerDirectory();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Instances instances;

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		MailFixtures.properties(registry, greenMail, register);
	}

	/**
	 * The register as a process killed between the lease and the record leaves it: made
	 * by the processor's own migration, on either dialect (issue 16), before its outbox
	 * starts.
	 */
	@TestConfiguration
	static class LeftBehindByAKill {

		@Bean
		FlywayMigrationStrategy migrateAndLeaveALease() {
			return (flyway) -> {
				flyway.migrate();
				long farAhead = TestClock.configuredInstant().plus(Duration.ofDays(1)).toEpochMilli();
				insert(JdbcClient.create(flyway.getConfiguration().getDataSource()), LEFT, "sending", farAhead, STOPPED,
						TestClock.configuredInstant());
			};
		}

	}

	private static void insert(JdbcClient jdbc, String to, String status, long leaseUntil, String owner, Instant now) {
		String messageId = UUID.randomUUID() + "@klachten.example.org";
		String raw = "From: Klachtencommissie <" + MailFixtures.CHAIR + ">\r\nTo: " + to + "\r\nSubject: Vraag\r\n"
				+ "Message-ID: <" + messageId
				+ ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + "Tekst.\r\n";
		jdbc.sql(
				"""
						INSERT INTO outbox (kind, message_id, sender, recipients, raw, created_at, next_attempt, status, lease_until,
						    lease_owner)
						VALUES ('question-employee', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(messageId, MailFixtures.CHAIR, to, raw.getBytes(StandardCharsets.UTF_8), now.toString(),
					now.toEpochMilli(), status, leaseUntil, owner)
			.update();
	}

	@Test
	void shouldReleaseAtStartWhatAKilledProcessLeftBeingSentAndHonourALiveLease() throws Exception {
		// left by the kill: released at start and sent at once, though its lease had a
		// day to run
		await().atMost(WAIT).until(() -> SmtpRepliesIntegrationTests.inbox(greenMail, LEFT).size() == 1);
		assertThat(status(LEFT)).isEqualTo("sent");

		// a lease taken by this process: not due while it runs, also across the leader's
		// release of stopped processes' leases every 2 s (issue 16), due once it has run
		// out
		String leased = "bezig-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
		insert(this.jdbc, leased, "sending", this.clock.instant().plus(Duration.ofMinutes(15)).toEpochMilli(),
				this.instances.id(), this.clock.instant());
		Holds.during(Duration.ofSeconds(5), () -> {
			assertThat(SmtpRepliesIntegrationTests.inbox(greenMail, leased)).isEmpty();
			assertThat(status(leased)).isEqualTo("sending");
		});
		this.clock.advance(Duration.ofMinutes(16));
		await().atMost(WAIT).until(() -> "sent".equals(status(leased)));
		assertThat(SmtpRepliesIntegrationTests.inbox(greenMail, leased)).hasSize(1);
		assertThat(SmtpRepliesIntegrationTests.inbox(greenMail, LEFT)).as("not sent again").hasSize(1);
	}

	private String status(String to) {
		return this.jdbc.sql("SELECT status FROM outbox WHERE recipients = ?").param(to).query(String.class).single();
	}

}
