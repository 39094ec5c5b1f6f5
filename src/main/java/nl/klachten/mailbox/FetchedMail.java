package nl.klachten.mailbox;

import java.time.Instant;

import nl.klachten.register.DataFiles;

/**
 * One mail as read from the inbox: its UID, the server's receipt time (INTERNALDATE, the
 * submission date of R6; null when the server gave none) and its raw bytes. A mail over the size limit is not held in memory:
 * {@code raw} is null and {@code spool} streams it from the server.
 */
public record FetchedMail(long uid, Instant receivedAt, long size, byte[] raw, DataFiles.Writer spool) {

	public boolean oversize() {
		return this.raw == null;
	}

	@Override
	public String toString() {
		return "FetchedMail[uid=" + this.uid + ", " + this.size + " bytes]";
	}

}
