package nl.klachten.mailbox;

import java.util.Map;

/**
 * Where each mail of a batch goes once the register has committed: UID to the folder it is moved
 * to. A mail left out stays in the inbox to be tried again.
 */
public record Filing(Map<Long, Destination> destinations) {

	public Filing {
		destinations = Map.copyOf(destinations);
	}

	public enum Destination {

		PROCESSED, QUARANTINE

	}

}
