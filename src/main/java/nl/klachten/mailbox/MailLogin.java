package nl.klachten.mailbox;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;

/**
 * Every login to IMAP or SMTP goes through here: with {@code auth: password} the
 * password, with {@code auth: xoauth2} the access token from {@link AccessTokens}; a
 * refused token is fetched anew and tried once more (it may have been revoked or expired
 * early).
 */
final class MailLogin {

	private MailLogin() {
	}

	static void connect(Service service, MailboxSettings.Server server) throws MessagingException {
		int port = server.port() == null ? -1 : server.port();
		if (!server.oauth2()) {
			service.connect(server.host(), port, server.username(), server.password());
			return;
		}
		if (server.tokens() == null) {
			throw new MailboxSettingsException("complaints.mailbox.oauth2.token-uri is not set while a mailbox logs in"
					+ " with auth: xoauth2: set it to the provider's token endpoint");
		}
		String token = server.tokens().token();
		try {
			service.connect(server.host(), port, server.username(), token);
		}
		catch (AuthenticationFailedException ex) {
			server.tokens().refused(token);
			service.connect(server.host(), port, server.username(), server.tokens().token());
		}
	}

}
