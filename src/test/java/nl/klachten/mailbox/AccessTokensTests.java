package nl.klachten.mailbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import nl.klachten.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * OAuth2 access tokens (CONTRACT §3) against a tiny local token endpoint: both grant
 * types, the token kept until 80% of its lifetime, a refused token replaced, and an
 * endpoint that refuses the client told in one line.
 */
class AccessTokensTests {

	private TokenEndpoint endpoint;

	private final TestClock clock = TestClock.configured();

	@BeforeEach
	void start() throws IOException {
		this.endpoint = new TokenEndpoint(0, "chair@example.org");
	}

	@AfterEach
	void stop() {
		this.endpoint.close();
	}

	private MailboxSettings.OAuth2 settings(String refreshToken) {
		return new MailboxSettings.OAuth2(this.endpoint.tokenUri(), "committee-app", "s3cret", refreshToken,
				"https://mail.example.org/.default");
	}

	@Test
	void clientCredentialsPostsTheClientAndScope() throws Exception {
		AccessTokens tokens = new AccessTokens(settings(null), this.clock);

		assertThat(tokens.token()).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).singleElement()
			.isEqualTo(Map.of("grant_type", "client_credentials", "client_id", "committee-app", "client_secret",
					"s3cret", "scope", "https://mail.example.org/.default"));
	}

	@Test
	void aRefreshTokenUsesTheRefreshTokenFlow() throws Exception {
		AccessTokens tokens = new AccessTokens(settings("refresh-me"), this.clock);

		assertThat(tokens.token()).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).singleElement()
			.satisfies((form) -> assertThat(form).contains(entry("grant_type", "refresh_token"),
					entry("refresh_token", "refresh-me"), entry("client_id", "committee-app"),
					entry("client_secret", "s3cret")));
	}

	@Test
	void theTokenIsKeptUntilEightyPercentOfItsLifetimeHasPassed() throws Exception {
		this.endpoint.expiresIn(1000);
		AccessTokens tokens = new AccessTokens(settings(null), this.clock);

		assertThat(tokens.token()).isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(799));
		assertThat(tokens.token()).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).hasSize(1);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(tokens.token()).isEqualTo("token-2");
		assertThat(this.endpoint.requests()).hasSize(2);
	}

	@Test
	void aTokenALoginRefusedIsReplaced() throws Exception {
		AccessTokens tokens = new AccessTokens(settings(null), this.clock);
		String first = tokens.token();

		tokens.refused("some-older-token");
		assertThat(tokens.token()).isEqualTo(first);
		tokens.refused(first);
		assertThat(tokens.token()).isEqualTo("token-2");
	}

	@Test
	void anEndpointThatRefusesTheClientIsOneLineAndStopsTheStart() {
		this.endpoint.refuse(401, "invalid_client");
		AccessTokens tokens = new AccessTokens(settings(null), this.clock);

		assertThatThrownBy(tokens::token).isInstanceOfSatisfying(OAuth2Exception.class, (ex) -> {
			String line = "OAuth2 token endpoint " + this.endpoint.tokenUri()
					+ " refused the client: 401 invalid_client, check complaints.mailbox.oauth2.client-id and client-secret";
			assertThat(ex).hasMessage(line);
			MailboxSettings.Server imap = new MailboxSettings.Server("imap.example.org", 993, "chair@example.org", null,
					"INBOX", MailboxSettings.Security.tls, true)
				.withTokens(tokens);
			assertThat(MailProblem.describe(new MailboxException("login", ex), MailProblem.Service.IMAP, imap))
				.isEqualTo(line);
			assertThat(MailProblem.permanent(ex)).isTrue();
		});
	}

	@Test
	void aRefusedRefreshTokenIsNamed() {
		this.endpoint.refuse(400, "invalid_grant");
		AccessTokens tokens = new AccessTokens(settings("expired"), this.clock);

		assertThatThrownBy(tokens::token).hasMessage("OAuth2 token endpoint " + this.endpoint.tokenUri()
				+ " refused the client: 400 invalid_grant, check complaints.mailbox.oauth2.client-id and client-secret"
				+ " and refresh-token");
	}

	@Test
	void anUnreachableEndpointIsTransient() {
		String uri = this.endpoint.tokenUri();
		this.endpoint.close();
		AccessTokens tokens = new AccessTokens(settings(null), this.clock);

		assertThatThrownBy(tokens::token).isInstanceOfSatisfying(OAuth2Exception.class, (ex) -> {
			assertThat(ex).hasMessage("OAuth2 token endpoint " + uri
					+ " could not be reached: check complaints.mailbox.oauth2.token-uri and the network");
			assertThat(MailProblem.permanent(ex)).isFalse();
		});
	}

	@Test
	void aMissingTokenUriIsOneLine() {
		assertThatThrownBy(() -> new AccessTokens(new MailboxSettings.OAuth2(null, "app", "s", null, null), this.clock))
			.isInstanceOf(MailboxSettingsException.class)
			.hasMessage("complaints.mailbox.oauth2.token-uri is not set while a mailbox logs in with auth: xoauth2:"
					+ " set it to the provider's token endpoint");
	}

	@Test
	void neitherTheSecretNorTheTokenIsPrinted() throws Exception {
		AccessTokens tokens = new AccessTokens(settings("refresh-me"), this.clock);
		String token = tokens.token();
		MailboxSettings.Server imap = new MailboxSettings.Server("imap.example.org", 993, "chair@example.org", null,
				"INBOX", MailboxSettings.Security.tls, true)
			.withTokens(tokens);

		assertThat(tokens + " " + imap + " " + settings("refresh-me")).doesNotContain(token, "s3cret", "refresh-me");
	}

}
