package nl.klachten.register;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Pages of case files read on a thread of their own while the caller handles the one
 * before (issue 15): the export of 100,000 cases spends about a third of its time reading
 * the register and the rest writing JSON, and on two cores the two can overlap. At most
 * {@value #AHEAD} pages wait between them, so memory stays a few pages. The cases reach
 * the caller in the reader's order. A failure of the reader is thrown to the caller as it
 * was thrown (so a command fails with the register's own message); a failure of the
 * caller stops the reader, and the call returns only when the reader has stopped, so that
 * the connection is no longer in use when the context closes it.
 */
final class ReadAhead {

	/** Pages read ahead of the caller. */
	static final int AHEAD = 2;

	private static final Object END = new Object();

	private ReadAhead() {
	}

	/**
	 * Runs {@code reader} on a thread of its own and hands every case it gives, page by
	 * page, to {@code each} on this thread.
	 * @return how many cases there were
	 */
	@SuppressWarnings("unchecked")
	static int forEach(Consumer<Consumer<List<CaseFile>>> reader, Consumer<CaseFile> each) {
		BlockingQueue<Object> pages = new ArrayBlockingQueue<>(AHEAD);
		Thread thread = new Thread(() -> read(reader, pages), "register-read-ahead");
		thread.setDaemon(true);
		thread.start();
		int count = 0;
		try {
			while (true) {
				Object next = take(pages);
				if (next == END) {
					return count;
				}
				if (next instanceof Failure failure) {
					throw failure.rethrown();
				}
				List<CaseFile> page = (List<CaseFile>) next;
				page.forEach(each);
				count += page.size();
			}
		}
		finally {
			thread.interrupt();
			joinUninterruptibly(thread);
		}
	}

	private static void read(Consumer<Consumer<List<CaseFile>>> reader, BlockingQueue<Object> pages) {
		try {
			reader.accept((page) -> put(pages, page));
			put(pages, END);
		}
		catch (Stopped ex) {
			// the caller failed or is done: nobody takes pages any more
		}
		catch (Throwable ex) {
			try {
				put(pages, new Failure(ex));
			}
			catch (Stopped stopped) {
				// the caller failed too and throws its own failure
			}
		}
	}

	private static void put(BlockingQueue<Object> pages, Object page) {
		try {
			pages.put(page);
		}
		catch (InterruptedException ex) {
			throw new Stopped();
		}
	}

	private static Object take(BlockingQueue<Object> pages) {
		try {
			return pages.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the register", ex);
		}
	}

	private static void joinUninterruptibly(Thread thread) {
		boolean interrupted = false;
		while (thread.isAlive()) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** The reader's failure, handed to the caller in the place of the next page. */
	private record Failure(Throwable error) {

		RuntimeException rethrown() {
			if (this.error instanceof RuntimeException runtime) {
				return runtime;
			}
			if (this.error instanceof Error error) {
				throw error;
			}
			return new IllegalStateException(this.error);
		}

	}

	/** Ends the reader when the caller takes no more pages. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

}
