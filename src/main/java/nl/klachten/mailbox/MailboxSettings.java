package nl.klachten.mailbox;

import javax.net.ssl.SSLSocketFactory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The intake mailbox (CONTRACT §3): the chair's address, where it is read and how mail is
 * sent. An unset IMAP host means the embedded GreenMail server. {@code noticesFolder} is
 * where mail for the chair waits when the chair's address is this one (CONTRACT §4), so
 * that it is neither sent round through SMTP nor filed among the processed mail.
 *
 * <p>
 * With a configured host {@code security} defaults to {@code tls} (and the port to the
 * protocol's TLS port); {@link MailboxSecurity} refuses {@code none} for a host that is
 * not loopback unless {@code allowInsecure}. {@code trustStore} (PKCS12 or JKS) replaces
 * the JVM's trust store for both servers; certificates are always verified.
 */
@Validated
@ConfigurationProperties("complaints.mailbox")
public record MailboxSettings(@NotBlank String address, @NotBlank String displayName, @NotBlank String processedFolder,
		@NotBlank String quarantineFolder, @DefaultValue("Klachten/Meldingen") @NotBlank String noticesFolder,
		@Valid @NotNull Server imap, @Valid @NotNull Server smtp, String trustStore, String trustStorePassword,
		boolean allowInsecure, OAuth2 oauth2) {

	@ConstructorBinding
	public MailboxSettings {
		imap = imap == null ? Server.unset() : imap.withDefaults(143, 993);
		smtp = smtp == null ? Server.unset() : smtp.withDefaults(587, 465);
		oauth2 = oauth2 == null ? new OAuth2(null, null, null, null, null) : oauth2;
	}

	/** The settings without OAuth2: both servers log in with a password. */
	public MailboxSettings(String address, String displayName, String processedFolder, String quarantineFolder,
			String noticesFolder, Server imap, Server smtp, String trustStore, String trustStorePassword,
			boolean allowInsecure) {
		this(address, displayName, processedFolder, quarantineFolder, noticesFolder, imap, smtp, trustStore,
				trustStorePassword, allowInsecure, null);
	}

	/**
	 * The settings with no trust store of their own and TLS required for every
	 * non-loopback host.
	 */
	public MailboxSettings(String address, String displayName, String processedFolder, String quarantineFolder,
			String noticesFolder, Server imap, Server smtp) {
		this(address, displayName, processedFolder, quarantineFolder, noticesFolder, imap, smtp, null, null, false);
	}

	/** The settings with the default notices folder. */
	public MailboxSettings(String address, String displayName, String processedFolder, String quarantineFolder,
			Server imap, Server smtp) {
		this(address, displayName, processedFolder, quarantineFolder, "Klachten/Meldingen", imap, smtp);
	}

	public boolean embedded() {
		return this.imap.host() == null || this.imap.host().isBlank();
	}

	@Override
	public String toString() {
		return "MailboxSettings[" + this.address + ", imap " + this.imap + ", smtp " + this.smtp + ", trust-store "
				+ this.trustStore + ", allow-insecure " + this.allowInsecure + "]";
	}

	/**
	 * One server; the password is never printed. {@code security} unset means {@code tls}
	 * for a configured host and {@code none} for the embedded server. {@code auth} is
	 * {@code password} or {@code xoauth2} (an access token from
	 * {@code complaints.mailbox.oauth2.*} instead of the password). {@code socketFactory}
	 * and {@code tokens} are no keys: they are the configured trust store's factory (null
	 * = the JVM's) and the access tokens, set by {@link MailboxConfiguration}.
	 */
	public record Server(String host, Integer port, String username, String password,
			@DefaultValue("INBOX") String folder, Security security, @DefaultValue("true") boolean idle,
			@DefaultValue("password") Auth auth, SSLSocketFactory socketFactory, AccessTokens tokens) {

		@ConstructorBinding
		public Server {
			auth = auth == null ? Auth.password : auth;
		}

		public Server(String host, Integer port, String username, String password, String folder, Security security,
				boolean idle, SSLSocketFactory socketFactory) {
			this(host, port, username, password, folder, security, idle, Auth.password, socketFactory, null);
		}

		public Server(String host, Integer port, String username, String password, String folder, Security security,
				boolean idle) {
			this(host, port, username, password, folder, security, idle, null);
		}

		static Server unset() {
			return new Server(null, null, null, null, "INBOX", Security.none, true);
		}

		public boolean oauth2() {
			return this.auth == Auth.xoauth2;
		}

		private boolean hostSet() {
			return this.host != null && !this.host.isBlank();
		}

		/**
		 * Fills in the defaults that depend on the host: TLS for a configured one, and
		 * the port that goes with it.
		 */
		Server withDefaults(int plainPort, int tlsPort) {
			Security sec = this.security != null ? this.security : hostSet() ? Security.tls : Security.none;
			Integer p = this.port != null || !hostSet() ? this.port : sec == Security.tls ? tlsPort : plainPort;
			return new Server(this.host, p, this.username, this.password, this.folder, sec, this.idle, this.auth,
					this.socketFactory, this.tokens);
		}

		/** The embedded server's endpoint: it takes passwords only. */
		public Server withEndpoint(String host, int port, String username, String password) {
			return new Server(host, port, username, password, this.folder, this.security, this.idle, Auth.password,
					this.socketFactory, null);
		}

		/**
		 * The same server, its certificates checked against this trust store's factory.
		 */
		public Server withSocketFactory(SSLSocketFactory factory) {
			return new Server(this.host, this.port, this.username, this.password, this.folder, this.security, this.idle,
					this.auth, factory, this.tokens);
		}

		/**
		 * The same server, logging in with {@code auth: xoauth2} and a token from these.
		 */
		public Server withTokens(AccessTokens tokens) {
			return new Server(this.host, this.port, this.username, this.password, this.folder, this.security, this.idle,
					Auth.xoauth2, this.socketFactory, tokens);
		}

		@Override
		public String toString() {
			return "Server[" + this.host + ":" + this.port + ", " + this.security + ", " + this.auth + "]";
		}

	}

	/**
	 * Where an {@code xoauth2} login gets its access token: the refresh-token flow when
	 * {@code refreshToken} is set, else client credentials. Neither secret is ever
	 * printed.
	 */
	public record OAuth2(String tokenUri, String clientId, String clientSecret, String refreshToken, String scope) {

		@Override
		public String toString() {
			return "OAuth2[" + this.tokenUri + ", client " + this.clientId + ", "
					+ (this.refreshToken == null || this.refreshToken.isBlank() ? "client credentials"
							: "refresh token")
					+ "]";
		}

	}

	public enum Auth {

		password, xoauth2

	}

	public enum Security {

		none, starttls, tls

	}

}
