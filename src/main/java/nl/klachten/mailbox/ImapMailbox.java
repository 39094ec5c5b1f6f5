package nl.klachten.mailbox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake connection to the inbox. Everything in the inbox is unprocessed, because processed
 * mail is moved out; so a batch is simply the N oldest messages. Reading costs two round trips
 * however large the batch (UIDs and sizes, then every body with {@code BODY.PEEK[]}), and filing
 * one {@code UID MOVE} per destination folder (STACK.md pitfall 12). Everything goes by UID, never
 * by the client's message cache. Used by one thread at a time.
 */
public class ImapMailbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);

	private static final long MAX_BYTES_PER_FETCH = 32L * 1024 * 1024;

	private final MailboxSettings.Server server;

	private final Map<Filing.Destination, String> folders = new EnumMap<>(Filing.Destination.class);

	private Store store;

	private IMAPFolder inbox;

	ImapMailbox(MailboxSettings.Server server, MailboxSettings settings) {
		this.server = server;
		this.folders.put(Filing.Destination.PROCESSED, settings.processedFolder());
		this.folders.put(Filing.Destination.QUARANTINE, settings.quarantineFolder());
	}

	/** What one read gave, and whether the inbox holds more mail than was read. */
	public record Fetched(List<FetchedMail> mails, boolean more) {
	}

	/**
	 * Up to {@code max} mails from the start of the inbox, and no more than {@code maxBytes} of them
	 * together (but always at least one); bodies over {@code maxSize} are left to spool and do not
	 * count, since they are never held in memory.
	 */
	public synchronized Fetched fetch(int max, long maxSize, long maxBytes) {
		try {
			IMAPFolder folder = open();
			List<long[]> all = sizes(folder);
			List<long[]> batch = batch(all, max, maxSize, maxBytes);
			if (batch.isEmpty()) {
				return new Fetched(List.of(), false);
			}
			return new Fetched(bodies(folder, batch, maxSize), batch.size() < all.size());
		}
		catch (MessagingException | RuntimeException ex) {
			disconnect();
			throw new MailboxException("Reading the inbox failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	/** Moves each mail to its folder, one command per folder. UIDs no longer in the inbox are skipped. */
	public synchronized void file(Filing filing) {
		if (filing.destinations().isEmpty()) {
			return;
		}
		try {
			IMAPFolder folder = open();
			for (Filing.Destination destination : Filing.Destination.values()) {
				long[] uids = filing.destinations()
					.entrySet()
					.stream()
					.filter((e) -> e.getValue() == destination)
					.mapToLong(Map.Entry::getKey)
					.toArray();
				if (uids.length > 0) {
					move(folder, uids, target(destination));
				}
			}
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

	/**
	 * UIDs and sizes of all mails, oldest first, asked of the server by UID range rather than
	 * computed from the client's cached message count, which can lag behind the server.
	 */
	private List<long[]> sizes(IMAPFolder folder) throws MessagingException {
		Response[] responses = command(folder, "UID FETCH 1:* (UID RFC822.SIZE)", null);
		List<long[]> sizes = new ArrayList<>();
		for (Response response : responses) {
			if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null) {
				RFC822SIZE size = fetch.getItem(RFC822SIZE.class);
				sizes.add(new long[] { fetch.getItem(UID.class).uid, size == null ? 0 : size.size });
			}
		}
		sizes.sort((a, b) -> Long.compare(a[0], b[0]));
		return sizes;
	}

	private List<FetchedMail> bodies(IMAPFolder folder, List<long[]> sizes, long maxSize) throws MessagingException {
		List<FetchedMail> mails = new ArrayList<>();
		List<Long> chunk = new ArrayList<>();
		long chunkBytes = 0;
		for (long[] entry : sizes) {
			long uid = entry[0];
			if (entry[1] > maxSize) {
				mails.add(oversize(folder, uid, entry[1]));
				continue;
			}
			if (!chunk.isEmpty() && chunkBytes + entry[1] > MAX_BYTES_PER_FETCH) {
				mails.addAll(fetchBodies(folder, chunk));
				chunk.clear();
				chunkBytes = 0;
			}
			chunk.add(uid);
			chunkBytes += entry[1];
		}
		if (!chunk.isEmpty()) {
			mails.addAll(fetchBodies(folder, chunk));
		}
		return mails;
	}

	private List<FetchedMail> fetchBodies(IMAPFolder folder, List<Long> uids) throws MessagingException {
		String set = UIDSet.toString(UIDSet.createUIDSets(uids.stream().mapToLong(Long::longValue).toArray()));
		Response[] responses = command(folder, "UID FETCH " + set + " (UID INTERNALDATE BODY.PEEK[])", null);
		List<FetchedMail> mails = new ArrayList<>();
		for (Response response : responses) {
			if (response instanceof FetchResponse fetch && fetch.getItem(BODY.class) != null) {
				long uid = fetch.getItem(UID.class).uid;
				INTERNALDATE date = fetch.getItem(INTERNALDATE.class);
				byte[] raw = fetch.getItem(BODY.class).getByteArray().getNewBytes();
				mails.add(new FetchedMail(uid, date == null ? null : date.getDate().toInstant(), raw.length,
						raw, null));
			}
		}
		mails.sort((a, b) -> Long.compare(a.uid(), b.uid()));
		return mails;
	}

	private FetchedMail oversize(IMAPFolder folder, long uid, long size) throws MessagingException {
		IMAPMessage message = (IMAPMessage) folder.getMessageByUID(uid);
		Instant received = message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
		return new FetchedMail(uid, received, size, null, (out) -> {
			try {
				message.writeTo(out);
			}
			catch (MessagingException ex) {
				throw new IOException("Spooling mail uid " + uid + " failed", ex);
			}
		});
	}

	private static Response[] command(IMAPFolder folder, String command, Argument args) throws MessagingException {
		return (Response[]) folder.doCommand((IMAPProtocol p) -> {
			Response[] responses = p.command(command, args);
			p.notifyResponseHandlers(responses);
			p.handleResult(responses[responses.length - 1]);
			return responses;
		});
	}

	/**
	 * Moves by UID on the wire. The client's message cache ({@code getMessagesByUID}) can be stale
	 * after the raw batch commands and would silently skip mail that is still in the inbox.
	 */
	private void move(IMAPFolder folder, long[] uids, Folder target) throws MessagingException {
		String set = UIDSet.toString(UIDSet.createUIDSets(uids));
		Argument mailbox = new Argument();
		mailbox.writeString(BASE64MailboxEncoder.encode(target.getFullName()));
		IMAPStore imap = (IMAPStore) this.store;
		if (imap.hasCapability("MOVE")) {
			command(folder, "UID MOVE " + set, mailbox);
		}
		else {
			command(folder, "UID COPY " + set, mailbox);
			command(folder, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null);
			command(folder, imap.hasCapability("UIDPLUS") ? "UID EXPUNGE " + set : "EXPUNGE", null);
		}
	}

	private Folder target(Filing.Destination destination) throws MessagingException {
		return MailFolders.ensure(this.store, this.folders.get(destination));
	}

	/** Creates the processed and quarantine folders when missing; a failure stops start-up. */
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
