package nl.klachten.mailbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Deletes purged mail (R20) from the IMAP folders the processor files into: the
 * processed, the quarantine and the chair's notices folder. Opens its own short
 * connection, so the intake connection is never disturbed; finds each mail with a
 * server-side {@code SEARCH HEADER Message-ID}, flags it {@code \Deleted} and expunges
 * just those messages ({@code UID EXPUNGE} where the server has UIDPLUS). A folder that
 * does not exist is skipped. Logs counts only, never a Message-ID (R8). Only present with
 * the pipeline.
 */
@Component
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
public class FolderCleaner {

	private static final Logger log = LoggerFactory.getLogger(FolderCleaner.class);

	private final MailboxSettings.Server server;

	private final List<String> folders;

	FolderCleaner(MailEndpoints endpoints, MailboxSettings settings) {
		this.server = endpoints.imap();
		this.folders = List.of(settings.processedFolder(), settings.quarantineFolder(), settings.noticesFolder());
	}

	/**
	 * Deletes every message carrying one of these Message-IDs (without angle brackets)
	 * from both folders and returns how many messages went.
	 * @throws MailboxException when the server cannot be reached; nothing is then known
	 * to be deleted
	 */
	public int delete(Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return 0;
		}
		Store store = null;
		try {
			store = MailSessions.imap(this.server, 120_000).getStore(MailSessions.imapProtocol(this.server));
			MailLogin.connect(store, this.server);
			int deleted = deleteFromFolders(store, messageIds);
			log.info("Deleted {} purged mail(s) from the IMAP folders", deleted);
			return deleted;
		}
		catch (MessagingException | RuntimeException ex) {
			throw new MailboxException("Deleting purged mail failed: " + ex.getClass().getSimpleName(), ex);
		}
		finally {
			close(store);
		}
	}

	private int deleteFromFolders(Store store, Collection<String> messageIds) throws MessagingException {
		char separator = store.getDefaultFolder().getSeparator();
		boolean uidPlus = ((IMAPStore) store).hasCapability("UIDPLUS");
		int deleted = 0;
		for (String name : this.folders) {
			Folder folder = store.getFolder(name.replace('/', separator));
			if (folder.exists()) {
				deleted += delete((IMAPFolder) folder, messageIds, uidPlus);
			}
		}
		return deleted;
	}

	private static int delete(IMAPFolder folder, Collection<String> messageIds, boolean uidPlus)
			throws MessagingException {
		folder.open(Folder.READ_WRITE);
		try {
			List<Message> found = find(folder, messageIds);
			if (found.isEmpty()) {
				return 0;
			}
			Message[] messages = found.toArray(Message[]::new);
			folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
			if (uidPlus) {
				folder.expunge(messages);
			}
			else {
				folder.expunge();
			}
			return messages.length;
		}
		finally {
			if (folder.isOpen()) {
				folder.close(false);
			}
		}
	}

	private static List<Message> find(IMAPFolder folder, Collection<String> messageIds) throws MessagingException {
		List<Message> found = new ArrayList<>();
		for (String id : messageIds) {
			for (Message message : folder.search(new HeaderTerm("Message-ID", "<" + id + ">"))) {
				found.add(message);
			}
		}
		return found;
	}

	private static void close(Store store) {
		try {
			if (store != null) {
				store.close();
			}
		}
		catch (MessagingException ex) {
			log.debug("Closing the cleaning connection failed: {}", ex.getClass().getSimpleName());
		}
	}

}
