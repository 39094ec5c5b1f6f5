package nl.klachten.register;

/**
 * This process among the processes that share one register (issue 16, CONTRACT §7). One
 * of them leads the mailbox: it alone reads the inbox, drains the outbox and runs the
 * daily jobs; the others stand by and take over when it stops. On SQLite there is one
 * process, which always leads ({@link #single()}); on PostgreSQL the lead is a session
 * lock of the database ({@link PostgresInstances}), which a stopped process loses with
 * its connection. The outbox leases carry the {@link #id()} of the process that took
 * them, so that those of a stopped process can be released while a live one keeps its
 * own.
 */
public interface Instances extends AutoCloseable {

	/** This process's id, as written on the outbox leases it takes. */
	String id();

	/**
	 * Whether this process reads the mailbox, sends the outbox and runs the daily jobs.
	 */
	boolean leads();

	/**
	 * Takes the register's lead when no live process has it, or checks that this process
	 * still holds it; called every few seconds. Whether it leads now. There is one lead a
	 * register, whatever its mailbox is called: two processes set up with different
	 * addresses on one register still never both read and send.
	 */
	boolean tick();

	/**
	 * Whether this process could check the lead lately: a standby that cannot (the
	 * register refuses its connection or its settings) would never take over.
	 */
	default boolean checking() {
		return true;
	}

	/**
	 * Whether other processes may share the register, so that leases of stopped ones can
	 * turn up at any time; on SQLite only those left before this process started exist.
	 */
	default boolean shared() {
		return false;
	}

	/**
	 * Whether the process that took a lease has stopped: a lease without an owner (taken
	 * before owners were written) has.
	 */
	boolean stopped(String owner);

	/** Gives the lead up at stop, so that another process takes over at once. */
	@Override
	default void close() {
	}

	/**
	 * The one process on a SQLite register: it leads, and every other owner has stopped.
	 */
	static Instances single() {
		String id = InstanceIds.next();
		return new Instances() {

			@Override
			public String id() {
				return id;
			}

			@Override
			public boolean leads() {
				return true;
			}

			@Override
			public boolean tick() {
				return true;
			}

			@Override
			public boolean stopped(String owner) {
				return !id.equals(owner);
			}

		};
	}

}
