package nl.klachten.intake;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs {@link MimeParser#parse} for one mail on a worker thread and waits at most the
 * mail's time budget. Only the parse runs there, never routing: the register's
 * transaction is bound to the intake thread (Spring keeps it in a thread-local), so work
 * that touches the register cannot move to another thread, while the parse is pure and is
 * the part an attacker controls most. A parse that overruns is interrupted and abandoned;
 * it stops at its next read ({@link InterruptibleInput}), and its result is dropped. A
 * parse that fails with any {@link Throwable} (a {@link StackOverflowError} included)
 * gives that throwable back to the intake thread, where it is the mail's failure. The
 * worker threads are daemons: an abandoned parse never holds up shutdown.
 */
@Component
class ParseWorker implements DisposableBean {

	private final MimeParser parser;

	private final ExecutorService workers;

	@Autowired
	ParseWorker(MimeParser parser, IntakeSettings settings) {
		this(parser, settings.parseStackSize().toBytes());
	}

	ParseWorker(MimeParser parser, long stackSize) {
		this.parser = parser;
		this.workers = Executors.newCachedThreadPool(daemons(stackSize));
	}

	/**
	 * The parse result within the budget.
	 * @throws TimeLimitExceeded when the parse took longer
	 * @throws Interrupted when the intake thread itself is interrupted (shutdown): not
	 * the mail's fault
	 */
	ParseResult parse(byte[] raw, Duration budget) {
		Future<ParseResult> parse = this.workers.submit(() -> this.parser.parse(raw));
		try {
			return parse.get(budget.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			parse.cancel(true);
			throw new TimeLimitExceeded();
		}
		catch (InterruptedException ex) {
			parse.cancel(true);
			Thread.currentThread().interrupt();
			throw new Interrupted();
		}
		catch (ExecutionException ex) {
			throw rethrown(ex.getCause());
		}
	}

	private static RuntimeException rethrown(Throwable cause) {
		if (cause instanceof Error error) {
			throw error;
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		return new IllegalStateException(cause.getClass().getSimpleName(), cause);
	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
	}

	private static ThreadFactory daemons(long stackSize) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(null, task, "mime-parse-" + count.incrementAndGet(), stackSize);
			thread.setDaemon(true);
			return thread;
		};
	}

	/** The intake thread was interrupted while it waited for a parse. */
	static final class Interrupted extends RuntimeException {

		Interrupted() {
			super("intake interrupted", null, false, false);
		}

	}

}
