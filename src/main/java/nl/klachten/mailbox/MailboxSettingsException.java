package nl.klachten.mailbox;

/**
 * A mailbox setting that cannot work; the message is one line saying what, where and how
 * to fix it.
 */
public class MailboxSettingsException extends RuntimeException {

	public MailboxSettingsException(String message) {
		super(message);
	}

	public MailboxSettingsException(String message, Throwable cause) {
		super(message, cause);
	}

}
