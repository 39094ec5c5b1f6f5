package nl.klachten.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import nl.klachten.committee.Failures;
import nl.klachten.committee.RealTimeBackoff;

/**
 * Mails the register has settled but the server would not let us file (a {@code MOVE}
 * refused over quota, a connection cut during it). They stay in the inbox, are tried
 * again after a backoff of 1 s doubling to 5 min rather than at every poll, and are left
 * out of the next reads, so intake goes on with newer mail instead of reading the same
 * oldest batch again. Kept in memory only: after a restart they are read again, and the
 * register's dedupe key makes that a no-op that files them. The UIDs belong to one
 * UIDVALIDITY; when the inbox's changes they are forgotten and read again.
 */
public class PendingFilings {

	private final Clock clock;

	private final RealTimeBackoff backoff;

	private final Map<Long, Filing.Destination> waiting = new LinkedHashMap<>();

	private long uidValidity = -1;

	private Instant since;

	private String lastError;

	public PendingFilings(Clock clock) {
		this(clock, System::nanoTime);
	}

	PendingFilings(Clock clock, LongSupplier ticker) {
		this.clock = clock;
		this.backoff = new RealTimeBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), ticker);
	}

	/**
	 * How filing goes: the mails waiting, since when (null when none), the failures in a
	 * row, the last error's class.
	 */
	public record State(int waiting, Instant since, int failuresInRow, String lastError) {
	}

	public synchronized State state() {
		return new State(this.waiting.size(), this.since, this.backoff.failuresInRow(), this.lastError);
	}

	/**
	 * This filing failed with this error (its root cause's class name is kept, not its
	 * message): wait and try again.
	 */
	public synchronized Duration failed(Filing filing, Throwable error) {
		if (filing.uidValidity() != this.uidValidity) {
			this.waiting.clear();
			this.uidValidity = filing.uidValidity();
		}
		if (this.waiting.isEmpty() && this.since == null) {
			this.since = this.clock.instant();
		}
		this.waiting.putAll(filing.destinations());
		this.lastError = Failures.rootCause(error).getClass().getSimpleName();
		return this.backoff.failed();
	}

	/**
	 * This filing went through: its mails wait no more, and any others are tried at once.
	 */
	public synchronized void filed(Filing filing) {
		if (filing.uidValidity() == this.uidValidity) {
			filing.destinations().keySet().forEach(this.waiting::remove);
		}
		this.backoff.tryNow();
		if (this.waiting.isEmpty()) {
			reset();
		}
	}

	/** The mails waiting, to be left out of a read; empty when none. */
	public synchronized Filing waiting() {
		return new Filing(this.waiting, this.uidValidity);
	}

	/** The mails waiting when their next try is due, else null. */
	public synchronized Filing due() {
		if (this.waiting.isEmpty() || !this.backoff.ready()) {
			return null;
		}
		return new Filing(this.waiting, this.uidValidity);
	}

	/**
	 * The inbox now has this UIDVALIDITY: waiting UIDs of another are forgotten (the
	 * mails are read again under their new UIDs). The number forgotten.
	 */
	public synchronized int uidValidityIs(long uidValidity) {
		if (this.waiting.isEmpty() || uidValidity == this.uidValidity) {
			return 0;
		}
		int forgotten = this.waiting.size();
		reset();
		return forgotten;
	}

	/** Forgets every mail waiting (they are read again); the number forgotten. */
	public synchronized int forgetAll() {
		int forgotten = this.waiting.size();
		reset();
		return forgotten;
	}

	private void reset() {
		this.waiting.clear();
		this.since = null;
		this.lastError = null;
		this.backoff.succeeded();
	}

}
