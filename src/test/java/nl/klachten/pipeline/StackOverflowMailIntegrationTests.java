package nl.klachten.pipeline;

import nl.klachten.Application;
import nl.klachten.MailIntegrationTest;
import nl.klachten.intake.HostileMime;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

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
 * Issue 9 with the MIME limits set out of the way: the 5,000-deep mail really makes the parser
 * overflow its stack. The {@link StackOverflowError} is that mail's failure alone: the complaint
 * behind it is acknowledged, the failure is counted up to {@code max-attempts}, and then the mail
 * is quarantined with its reason. The parse threads get a 256 KB stack so that the overflow does
 * not depend on how far the JIT has shrunk the parser's frames.
 */
@SpringBootTest(classes = Application.class,
		properties = { "complaints.intake.max-attempts=3", "complaints.intake.limits.mime-depth=100000",
				"complaints.intake.limits.parts=100000", "complaints.intake.parse-stack-size=256KB" })
class StackOverflowMailIntegrationTests extends MailIntegrationTest {

	/**
	 * GreenMail itself parses a stored mail's structure with Jakarta Mail, in time quadratic in the
	 * nesting: storing and moving this one mail takes it tens of seconds on a busy machine. The
	 * processor is done long before (the complaint's acknowledgement is awaited with the usual wait).
	 */
	private static final java.time.Duration GREENMAIL_DEEP_COPY = java.time.Duration.ofSeconds(150);

	@Test
	void shouldCountTheErrorAndQuarantineAfterMaxAttemptsWhenTheParseOverflowsTheStack() {
		String hostileId = newMessageId();
		byte[] hostile = HostileMime.nestedMultipart(5000, uniqueSender(), hostileId);
		deliver(greenMail, hostile);
		String sender = uniqueSender();
		String complaintId = newMessageId();
		deliver(greenMail, aComplaint(sender, "Gewone klacht", "Deze klacht komt achter de geneste mail.", complaintId));

		awaitReplyTo(sender, complaintId);
		await().atMost(GREENMAIL_DEEP_COPY).untilAsserted(() -> assertThat(chairFolder(greenMail, QUARANTINE))
			.anyMatch((m) -> ("<" + hostileId + ">").equals(header(m, "Message-ID"))));
		assertThat(this.jdbc.sql("SELECT outcome || ' ' || reason FROM inbound_mail WHERE outcome = 'quarantined'")
			.query(String.class)
			.list()).containsExactly("quarantined processing-failed:StackOverflowError");
		assertThat(this.jdbc.sql("SELECT attempts || ' ' || last_error FROM intake_failure")
			.query(String.class)
			.list()).containsExactly("3 StackOverflowError");
	}

}
