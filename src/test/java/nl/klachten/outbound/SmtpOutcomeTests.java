package nl.klachten.outbound;

import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP server's replies classified per recipient (issue 13, CONTRACT §4), from the
 * exceptions Angus Mail throws with partial sending on; and the reply,
 * attacker-influenced, made one short printable line before it reaches the register, the
 * chair or the digest.
 */
class SmtpOutcomeTests {

	private static final String GOOD = "goed@example.net";

	private static final String BUSY = "bezet@example.net";

	private static final String GONE = "weg@example.net";

	@Test
	void shouldSplitAPartialDeliveryIntoAcceptedRefusedAndDeferred() throws Exception {
		MessagingException busy = new SMTPAddressFailedException(address(BUSY), "RCPT TO:<" + BUSY + ">", 450,
				"450 4.2.1 Mailbox busy");
		MessagingException gone = new SMTPAddressFailedException(address(GONE), "RCPT TO:<" + GONE + ">", 550,
				"550 5.1.1 User unknown");
		busy.setNextException(gone);
		SMTPSendFailedException failure = new SMTPSendFailedException(".", 250, "250 2.0.0 Ok", busy,
				new Address[] { address(GOOD) }, new Address[] { address(BUSY) }, new Address[] { address(GONE) });

		SmtpOutcome outcome = SmtpOutcome.of(List.of(GOOD, BUSY, GONE), failure);

		assertThat(outcome.connectionLost()).isFalse();
		assertThat(outcome.accepted()).containsExactly(GOOD);
		assertThat(outcome.deferred()).containsExactly(BUSY);
		assertThat(outcome.reason()).isEqualTo("smtp 450");
		assertThat(outcome.refused()).containsOnlyKeys(GONE);
		assertThat(outcome.refused().get(GONE)).isEqualTo("550 5.1.1 User unknown");
	}

	@Test
	void shouldRefuseEveryRecipientWhenTheServerRefusesTheMailForGoodAndDeferItOn4xx() throws Exception {
		SMTPSendFailedException refused = new SMTPSendFailedException(".", 554, "554 5.7.1 Rejected as spam", null,
				null, new Address[] { address(GOOD) }, null);
		assertThat(SmtpOutcome.of(List.of(GOOD), refused).refused()).containsEntry(GOOD, "554 5.7.1 Rejected as spam");

		SMTPSendFailedException later = new SMTPSendFailedException("MAIL FROM:<x@example.org>", 452,
				"452 4.3.1 Insufficient system storage", null, null, new Address[] { address(GOOD) }, null);
		SmtpOutcome outcome = SmtpOutcome.of(List.of(GOOD), later);
		assertThat(outcome.deferred()).containsExactly(GOOD);
		assertThat(outcome.refused()).isEmpty();
		assertThat(outcome.reason()).isEqualTo("smtp 452");
		assertThat(outcome.connectionLost()).isFalse();
	}

	@Test
	void shouldTreatAFailureWithoutAReplyAsALostConnection() {
		SmtpOutcome outcome = SmtpOutcome.of(List.of(GOOD),
				new MessagingException("Exception reading response", new java.net.SocketException("Connection reset")));
		assertThat(outcome.connectionLost()).isTrue();
		assertThat(outcome.deferred()).containsExactly(GOOD);
	}

	@Test
	void shouldMakeTheReplyOnePrintableLineOfAtMost200Characters() {
		String hostile = "550-5.1.1 first\r\n550 5.1.1 \u001b[31mred\u0000 <script>x</script> \u202eevil "
				+ "x".repeat(500);
		String clean = SmtpOutcome.clean(hostile);
		assertThat(clean).hasSizeLessThanOrEqualTo(SmtpOutcome.MAX_REPLY)
			.doesNotContain("\r")
			.doesNotContain("\n")
			.doesNotContain("\u001b")
			.doesNotContain("\u0000")
			.doesNotContain("\u202e")
			.startsWith("550-5.1.1 first 550 5.1.1 [31mred <script>x</script> evil x")
			.endsWith("...");
		assertThat(clean.chars()).allMatch((c) -> c >= 0x20 && c < 0x7f);
		assertThat(SmtpOutcome.clean(null)).isEqualTo("(geen antwoord)");
		assertThat(SmtpOutcome.clean("\r\n")).isEqualTo("(geen antwoord)");
	}

	private static InternetAddress address(String address) throws AddressException {
		return new InternetAddress(address);
	}

}
