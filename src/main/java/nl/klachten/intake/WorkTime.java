package nl.klachten.intake;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Work done by the current thread, in nanoseconds: its CPU time where the JVM measures
 * it, elapsed time otherwise. Routing a mail is bounded by work rather than elapsed time,
 * so a mail that merely waits (for the register's write lock held by a backup, for the
 * disk) is not mistaken for a hostile one. Not the time of day: only differences mean
 * anything.
 */
final class WorkTime {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

	private WorkTime() {
	}

	static long nanos() {
		return CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
	}

}
