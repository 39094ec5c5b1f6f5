package nl.klachten.mailbox;

import java.net.ConnectException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A problem is logged when it starts, when it changes and when it ends; never once per
 * try.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemLogTests {

	private static final MailboxSettings.Server SERVER = new MailboxSettings.Server("imap.example.org", 993, "u", "p",
			"INBOX", MailboxSettings.Security.tls, true);

	@Test
	void shouldLogEachProblemOnceAndItsEndOnceWhenTriesRepeat(CapturedOutput output) {
		ProblemLog problems = new ProblemLog(MailProblem.Service.IMAP, SERVER);
		for (int i = 0; i < 5; i++) {
			problems.failed(new AuthenticationFailedException("no"));
		}
		for (int i = 0; i < 3; i++) {
			problems.failed(new MessagingException("down", new ConnectException("refused")));
		}
		problems.succeeded();
		problems.succeeded();

		assertThat(
				output.getAll().lines().filter((line) -> line.contains("IMAP login refused by imap.example.org:993")))
			.hasSize(1);
		assertThat(output.getAll().lines().filter((line) -> line.contains("refused the connection"))).hasSize(1);
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("IMAP server imap.example.org:993 answers again"))).hasSize(1);
		assertThat(problems.failing()).isFalse();
	}

	@Test
	void shouldLogNothingWhenSilent(CapturedOutput output) {
		ProblemLog problems = ProblemLog.silent(MailProblem.Service.IMAP, SERVER);
		problems.failed(new AuthenticationFailedException("no"));
		problems.succeeded();
		assertThat(output.getAll()).doesNotContain("IMAP");
	}

}
