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
 * The intake mailbox (CONTRACT §3): the chair's address, where it is read and how mail is sent.
 * An unset IMAP host means the embedded GreenMail server. {@code noticesFolder} is where mail for
 * the chair waits when the chair's address is this one (CONTRACT §4), so that it is neither sent
 * round through SMTP nor filed among the processed mail.
 *
 * <p>With a configured host {@code security} defaults to {@code tls} (and the port to the
 * protocol's TLS port); {@link MailboxSecurity} refuses {@code none} for a host that is not
 * loopback unless {@code allowInsecure}. {@code trustStore} (PKCS12 or JKS) replaces the JVM's
 * trust store for both servers; certificates are always verified.
 */
@Validated
@ConfigurationProperties("complaints.mailbox")
public record MailboxSettings(@NotBlank String address, @NotBlank String displayName,
		@NotBlank String processedFolder, @NotBlank String quarantineFolder,
		@DefaultValue("Klachten/Meldingen") @NotBlank String noticesFolder, @Valid @NotNull Server imap,
		@Valid @NotNull Server smtp, String trustStore, String trustStorePassword, boolean allowInsecure) {

	@ConstructorBinding
	public MailboxSettings {
		imap = imap == null ? Server.unset() : imap.withDefaults(143, 993);
		smtp = smtp == null ? Server.unset() : smtp.withDefaults(587, 465);
	}

	/** The settings with no trust store of their own and TLS required for every non-loopback host. */
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
	 * One server; the password is never printed. {@code security} unset means {@code tls} for a
	 * configured host and {@code none} for the embedded server. {@code socketFactory} is no key:
	 * it is the configured trust store's, set by {@link MailboxConfiguration} (null = the JVM's).
	 */
	public record Server(String host, Integer port, String username, String password, @DefaultValue("INBOX") String folder,
			Security security, @DefaultValue("true") boolean idle, SSLSocketFactory socketFactory) {

		@ConstructorBinding
		public Server {
		}

		public Server(String host, Integer port, String username, String password, String folder, Security security,
				boolean idle) {
			this(host, port, username, password, folder, security, idle, null);
		}

		static Server unset() {
			return new Server(null, null, null, null, "INBOX", Security.none, true);
		}

		private boolean hostSet() {
			return this.host != null && !this.host.isBlank();
		}

		/** Fills in the defaults that depend on the host: TLS for a configured one, and the port that goes with it. */
		Server withDefaults(int plainPort, int tlsPort) {
			Security sec = this.security != null ? this.security : hostSet() ? Security.tls : Security.none;
			Integer p = this.port != null || !hostSet() ? this.port : sec == Security.tls ? tlsPort : plainPort;
			return new Server(this.host, p, this.username, this.password, this.folder, sec, this.idle, this.socketFactory);
		}

		public Server withEndpoint(String host, int port, String username, String password) {
			return new Server(host, port, username, password, this.folder, this.security, this.idle, this.socketFactory);
		}

		/** The same server, its certificates checked against this trust store's factory. */
		public Server withSocketFactory(SSLSocketFactory factory) {
			return new Server(this.host, this.port, this.username, this.password, this.folder, this.security, this.idle,
					factory);
		}

		@Override
		public String toString() {
			return "Server[" + this.host + ":" + this.port + ", " + this.security + "]";
		}

	}

	public enum Security {

		none, starttls, tls

	}

}
