package nl.klachten.register;

import nl.klachten.committee.MessageId;

/**
 * Message-IDs as the register stores them: the id's text, no brackets, or NULL when there
 * is none. Reading goes through {@link MessageId#stored}, which never refuses what an
 * older version wrote.
 */
final class StoredMessageIds {

	private StoredMessageIds() {
	}

	/** The column value of an id that may be absent. */
	static String text(MessageId id) {
		return (id != null) ? id.value() : null;
	}

}
