package nl.klachten.mailbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake connection to the inbox. Everything in the inbox is unprocessed, because
 * processed mail is moved out; so a batch is simply the N oldest messages. Reading costs
 * two round trips however large the batch (UIDs and sizes, then every body with
 * {@code BODY.PEEK[]}), and filing one {@code UID MOVE} per destination folder (STACK.md
 * pitfall 12). Everything goes by UID, never by the client's message cache, and every
 * read records the inbox's UIDVALIDITY: a filing for UIDs of another UIDVALIDITY is
 * refused ({@link UidValidityChanged}). Without {@code MOVE} a mail is filed by copy and
 * marked {@value #FILED_KEYWORD}, and mail with that keyword is not read again
 * ({@link UidMove}). Used by one thread at a time. The commands are {@link InboxFetch}'s
 * (reading) and {@link UidMove}'s (filing); this class holds the connection, the batch
 * and the UIDVALIDITY check.
 */
public class ImapMailbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);

	/**
	 * Our keyword on a mail filed by copy that could not be expunged: it is not read
	 * again.
	 */
	public static final String FILED_KEYWORD = "$KlachtenFiled";

	private final MailboxSettings.Server server;

	private final Map<Filing.Destination, String> folders = new EnumMap<>(Filing.Destination.class);

	private Store store;

	private IMAPFolder inbox;

	ImapMailbox(MailboxSettings.Server server, MailboxSettings settings) {
		this.server = server;
		this.folders.put(Filing.Destination.PROCESSED, settings.processedFolder());
		this.folders.put(Filing.Destination.QUARANTINE, settings.quarantineFolder());
	}

	/**
	 * What one read gave, whether the inbox holds more mail than was read, and its
	 * UIDVALIDITY.
	 */
	public record Fetched(List<FetchedMail> mails, boolean more, long uidValidity) {
	}

	/**
	 * Up to {@code max} mails from the start of the inbox, and no more than
	 * {@code maxBytes} of them together (but always at least one); bodies over
	 * {@code maxSize} are left to spool and do not count, since they are never held in
	 * memory. The UIDs of {@code skip} (mails settled in the register but waiting to be
	 * filed; null for none) are left out when the inbox still has the UIDVALIDITY they
	 * were read with.
	 */
	public synchronized Fetched fetch(int max, long maxSize, long maxBytes, Filing skip) {
		try {
			IMAPFolder folder = open();
			long validity = folder.getUIDValidity();
			List<long[]> all = InboxFetch.sizes(folder);
			if (skip != null && skip.uidValidity() == validity) {
				all.removeIf((entry) -> skip.destinations().containsKey(entry[0]));
			}
			List<long[]> batch = batch(all, max, maxSize, maxBytes);
			if (batch.isEmpty()) {
				return new Fetched(List.of(), false, validity);
			}
			return new Fetched(InboxFetch.bodies(folder, batch, maxSize), batch.size() < all.size(), validity);
		}
		catch (MessagingException | RuntimeException ex) {
			disconnect();
			throw new MailboxException("Reading the inbox failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Moves each mail to its folder, one command per folder. UIDs no longer in the inbox
	 * are skipped. Refused with {@link UidValidityChanged}, before any command, when the
	 * inbox's UIDVALIDITY is not the filing's.
	 */
	public synchronized void file(Filing filing) {
		if (filing.destinations().isEmpty()) {
			return;
		}
		try {
			IMAPFolder folder = open();
			long validity = folder.getUIDValidity();
			if (filing.uidValidity() >= 0 && validity != filing.uidValidity()) {
				throw new UidValidityChanged(filing.uidValidity(), validity);
			}
			for (Filing.Destination destination : Filing.Destination.values()) {
				long[] uids = uids(filing, destination);
				if (uids.length > 0) {
					UidMove.move((IMAPStore) this.store, folder, uids, target(destination));
				}
			}
		}
		catch (UidValidityChanged ex) {
			throw ex;
		}
		catch (MessagingException | RuntimeException ex) {
			disconnect();
			throw new MailboxException("Filing mail failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	static List<long[]> batch(List<long[]> sizes, int max, long maxSize, long maxBytes) {
		long bytes = 0;
		int count = 0;
		for (long[] entry : sizes) {
			long held = entry[1] > maxSize ? 0 : entry[1];
			if (count == max || (count > 0 && bytes + held > maxBytes)) {
				break;
			}
			bytes += held;
			count++;
		}
		return sizes.subList(0, count);
	}

	private static long[] uids(Filing filing, Filing.Destination destination) {
		return filing.destinations()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue() == destination)
			.mapToLong(Map.Entry::getKey)
			.toArray();
	}

	private Folder target(Filing.Destination destination) throws MessagingException {
		return MailFolders.ensure(this.store, this.folders.get(destination));
	}

	/**
	 * Creates the processed and quarantine folders when missing; a failure stops
	 * start-up.
	 */
	public synchronized void ensureFolders() {
		try {
			open();
			for (Filing.Destination destination : Filing.Destination.values()) {
				target(destination);
			}
		}
		catch (MessagingException ex) {
			disconnect();
			throw new MailboxException("Cannot prepare the mailbox folders: " + ex.getClass().getSimpleName(), ex);
		}
	}

	private IMAPFolder open() throws MessagingException {
		if (this.inbox != null && this.inbox.isOpen() && this.store.isConnected()) {
			return this.inbox;
		}
		disconnect();
		this.store = MailSessions.imap(this.server, 120_000).getStore(MailSessions.imapProtocol(this.server));
		MailLogin.connect(this.store, this.server);
		this.inbox = (IMAPFolder) this.store.getFolder(this.server.folder());
		this.inbox.open(Folder.READ_WRITE);
		log.info("Connected to the inbox on {}:{}", this.server.host(), this.server.port());
		return this.inbox;
	}

	private void disconnect() {
		try {
			if (this.inbox != null && this.inbox.isOpen()) {
				this.inbox.close(false);
			}
			if (this.store != null) {
				this.store.close();
			}
		}
		catch (MessagingException | IllegalStateException ex) {
			log.debug("Closing the inbox connection failed: {}", ex.getClass().getSimpleName());
		}
		this.inbox = null;
		this.store = null;
	}

	@Override
	public synchronized void close() {
		disconnect();
	}

}
