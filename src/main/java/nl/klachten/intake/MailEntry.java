package nl.klachten.intake;

import nl.klachten.committee.OperatorEvents;
import nl.klachten.mailbox.FetchedMail;
import nl.klachten.register.DataFiles;

/**
 * One mail as the intake books it, the same five facts every record of it needs: its
 * dedupe key, the parsed mail (null when it was not parsed), its stored raw bytes, the
 * mail as fetched (its receipt time) and its content digest (null when it was not
 * parsed).
 */
record MailEntry(String key, InboundMail mail, DataFiles.Stored raw, FetchedMail fetched, String digest) {

	@Override
	public String toString() {
		return "MailEntry[" + OperatorEvents.hash(this.key) + "]";
	}

}
