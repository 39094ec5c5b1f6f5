package nl.klachten.mailbox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
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
 * by the client's message cache, and every read records the inbox's UIDVALIDITY: a filing for
 * UIDs of another UIDVALIDITY is refused ({@link UidValidityChanged}). Without {@code MOVE} a mail
 * is copied, flagged {@code \Deleted} and {@value #FILED_KEYWORD}, and expunged by UID only where
 * the server has UIDPLUS; never by a plain {@code EXPUNGE}, which would also remove what the
 * chair's own client marked deleted. Mail with that keyword is not read again. Used by one thread
 * at a time.
 */
public class ImapMailbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);

	private static final long MAX_BYTES_PER_FETCH = 32L * 1024 * 1024;

	/** Our keyword on a mail filed by copy that could not be expunged: it is not read again. */
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

	/** What one read gave, whether the inbox holds more mail than was read, and its UIDVALIDITY. */
	public record Fetched(List<FetchedMail> mails, boolean more, long uidValidity) {
	}

	/** The inbox's UIDVALIDITY is not the one a filing's UIDs were read with: they may name other mails. */
	public static class UidValidityChanged extends MailboxException {

		UidValidityChanged(long read, long now) {
			super("The inbox's UIDVALIDITY changed from " + read + " to " + now + " since the read", null);
		}

	}

	/**
	 * Up to {@code max} mails from the start of the inbox, and no more than {@code maxBytes} of them
	 * together (but always at least one); bodies over {@code maxSize} are left to spool and do not
	 * count, since they are never held in memory.
	 */
	public synchronized Fetched fetch(int max, long maxSize, long maxBytes) {
		return fetch(max, maxSize, maxBytes, null);
	}

	/**
	 * As {@link #fetch(int, long, long)}, leaving out the UIDs of {@code skip} (mails settled in the
	 * register but waiting to be filed) when the inbox still has the UIDVALIDITY they were read with.
	 */
	public synchronized Fetched fetch(int max, long maxSize, long maxBytes, Filing skip) {
		try {
			IMAPFolder folder = open();
			long validity = folder.getUIDValidity();
			List<long[]> all = sizes(folder);
			if (skip != null && skip.uidValidity() == validity) {
				all.removeIf((entry) -> skip.destinations().containsKey(entry[0]));
			}
			List<long[]> batch = batch(all, max, maxSize, maxBytes);
			if (batch.isEmpty()) {
				return new Fetched(List.of(), false, validity);
			}
			return new Fetched(bodies(folder, batch, maxSize), batch.size() < all.size(), validity);
		}
		catch (MessagingException | RuntimeException ex) {
			disconnect();
			throw new MailboxException("Reading the inbox failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Moves each mail to its folder, one command per folder. UIDs no longer in the inbox are skipped.
	 * Refused with {@link UidValidityChanged}, before any command, when the inbox's UIDVALIDITY is not
	 * the filing's.
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

	/**
	 * UIDs and sizes of all mails, oldest first, asked of the server by UID range rather than
	 * computed from the client's cached message count, which can lag behind the server. Mails with
	 * {@value #FILED_KEYWORD} were filed already and are left out.
	 */
	private List<long[]> sizes(IMAPFolder folder) throws MessagingException {
		Response[] responses = command(folder, "UID FETCH 1:* (UID RFC822.SIZE FLAGS)", null);
		List<long[]> sizes = new ArrayList<>();
		for (Response response : responses) {
			if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null) {
				FLAGS flags = fetch.getItem(FLAGS.class);
				if (flags != null && flags.contains(FILED_KEYWORD)) {
					continue;
				}
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

	/**
	 * The bodies of these UIDs. A UID the server answers for without a body, or with NIL, is kept as
	 * a mail without body (intake quarantines it); a UID it does not answer for at all is gone from
	 * the inbox and left out.
	 */
	private List<FetchedMail> fetchBodies(IMAPFolder folder, List<Long> uids) throws MessagingException {
		String set = UIDSet.toString(UIDSet.createUIDSets(uids.stream().mapToLong(Long::longValue).toArray()));
		Response[] responses = command(folder, "UID FETCH " + set + " (UID INTERNALDATE BODY.PEEK[])", null);
		Map<Long, FetchedMail> mails = new TreeMap<>();
		for (Response response : responses) {
			if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null
					&& uids.contains(fetch.getItem(UID.class).uid)) {
				long uid = fetch.getItem(UID.class).uid;
				INTERNALDATE date = fetch.getItem(INTERNALDATE.class);
				Instant received = date == null ? null : date.getDate().toInstant();
				BODY body = fetch.getItem(BODY.class);
				ByteArray bytes = body == null ? null : body.getByteArray();
				if (bytes != null) {
					byte[] raw = bytes.getNewBytes();
					mails.put(uid, new FetchedMail(uid, received, raw.length, raw, null));
				}
				else {
					mails.putIfAbsent(uid, FetchedMail.withoutBody(uid, received));
				}
			}
		}
		List<FetchedMail> read = new ArrayList<>(mails.values());
		for (FetchedMail mail : read) {
			if (mail.bodyMissing()) {
				log.warn("The server sent mail uid {} without its body", mail.uid());
			}
		}
		return read;
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
			long[] uncopied = uncopied(folder, set);
			if (uncopied.length > 0) {
				String copy = UIDSet.toString(UIDSet.createUIDSets(uncopied));
				command(folder, "UID COPY " + copy, mailbox);
				command(folder, "UID STORE " + copy + " +FLAGS.SILENT (\\Deleted " + FILED_KEYWORD + ")", null);
			}
			if (imap.hasCapability("UIDPLUS")) {
				command(folder, "UID EXPUNGE " + set, null);
			}
		}
	}

	/**
	 * The UIDs of the set still in the inbox without {@value #FILED_KEYWORD}: a filing tried again
	 * after its expunge failed copies nothing twice.
	 */
	private static long[] uncopied(IMAPFolder folder, String set) throws MessagingException {
		Response[] responses = command(folder, "UID FETCH " + set + " (UID FLAGS)", null);
		List<Long> uids = new ArrayList<>();
		for (Response response : responses) {
			if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null) {
				FLAGS flags = fetch.getItem(FLAGS.class);
				if (flags == null || !flags.contains(FILED_KEYWORD)) {
					uids.add(fetch.getItem(UID.class).uid);
				}
			}
		}
		return uids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
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
