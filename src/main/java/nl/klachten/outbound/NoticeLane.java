package nl.klachten.outbound;

import java.util.function.LongSupplier;

import jakarta.mail.MessagingException;
import nl.klachten.mailbox.NoticeFolder;

/**
 * The notices folder's IMAP connection, kept open between batches as the SMTP lanes keep
 * theirs ({@link SmtpLane}, issue 15): before a batch it is asked whether it still stands
 * ({@code NOOP}), and opened again when not, so a connection the server timed out never
 * defers a notice. Exactly once does not rest on the connection: a notice with a try on
 * record is looked for in the folder first, over whatever connection.
 */
final class NoticeLane extends KeptConnection<NoticeFolder.Connection> {

	private final NoticeFolder folder;

	/** Between {@link #connection()} and {@link #done()}: the idle check leaves it be. */
	private boolean busy;

	NoticeLane(NoticeFolder folder, LongSupplier nanos) {
		super(nanos, NoticeFolder.Connection::close);
		this.folder = folder;
	}

	/** The connection for a batch: the kept one while it stands, else a new one. */
	synchronized NoticeFolder.Connection connection() throws MessagingException {
		if (current() != null && (idle() || !current().usable())) {
			close();
		}
		if (current() == null) {
			keep(this.folder.open());
		}
		used();
		this.busy = true;
		return current();
	}

	/**
	 * After a batch, placed or not: the connection stays for the next, unless the
	 * processor stops.
	 */
	synchronized void done() {
		this.busy = false;
		used();
		closeUnlessKept();
	}

	/**
	 * From the poller, on its own thread: a connection unused for {@link #IDLE} closes,
	 * never one a batch is using.
	 */
	synchronized void closeIfIdle() {
		if (current() != null && !this.busy && idle()) {
			close();
		}
	}

}
