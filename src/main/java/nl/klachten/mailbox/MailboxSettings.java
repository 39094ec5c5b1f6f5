package nl.klachten.mailbox;

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
 */
@Validated
@ConfigurationProperties("complaints.mailbox")
public record MailboxSettings(@NotBlank String address, @NotBlank String displayName,
		@NotBlank String processedFolder, @NotBlank String quarantineFolder,
		@DefaultValue("Klachten/Meldingen") @NotBlank String noticesFolder, @Valid @NotNull Server imap,
		@Valid @NotNull Server smtp) {

	@ConstructorBinding
	public MailboxSettings {
		imap = imap == null ? Server.unset() : imap;
		smtp = smtp == null ? Server.unset() : smtp;
	}

	/** The settings with the default notices folder. */
	public MailboxSettings(String address, String displayName, String processedFolder, String quarantineFolder,
			Server imap, Server smtp) {
		this(address, displayName, processedFolder, quarantineFolder, "Klachten/Meldingen", imap, smtp);
	}

	public boolean embedded() {
		return this.imap.host() == null || this.imap.host().isBlank();
	}

	/** One server; the password is never printed. */
	public record Server(String host, Integer port, String username, String password, @DefaultValue("INBOX") String folder,
			@DefaultValue("none") Security security, @DefaultValue("true") boolean idle) {

		static Server unset() {
			return new Server(null, null, null, null, "INBOX", Security.none, true);
		}

		public Server withEndpoint(String host, int port, String username, String password) {
			return new Server(host, port, username, password, this.folder, this.security, this.idle);
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
