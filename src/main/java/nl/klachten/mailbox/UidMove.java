package nl.klachten.mailbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Moves mail out of the inbox by UID on the wire, one {@code UID MOVE} per folder.
 * Without {@code MOVE} a mail is copied, flagged {@code \Deleted} and
 * {@value ImapMailbox#FILED_KEYWORD}, and expunged by UID only where the server has
 * UIDPLUS; never by a plain {@code EXPUNGE}, which would also remove what the chair's own
 * client marked deleted. The client's message cache ({@code getMessagesByUID}) can be
 * stale after the raw batch commands and would silently skip mail that is still in the
 * inbox.
 */
final class UidMove {

	private UidMove() {
	}

	static void move(IMAPStore store, IMAPFolder folder, long[] uids, Folder target) throws MessagingException {
		String set = ImapCommand.uidSet(uids);
		Argument mailbox = new Argument();
		mailbox.writeString(BASE64MailboxEncoder.encode(target.getFullName()));
		if (store.hasCapability("MOVE")) {
			ImapCommand.run(folder, "UID MOVE " + set, mailbox);
			return;
		}
		long[] uncopied = uncopied(folder, set);
		if (uncopied.length > 0) {
			String copy = ImapCommand.uidSet(uncopied);
			ImapCommand.run(folder, "UID COPY " + copy, mailbox);
			String flags = " +FLAGS.SILENT (\\Deleted " + ImapMailbox.FILED_KEYWORD + ")";
			ImapCommand.run(folder, "UID STORE " + copy + flags, null);
		}
		if (store.hasCapability("UIDPLUS")) {
			ImapCommand.run(folder, "UID EXPUNGE " + set, null);
		}
	}

	/**
	 * The UIDs of the set still in the inbox without {@value ImapMailbox#FILED_KEYWORD}:
	 * a filing tried again after its expunge failed copies nothing twice.
	 */
	private static long[] uncopied(IMAPFolder folder, String set) throws MessagingException {
		Response[] responses = ImapCommand.run(folder, "UID FETCH " + set + " (UID FLAGS)", null);
		List<Long> uids = new ArrayList<>();
		for (Response response : responses) {
			if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null) {
				FLAGS flags = fetch.getItem(FLAGS.class);
				if (flags == null || !flags.contains(ImapMailbox.FILED_KEYWORD)) {
					uids.add(fetch.getItem(UID.class).uid);
				}
			}
		}
		return uids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
	}

}
