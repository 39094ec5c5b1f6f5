package nl.klachten.mailbox;

import java.util.Map;

/**
 * Where each mail of a batch goes once the register has committed: UID to the folder it
 * is moved to. A mail left out stays in the inbox to be tried again. The UIDs are those
 * of the read with {@code uidValidity} (-1 when unknown): when the inbox's UIDVALIDITY
 * has changed since, they may name other mails, and the filing is refused rather than
 * carried out.
 */
public record Filing(Map<Long, Destination> destinations, long uidValidity) {

	public Filing {
		destinations = Map.copyOf(destinations);
	}

	public Filing(Map<Long, Destination> destinations) {
		this(destinations, -1);
	}

	public enum Destination {

		PROCESSED, QUARANTINE

	}

}
