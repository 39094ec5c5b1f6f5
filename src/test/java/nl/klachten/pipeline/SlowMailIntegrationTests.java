package nl.klachten.pipeline;

import nl.klachten.Application;
import nl.klachten.MailIntegrationTest;
import nl.klachten.threading.MailThread;
import nl.klachten.threading.ThreadResolver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static nl.klachten.MailFixtures.QUARANTINE;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, the time bound: a mail whose routing takes more work than
 * {@code complaints.intake.max-mail-time} (here 700 ms, well above a small mail's parse
 * on a loaded machine) is rolled back and quarantined at once as {@code time-limit}, and
 * the mail behind it is served. No real mail is slow enough once the limits hold, so a
 * test-only thread resolver burns 3 s of CPU for one subject (CPU, not sleep: routing is
 * bounded by work done). The parse side of the bound is {@code ParseWorkerTests}.
 */
@SpringBootTest(classes = { Application.class, SlowMailIntegrationTests.Slow.class },
		properties = { "complaints.intake.max-mail-time=700ms", "spring.main.allow-bean-definition-overriding=true" })
class SlowMailIntegrationTests extends MailIntegrationTest {

	private static final String SLOW = "SLOW-SUBJECT";

	@TestConfiguration
	static class Slow {

		@Bean
		@Primary
		ThreadResolver slowThreadResolver() {
			return (clues) -> {
				if (clues.subject().contains(SLOW)) {
					long until = System.nanoTime() + 3_000_000_000L;
					long spin = 0;
					while (System.nanoTime() < until) {
						spin++;
					}
					assertThat(spin).isPositive();
				}
				return new MailThread.None();
			};
		}

	}

	@Test
	void shouldQuarantineAsTimeLimitAndServeTheNextMailWhenAMailTakesTooLong() {
		String slowSender = uniqueSender();
		String slowId = newMessageId();
		deliver(greenMail, aComplaint(slowSender, SLOW, "Deze mail kost te veel werk.", slowId));
		String sender = uniqueSender();
		String complaintId = newMessageId();
		deliver(greenMail, aComplaint(sender, "Gewone klacht", "Deze klacht komt achter de trage.", complaintId));

		awaitReplyTo(sender, complaintId);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(chairFolder(greenMail, QUARANTINE))
				.anyMatch((m) -> ("<" + slowId + ">").equals(header(m, "Message-ID"))));
		assertThat(this.jdbc.sql("SELECT outcome || ' ' || reason FROM inbound_mail WHERE outcome = 'quarantined'")
			.query(String.class)
			.list()).containsExactly("quarantined time-limit");
		assertThat(this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
			.param(slowSender)
			.query(Integer.class)
			.single()).isZero();
	}

}
