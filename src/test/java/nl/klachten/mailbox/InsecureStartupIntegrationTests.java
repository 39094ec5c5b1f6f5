package nl.klachten.mailbox;

import java.nio.file.Path;

import nl.klachten.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up stops, before any connection, when the password would go in clear text to a
 * host that is not loopback (CONTRACT §3); the cause is the one line
 * {@link MailboxSecurity} gives.
 */
class InsecureStartupIntegrationTests {

	@Test
	void shouldNotStartWhenSecurityIsNoneForAHostThatIsNotLoopback(@TempDir Path dir) {
		SpringApplicationBuilder app = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.logStartupInfo(false);
		assertThatThrownBy(() -> app
			.run("--complaints.mailbox.imap.host=imap.example.org", "--complaints.mailbox.imap.security=none",
					"--complaints.mailbox.smtp.host=smtp.example.org",
					"--complaints.register.path=" + dir.resolve("register.db"))
			.close())
			.satisfies((ex) -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex))
				.isInstanceOf(MailboxSettingsException.class)
				.hasMessage("complaints.mailbox.imap.security=none would send the password in clear text to "
						+ "imap.example.org, which is not a loopback host: set complaints.mailbox.imap.security to "
						+ "tls or starttls (or complaints.mailbox.allow-insecure=true to accept it)"));
	}

}
