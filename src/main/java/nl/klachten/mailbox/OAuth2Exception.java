package nl.klachten.mailbox;

import jakarta.mail.MessagingException;

/**
 * The token endpoint did not give an access token. The message is the one line for the
 * operator (what, where, how to fix); {@link #permanent()} when the endpoint refused the
 * client, so that waiting does not cure it.
 */
public class OAuth2Exception extends MessagingException {

	private final boolean permanent;

	public OAuth2Exception(String message, boolean permanent) {
		super(message);
		this.permanent = permanent;
	}

	public boolean permanent() {
		return this.permanent;
	}

}
