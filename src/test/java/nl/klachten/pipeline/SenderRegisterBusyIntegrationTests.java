package nl.klachten.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import nl.klachten.committee.MessageId;
import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailFixtures;
import nl.klachten.RegisterLock;
import nl.klachten.TestClock;
import nl.klachten.register.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register cannot record a mail the SMTP server just accepted (issue 13:
 * {@code SQLITE_BUSY} after the busy timeout while another writer holds the lock, as
 * intake or an admin command can): the mail is not sent again, the sender pauses instead
 * of looping, and the record is made once the lock is gone (CONTRACT §4, R9: one
 * acknowledgement, not a storm from the committee's address). The server takes the lock
 * on its own JDBC connection ({@code BEGIN IMMEDIATE}, or the advisory lock of a
 * PostgreSQL register, issue 16) while the mail's data arrives, holds it well past the
 * 300 ms busy timeout set here, and then lets go.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SenderRegisterBusyIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final long HOLD_MILLIS = 4000;

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
	Environment environment;

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		MailFixtures.properties(registry, greenMail, register);
		registry.add("complaints.register.busy-timeout", () -> "300ms");
		smtp.register(registry, greenMail);
	}

	@AfterAll
	static void stop() throws Exception {
		smtp.close();
	}

	@Test
	void shouldRecordTheMailLaterInsteadOfSendingItAgainWhenTheRegisterIsLocked() throws Exception {
		String to = "klager-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
		AtomicBoolean locked = new AtomicBoolean();
		AtomicInteger accepted = new AtomicInteger();
		AtomicBoolean released = new AtomicBoolean();
		smtp.get().beforeAccept((raw) -> {
			if (!raw.contains("To: " + to)) {
				return;
			}
			accepted.incrementAndGet();
			if (locked.compareAndSet(false, true)) {
				holdWriteLock(released);
			}
		});
		long id = queue(to);

		// the lock is held: the server took the mail once, the row is not recorded sent
		// yet
		await().atMost(WAIT).until(() -> accepted.get() >= 1);
		assertThat(released).isFalse();
		await().atMost(WAIT).until(released::get);
		// the lock is gone: the record is made, from memory, without a second send
		await().atMost(WAIT).until(() -> "sent".equals(row(id).get("status")));
		assertThat(((Number) row(id).get("attempts")).intValue()).isEqualTo(1);
		Holds.during(Duration.ofSeconds(3), () -> {
			assertThat(((Number) row(id).get("attempts")).intValue()).as("recorded once").isEqualTo(1);
			assertThat(accepted).as("handed to the server once").hasValue(1);
			assertThat(SmtpRepliesIntegrationTests.inbox(greenMail, to)).hasSize(1);
		});
	}

	/**
	 * Takes the register's write lock on a connection of its own and releases it after a
	 * while.
	 */
	private void holdWriteLock(AtomicBoolean released) {
		CountDownLatch taken = new CountDownLatch(1);
		Thread holder = new Thread(() -> {
			try (RegisterLock lock = RegisterLock.take(this.environment, Duration.ofSeconds(5))) {
				taken.countDown();
				Thread.sleep(HOLD_MILLIS);
				lock.commit();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				taken.countDown();
				released.set(true);
			}
		}, "register-lock");
		holder.setDaemon(true);
		holder.start();
		try {
			assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private long queue(String to) {
		String messageId = UUID.randomUUID() + "@klachten.example.org";
		String raw = "From: Klachtencommissie <" + MailFixtures.CHAIR + ">\r\nTo: " + to
				+ "\r\nSubject: Ontvangstbevestiging\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\nTekst.\r\n";
		return this.outbox.add(null, "acknowledgement", new MessageId(messageId), MailFixtures.CHAIR, List.of(to),
				raw.getBytes(StandardCharsets.UTF_8), this.clock.instant());
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("SELECT status, attempts FROM outbox WHERE id = ?").param(id).query().singleRow();
	}

}
