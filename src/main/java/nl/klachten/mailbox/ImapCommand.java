package nl.klachten.mailbox;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * A raw IMAP command on the inbox's connection, its untagged responses given back and
 * passed to the folder's handlers. The intake speaks UID commands on the wire rather than
 * through the client's message cache, which can lag behind the server (STACK.md pitfall
 * 12).
 */
final class ImapCommand {

	private ImapCommand() {
	}

	/** Runs the command; a NO or BAD answer throws. */
	static Response[] run(IMAPFolder folder, String command, Argument args) throws MessagingException {
		return (Response[]) folder.doCommand((IMAPProtocol p) -> {
			Response[] responses = p.command(command, args);
			p.notifyResponseHandlers(responses);
			p.handleResult(responses[responses.length - 1]);
			return responses;
		});
	}

	/** The UIDs as an IMAP sequence set ({@code 3:5,9}). */
	static String uidSet(long[] uids) {
		return UIDSet.toString(UIDSet.createUIDSets(uids));
	}

}
