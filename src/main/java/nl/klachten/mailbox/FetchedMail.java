package nl.klachten.mailbox;

import java.time.Instant;

import nl.klachten.register.DataFiles;

/**
 * One mail as read from the inbox: its UID, the server's receipt time (INTERNALDATE, the
 * submission date of R6; null when the server gave none) and its raw bytes. A mail over
 * the size limit is not held in memory: {@code raw} is null and {@code spool} streams it
 * from the server. A mail the server answered without its body ({@code BODY[]} missing or
 * NIL) has {@code bodyMissing} set and empty bytes: intake quarantines it rather than
 * skip it or fail on it.
 */
public record FetchedMail(long uid, Instant receivedAt, long size, byte[] raw, DataFiles.Writer spool,
		boolean bodyMissing) {

	public FetchedMail(long uid, Instant receivedAt, long size, byte[] raw, DataFiles.Writer spool) {
		this(uid, receivedAt, size, raw, spool, false);
	}

	/** A UID of the batch for which the server sent no body (or NIL). */
	static FetchedMail withoutBody(long uid, Instant receivedAt) {
		return new FetchedMail(uid, receivedAt, 0, new byte[0], null, true);
	}

	public boolean oversize() {
		return this.raw == null;
	}

	@Override
	public String toString() {
		return "FetchedMail[uid=" + this.uid + ", " + this.size + " bytes" + (this.bodyMissing ? ", no body" : "")
				+ "]";
	}

}
