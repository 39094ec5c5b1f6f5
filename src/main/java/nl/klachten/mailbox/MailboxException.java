package nl.klachten.mailbox;

/**
 * The mail server could not be reached or refused a command. The message carries no mail
 * content.
 */
public class MailboxException extends RuntimeException {

	public MailboxException(String message, Throwable cause) {
		super(message, cause);
	}

}
