package nl.klachten.mailbox;

/**
 * The inbox's UIDVALIDITY is not the one a filing's UIDs were read with: they may name
 * other mails.
 */
public class UidValidityChanged extends MailboxException {

	UidValidityChanged(long read, long now) {
		super("The inbox's UIDVALIDITY changed from " + read + " to " + now + " since the read", null);
	}

}
