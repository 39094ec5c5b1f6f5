package nl.klachten.outbound;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the outbox's kept connections share ({@link SmtpLane}, {@link NoticeLane}, issue
 * 15): the connection itself while it stands, when it was last used, and whether it may
 * be kept after a batch (not once the processor stops). Unused for {@link #IDLE} it is
 * closed. The subclasses' methods and these are synchronized on the same object, so a
 * stop waits for the mail on the wire.
 */
abstract class KeptConnection<C> {

	/** Unused this long, the connection is closed: well inside any server's timeout. */
	static final Duration IDLE = Duration.ofSeconds(30);

	private final LongSupplier nanos;

	private final Consumer<C> closer;

	private C connection;

	private long lastUse;

	private boolean reuse = true;

	KeptConnection(LongSupplier nanos, Consumer<C> closer) {
		this.nanos = nanos;
		this.closer = closer;
	}

	/** The connection while it stands, else null. */
	final C current() {
		return this.connection;
	}

	final void keep(C opened) {
		this.connection = opened;
	}

	/** Marks the connection used now. */
	final void used() {
		this.lastUse = this.nanos.getAsLong();
	}

	final boolean idle() {
		return this.nanos.getAsLong() - this.lastUse >= IDLE.toNanos();
	}

	/** After a batch: the connection stays for the next, unless the processor stops. */
	final synchronized void closeUnlessKept() {
		if (!this.reuse) {
			close();
		}
	}

	/**
	 * The processor stops: closed now, and after any batch still going (no reuse).
	 */
	final synchronized void stop() {
		this.reuse = false;
		close();
	}

	final synchronized void start() {
		this.reuse = true;
	}

	/**
	 * After a failed command, or when stopping: the next batch opens a new connection.
	 */
	final synchronized void close() {
		if (this.connection != null) {
			this.closer.accept(this.connection);
			this.connection = null;
		}
	}

}
