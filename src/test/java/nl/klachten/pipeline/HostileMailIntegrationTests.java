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
 * Issue 9: a small mail nesting {@code multipart/mixed} thousands deep (5,000 made Mime4J
 * overflow its stack and rolled the whole batch back every poll) is quarantined at once
 * as over the MIME depth limit, and the complaint behind it is acknowledged as usual.
 * 1,000 levels (66 KB) are past the limit as much as 5,000, and spare the test
 * GreenMail's quadratic copy of the deeper mail; {@code LimitScanTests} and
 * {@code StackOverflowMailIntegrationTests} take the 5,000.
 */
@SpringBootTest(classes = Application.class)
class HostileMailIntegrationTests extends MailIntegrationTest {

	/**
	 * GreenMail itself parses a stored mail's structure with Jakarta Mail, in time
	 * quadratic in the nesting: storing and moving this one mail takes it tens of seconds
	 * on a busy machine. The processor is done long before (the complaint's
	 * acknowledgement is awaited with the usual wait).
	 */
	private static final java.time.Duration GREENMAIL_DEEP_COPY = java.time.Duration.ofSeconds(150);

	@Test
	void shouldQuarantineAtOnceAndServeTheNextMailWhenAMailNestsPastTheDepthLimit() {
		String hostileId = newMessageId();
		byte[] hostile = HostileMime.nestedMultipart(1000, uniqueSender(), hostileId);
		assertThat(hostile.length).isLessThan(100_000);
		deliver(greenMail, hostile);
		String sender = uniqueSender();
		String complaintId = newMessageId();
		deliver(greenMail,
				aComplaint(sender, "Gewone klacht", "Deze klacht komt achter de geneste mail.", complaintId));

		awaitReplyTo(sender, complaintId);
		await().atMost(GREENMAIL_DEEP_COPY)
			.untilAsserted(() -> assertThat(chairFolder(greenMail, QUARANTINE))
				.anyMatch((m) -> ("<" + hostileId + ">").equals(header(m, "Message-ID"))));
		assertThat(this.jdbc.sql("SELECT outcome || ' ' || reason FROM inbound_mail WHERE reason LIKE 'limit:%'")
			.query(String.class)
			.list()).containsExactly("quarantined limit:mime-depth");
		assertThat(this.jdbc.sql("SELECT count(*) FROM intake_failure").query(Integer.class).single()).isZero();
	}

}
