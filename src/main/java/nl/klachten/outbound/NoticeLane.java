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
final class NoticeLane {

	private final NoticeFolder folder;

	private final LongSupplier nanos;

	private NoticeFolder.Connection connection;

	private long lastUse;

	private boolean reuse = true;

	/** Between {@link #connection()} and {@link #done()}: the idle check leaves it be. */
	private boolean busy;

	NoticeLane(NoticeFolder folder, LongSupplier nanos) {
		this.folder = folder;
		this.nanos = nanos;
	}

	/** The connection for a batch: the kept one while it stands, else a new one. */
	synchronized NoticeFolder.Connection connection() throws MessagingException {
		if (this.connection != null && (idle() || !this.connection.usable())) {
			close();
		}
		if (this.connection == null) {
			this.connection = this.folder.open();
		}
		this.lastUse = this.nanos.getAsLong();
		this.busy = true;
		return this.connection;
	}

	/**
	 * After a batch, placed or not: the connection stays for the next, unless the
	 * processor stops.
	 */
	synchronized void done() {
		this.busy = false;
		this.lastUse = this.nanos.getAsLong();
		if (!this.reuse) {
			close();
		}
	}

	/**
	 * From the poller, on its own thread: a connection unused for {@link SmtpLane#IDLE}
	 * closes, never one a batch is using.
	 */
	synchronized void closeIfIdle() {
		if (this.connection != null && !this.busy && idle()) {
			close();
		}
	}

	synchronized void stop() {
		this.reuse = false;
		close();
	}

	synchronized void start() {
		this.reuse = true;
	}

	/** After a failed command: the next batch opens a new connection. */
	synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

	private boolean idle() {
		return this.nanos.getAsLong() - this.lastUse >= SmtpLane.IDLE.toNanos();
	}

}
