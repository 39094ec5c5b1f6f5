package nl.klachten.committee;

/**
 * Counts what happened, for the operator's metrics, beside the log of
 * {@link OperatorEvents}. The capabilities call it at the event; what counts (Micrometer,
 * in {@code nl.klachten.metrics}) stays out of them. Arguments are kinds and reason codes
 * from fixed sets, never a name, an address or any text of a mail.
 */
public interface EventCounter {

	/** Counts nothing: for code run without the processor (a test, an admin command). */
	EventCounter NONE = new EventCounter() {
	};

	/** Mails fetched from the inbox in one batch. */
	default void mailsRead(int count) {
	}

	/** A new complaint registered as a case. */
	default void caseRegistered() {
	}

	/** A mail kept in the ignored list, with its reason code. */
	default void ignored(String reason) {
	}

	/** A mail quarantined, with its reason code. */
	default void quarantined(String reason) {
	}

	/** A command mail applied ({@code refused == false}) or refused. */
	default void command(boolean refused) {
	}

	/** An outbox mail of this kind sent over SMTP. */
	default void mailSent(String kind) {
	}

	/** An outbox mail of this kind refused for every recipient (5xx): not retried. */
	default void mailRefused(String kind) {
	}

	/** A notice for the chair placed in the notices folder. */
	default void noticePlaced(String kind) {
	}

}
