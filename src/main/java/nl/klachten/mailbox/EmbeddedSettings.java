package nl.klachten.mailbox;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded GreenMail server of the out-of-the-box run (CONTRACT §2): ports and the
 * demo accounts. These passwords are demo values fixed by the contract, not secrets.
 */
@ConfigurationProperties("complaints.embedded")
public record EmbeddedSettings(int smtpPort, int imapPort, List<Account> accounts) {

	public EmbeddedSettings {
		accounts = accounts == null ? List.of() : List.copyOf(accounts);
	}

	public record Account(String email, String password) {

		@Override
		public String toString() {
			return "Account[redacted]";
		}

	}

}
