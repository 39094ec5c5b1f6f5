package nl.klachten.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * The transport floor's IMAP side: one connection to the intake INBOX and the three bulk
 * commands the floor needs, sent as they are ({@code UID SEARCH ALL},
 * {@code UID FETCH set (BODY.PEEK[])}, {@code UID MOVE set folder}), one round trip each
 * for however many mails the INBOX holds. The untagged responses other than the fetched
 * bodies go to the folder, so that it keeps its count.
 */
final class FloorImap implements AutoCloseable {

	private final Store store;

	private final IMAPFolder inbox;

	FloorImap(MailServers servers) throws MessagingException {
		this.store = servers.imapSession().getStore("imap");
		this.store.connect(servers.host(), servers.imapPort(), MailServers.INTAKE, MailServers.INTAKE_PASSWORD);
		Folder target = this.store.getFolder(MailServers.FLOOR_FOLDER);
		if (!target.exists()) {
			target.create(Folder.HOLDS_MESSAGES);
		}
		this.inbox = (IMAPFolder) this.store.getFolder("INBOX");
		this.inbox.open(Folder.READ_WRITE);
	}

	/** The UIDs of everything in the INBOX. */
	long[] search() throws MessagingException {
		return (long[]) this.inbox.doCommand((p) -> {
			List<Long> uids = new ArrayList<>();
			for (Response r : run(p, "UID SEARCH ALL")) {
				if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
					for (long uid = ir.readLong(); uid != -1; uid = ir.readLong()) {
						uids.add(uid);
					}
				}
			}
			return uids.stream().mapToLong(Long::longValue).sorted().toArray();
		});
	}

	/** The raw bytes of these messages, in one fetch. */
	@SuppressWarnings("unchecked")
	List<byte[]> fetch(long[] uids) throws MessagingException {
		return (List<byte[]>) this.inbox.doCommand((p) -> {
			List<byte[]> bodies = new ArrayList<>();
			for (Response r : run(p, "UID FETCH " + set(uids) + " (UID BODY.PEEK[])")) {
				BODY body = r instanceof FetchResponse f ? f.getItem(BODY.class) : null;
				if (body != null) {
					bodies.add(body.getByteArrayInputStream().readAllBytes());
				}
			}
			return bodies;
		});
	}

	/** Moves these messages to the floor's folder, in one command. */
	void move(long[] uids) throws MessagingException {
		this.inbox.doCommand((p) -> run(p, "UID MOVE " + set(uids) + " " + MailServers.FLOOR_FOLDER));
	}

	/**
	 * Waits for the server's next word on the INBOX (IDLE), or for {@link #wake()} from
	 * another thread.
	 */
	void idle() throws MessagingException {
		this.inbox.idle(true);
	}

	/** Ends a running {@link #idle()} (a NOOP, which first ends the IDLE). */
	void wake() throws MessagingException {
		this.inbox.getMessageCount();
	}

	private static Response[] run(IMAPProtocol p, String command) throws ProtocolException {
		Response[] responses = p.command(command, null);
		p.notifyResponseHandlers(
				Arrays.stream(responses).filter((r) -> !(r instanceof FetchResponse)).toArray(Response[]::new));
		p.handleResult(responses[responses.length - 1]);
		return responses;
	}

	/**
	 * "3:7,9,12:13": consecutive UIDs as ranges, so that the command line stays short.
	 */
	static String set(long[] uids) {
		StringBuilder set = new StringBuilder();
		for (int i = 0; i < uids.length; i++) {
			int j = i;
			while (j + 1 < uids.length && uids[j + 1] == uids[j] + 1) {
				j++;
			}
			set.append(set.isEmpty() ? "" : ",").append(uids[i]).append(i == j ? "" : ":" + uids[j]);
			i = j;
		}
		return set.toString();
	}

	@Override
	public void close() {
		try {
			this.store.close();
		}
		catch (MessagingException ex) {
			// closing anyway
		}
	}

}
