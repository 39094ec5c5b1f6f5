package nl.klachten.mailbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth2 keys of CONTRACT §3 as the processor and {@code scripts/complaints check}
 * bind them, and the check's one line when the token cannot be had.
 */
class OAuth2SettingsTests {

	private static MailboxSettings bind(Map<String, String> keys) {
		Map<String, String> all = new HashMap<>(Map.of("complaints.mailbox.address", "chair@example.org",
				"complaints.mailbox.display-name", "Klachtencommissie", "complaints.mailbox.processed-folder",
				"Klachten/Verwerkt", "complaints.mailbox.quarantine-folder", "Klachten/Quarantaine",
				"complaints.mailbox.imap.host", "127.0.0.1", "complaints.mailbox.imap.security", "none",
				"complaints.mailbox.imap.username", "chair@example.org", "complaints.mailbox.smtp.host", "127.0.0.1",
				"complaints.mailbox.smtp.security", "none", "complaints.mailbox.smtp.username", "chair@example.org"));
		all.putAll(keys);
		return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("complaints.mailbox",
				MailboxSettings.class);
	}

	@Test
	void passwordIsTheDefaultAndXoauth2BindsWithItsProvider() {
		assertThat(bind(Map.of()).imap().auth()).isEqualTo(MailboxSettings.Auth.password);

		MailboxSettings settings = bind(Map.of("complaints.mailbox.imap.auth", "xoauth2",
				"complaints.mailbox.smtp.auth", "xoauth2", "complaints.mailbox.oauth2.token-uri",
				"https://login.example.org/token", "complaints.mailbox.oauth2.client-id", "app",
				"complaints.mailbox.oauth2.client-secret", "s3cret", "complaints.mailbox.oauth2.refresh-token", "r",
				"complaints.mailbox.oauth2.scope", "mail"));

		assertThat(settings.imap().oauth2()).isTrue();
		assertThat(settings.smtp().oauth2()).isTrue();
		assertThat(settings.oauth2())
			.isEqualTo(new MailboxSettings.OAuth2("https://login.example.org/token", "app", "s3cret", "r", "mail"));
		assertThat(settings.toString()).doesNotContain("s3cret");
	}

	@Test
	void theCheckTellsARefusingTokenEndpointInOneLine() throws Exception {
		try (TokenEndpoint endpoint = new TokenEndpoint(0, "chair@example.org")) {
			endpoint.refuse(401, "invalid_client");
			List<String> lines = MailboxCheck.check(bind(Map.of("complaints.mailbox.imap.auth", "xoauth2",
					"complaints.mailbox.smtp.auth", "xoauth2", "complaints.mailbox.oauth2.token-uri",
					endpoint.tokenUri(), "complaints.mailbox.oauth2.client-id", "app")));

			String line = "OAuth2 token endpoint " + endpoint.tokenUri() + " refused the client: 401 invalid_client,"
					+ " check complaints.mailbox.oauth2.client-id and client-secret";
			assertThat(lines).containsExactly(line, line);
		}
	}

	@Test
	void theCheckNamesAMissingTokenUri() {
		assertThat(MailboxCheck.check(bind(Map.of("complaints.mailbox.imap.auth", "xoauth2")))).containsExactly(
				"complaints.mailbox.oauth2.token-uri is not set while a mailbox logs in with auth: xoauth2:"
						+ " set it to the provider's token endpoint");
	}

}
