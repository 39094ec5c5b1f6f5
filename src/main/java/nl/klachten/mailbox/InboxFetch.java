package nl.klachten.mailbox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading a batch from the inbox in two round trips however large it is: UIDs and sizes
 * of every mail, then the bodies with {@code BODY.PEEK[]}, in chunks of at most 32 MB. A
 * body over the size limit is not fetched: it is spooled from the server when intake
 * stores it. Mail carrying {@value ImapMailbox#FILED_KEYWORD} was filed already and is
 * not read again.
 */
final class InboxFetch {

	private static final Logger log = LoggerFactory.getLogger(InboxFetch.class);

	private static final long MAX_BYTES_PER_FETCH = 32L * 1024 * 1024;

	private InboxFetch() {
	}

	/**
	 * UIDs and sizes of all mails, oldest first, asked of the server by UID range rather
	 * than computed from the client's cached message count, which can lag behind the
	 * server. Mails with {@value ImapMailbox#FILED_KEYWORD} were filed already and are
	 * left out.
	 */
	static List<long[]> sizes(IMAPFolder folder) throws MessagingException {
		// A NOOP first: a server may leave mail delivered since this connection's last
		// command out of its view until it syncs, and announce it only after the fetch
		// (Dovecot does): without it a read woken by IDLE can miss the very mail that
		// woke it.
		ImapCommand.run(folder, "NOOP", null);
		Response[] responses = ImapCommand.run(folder, "UID FETCH 1:* (UID RFC822.SIZE FLAGS)", null);
		List<long[]> sizes = new ArrayList<>();
		for (Response response : responses) {
			if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null) {
				FLAGS flags = fetch.getItem(FLAGS.class);
				if (flags != null && flags.contains(ImapMailbox.FILED_KEYWORD)) {
					continue;
				}
				RFC822SIZE size = fetch.getItem(RFC822SIZE.class);
				sizes.add(new long[] { fetch.getItem(UID.class).uid, size == null ? 0 : size.size });
			}
		}
		sizes.sort((a, b) -> Long.compare(a[0], b[0]));
		return sizes;
	}

	/** The mails of these UIDs and sizes; those over {@code maxSize} to be spooled. */
	static List<FetchedMail> bodies(IMAPFolder folder, List<long[]> sizes, long maxSize) throws MessagingException {
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
	 * The bodies of these UIDs. A UID the server answers for without a body, or with NIL,
	 * is kept as a mail without body (intake quarantines it); a UID it does not answer
	 * for at all is gone from the inbox and left out.
	 */
	private static List<FetchedMail> fetchBodies(IMAPFolder folder, List<Long> uids) throws MessagingException {
		String set = ImapCommand.uidSet(uids.stream().mapToLong(Long::longValue).toArray());
		Response[] responses = ImapCommand.run(folder, "UID FETCH " + set + " (UID INTERNALDATE BODY.PEEK[])", null);
		Map<Long, FetchedMail> mails = new TreeMap<>();
		for (Response response : responses) {
			if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null
					&& uids.contains(fetch.getItem(UID.class).uid)) {
				add(mails, fetch);
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

	/** A response with the body wins over one without, for the same UID. */
	private static void add(Map<Long, FetchedMail> mails, FetchResponse fetch) {
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

	private static FetchedMail oversize(IMAPFolder folder, long uid, long size) throws MessagingException {
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

}
