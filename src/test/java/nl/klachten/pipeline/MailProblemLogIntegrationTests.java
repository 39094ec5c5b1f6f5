package nl.klachten.pipeline;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A running processor whose SMTP login is refused (CONTRACT §3): the problem is logged in
 * one line, once, however often the outbox tries again, with no stack trace; when the
 * login works again that is logged once too, and the waiting mail goes out. The
 * configured password is "wrong" until the test gives the GreenMail account that
 * password.
 */
@SpringBootTest(properties = { "complaints.mailbox.smtp.username=" + CHAIR, "complaints.mailbox.smtp.password=wrong" })
@ExtendWith(OutputCaptureExtension.class)
class MailProblemLogIntegrationTests extends MailIntegrationTest {

	@Test
	void shouldLogARefusedSmtpLoginOnceWhenEveryTryIsRefused(CapturedOutput output) {
		String sender = uniqueSender();
		deliver(greenMail, aComplaint(sender, "Storing", "Alles ligt eruit.", newMessageId()));
		long id = ((Number) awaitComplaintFrom(sender).get("id")).longValue();
		for (int tries = 1; tries <= 3; tries++) {
			int atLeast = tries;
			await().atMost(WAIT).until(() -> attempts(id) >= atLeast);
			this.clock.advance(Duration.ofMinutes(2));
		}
		String line = "SMTP login refused by 127.0.0.1:" + greenMail.getSmtp().getPort()
				+ ": check complaints.mailbox.smtp.username and complaints.mailbox.smtp.password (retrying with backoff)";
		assertThat(count(output.getAll(), line)).as("told once over three tries").isEqualTo(1);
		assertThat(output.getAll()).doesNotContain("AuthenticationFailedException").doesNotContain("\tat jakarta.mail");

		greenMail.getUserManager().getUserByEmail(CHAIR).setPassword("wrong");
		this.clock.advance(Duration.ofMinutes(10));
		await().atMost(WAIT).until(() -> inboxOf(greenMail, sender).size() == 1);
		String back = "SMTP server 127.0.0.1:" + greenMail.getSmtp().getPort() + " answers again";
		await().atMost(WAIT).until(() -> count(output.getAll(), back) == 1);
		assertThat(count(output.getAll(), line)).isEqualTo(1);
	}

	private int attempts(long complaintId) {
		return this.jdbc.sql("SELECT attempts FROM outbox WHERE complaint_id = ? AND kind = 'acknowledgement'")
			.param(complaintId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private static int count(String text, String line) {
		Matcher matcher = Pattern.compile(Pattern.quote(line)).matcher(text);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		return found;
	}

}
