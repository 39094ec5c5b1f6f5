package nl.klachten.mailbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth2 access tokens an {@code auth: xoauth2} login uses instead of a password
 * (CONTRACT §3). A token is fetched from {@code complaints.mailbox.oauth2.token-uri} with
 * a form POST, by the refresh-token flow when a refresh token is set and by client
 * credentials otherwise, kept, and fetched anew once 80% of its {@code expires_in} has
 * passed or when a login refused it ({@link #refused}). One instance serves every
 * connection to both servers. The token and the secrets are never logged nor in
 * {@link #toString}.
 */
public final class AccessTokens {

	private static final long DEFAULT_EXPIRES_IN = 3600;

	private final MailboxSettings.OAuth2 settings;

	private final Clock clock;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private String token;

	private Instant renewAt = Instant.MIN;

	/** Refuses missing keys with one line naming the key. */
	public AccessTokens(MailboxSettings.OAuth2 settings, Clock clock) {
		require(settings.tokenUri(), "token-uri", "the provider's token endpoint");
		require(settings.clientId(), "client-id", "the application's client id");
		try {
			URI uri = URI.create(settings.tokenUri());
			if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
				throw new IllegalArgumentException(uri.toString());
			}
		}
		catch (IllegalArgumentException ex) {
			throw new MailboxSettingsException("complaints.mailbox.oauth2.token-uri " + settings.tokenUri()
					+ " is no http(s) address: set it to the provider's token endpoint");
		}
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * The tokens for the servers that log in with {@code auth: xoauth2}, given to them;
	 * the others are unchanged.
	 */
	static MailEndpoints attach(MailboxSettings settings, MailboxSettings.Server imap, MailboxSettings.Server smtp,
			Clock clock) {
		if (!imap.oauth2() && !smtp.oauth2()) {
			return new MailEndpoints(imap, smtp);
		}
		AccessTokens tokens = new AccessTokens(settings.oauth2(), clock);
		return new MailEndpoints(imap.oauth2() ? imap.withTokens(tokens) : imap,
				smtp.oauth2() ? smtp.withTokens(tokens) : smtp);
	}

	private static void require(String value, String key, String what) {
		if (value == null || value.isBlank()) {
			throw new MailboxSettingsException("complaints.mailbox.oauth2." + key
					+ " is not set while a mailbox logs in with auth: xoauth2: set it to " + what);
		}
	}

	/** The current access token, fetched when there is none or it is about to expire. */
	public synchronized String token() throws OAuth2Exception {
		if (this.token == null || !this.clock.instant().isBefore(this.renewAt)) {
			fetch();
		}
		return this.token;
	}

	/** A login refused this token: the next {@link #token()} fetches a new one. */
	public synchronized void refused(String token) {
		if (token != null && token.equals(this.token)) {
			this.token = null;
		}
	}

	private void fetch() throws OAuth2Exception {
		Instant asked = this.clock.instant();
		String uri = this.settings.tokenUri();
		HttpResponse<String> response = post(uri);
		JsonNode body = parse(response.body());
		if (response.statusCode() != 200) {
			throw refused(uri, response.statusCode(), body);
		}
		String accessToken = body == null ? "" : body.path("access_token").asString("");
		if (accessToken.isBlank()) {
			throw new OAuth2Exception("OAuth2 token endpoint " + uri
					+ " answered without an access_token: check complaints.mailbox.oauth2.token-uri", true);
		}
		long expiresIn = body.path("expires_in").asLong(DEFAULT_EXPIRES_IN);
		this.token = accessToken;
		this.renewAt = asked.plusMillis(Math.max(1, expiresIn) * 800);
	}

	private HttpResponse<String> post(String uri) throws OAuth2Exception {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(form()))
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new OAuth2Exception(
					"OAuth2 token endpoint " + uri
							+ " could not be reached: check complaints.mailbox.oauth2.token-uri and the network",
					false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OAuth2Exception("OAuth2 token request to " + uri + " was interrupted", false);
		}
	}

	/**
	 * The endpoint's refusal, naming the keys to check; permanent unless the endpoint
	 * failed (5xx).
	 */
	private OAuth2Exception refused(String uri, int status, JsonNode body) {
		String error = body == null ? "" : body.path("error").asString("");
		boolean refresh = refreshFlow();
		return new OAuth2Exception(
				"OAuth2 token endpoint " + uri + " refused the client: " + status + (error.isBlank() ? "" : " " + error)
						+ ", check complaints.mailbox.oauth2.client-id and client-secret"
						+ (refresh ? " and refresh-token" : "") + (status >= 500 ? " (or try again later)" : ""),
				status < 500);
	}

	private JsonNode parse(String body) {
		try {
			return body == null || body.isBlank() ? null : this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private boolean refreshFlow() {
		return this.settings.refreshToken() != null && !this.settings.refreshToken().isBlank();
	}

	private String form() {
		Map<String, String> form = new LinkedHashMap<>();
		if (refreshFlow()) {
			form.put("grant_type", "refresh_token");
			form.put("refresh_token", this.settings.refreshToken());
		}
		else {
			form.put("grant_type", "client_credentials");
		}
		form.put("client_id", this.settings.clientId());
		if (this.settings.clientSecret() != null && !this.settings.clientSecret().isBlank()) {
			form.put("client_secret", this.settings.clientSecret());
		}
		if (this.settings.scope() != null && !this.settings.scope().isBlank()) {
			form.put("scope", this.settings.scope());
		}
		return form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	@Override
	public String toString() {
		return "AccessTokens[" + this.settings + "]";
	}

}
