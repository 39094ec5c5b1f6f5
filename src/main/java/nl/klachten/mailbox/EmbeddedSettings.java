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

	/**
	 * The password of {@code address}'s embedded mailbox: a demo account's, else the
	 * address itself (CONTRACT §2).
	 */
	public String passwordOf(String address) {
		return this.accounts.stream()
			.filter((a) -> a.email().equalsIgnoreCase(address))
			.map(Account::password)
			.findFirst()
			.orElse(address);
	}

	public record Account(String email, String password) {

		@Override
		public String toString() {
			return "Account[redacted]";
		}

	}

}
