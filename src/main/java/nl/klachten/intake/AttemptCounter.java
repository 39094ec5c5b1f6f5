package nl.klachten.intake;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.klachten.register.InboundLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the failed tries of a mail so that the count survives whatever happens to the
 * batch. SQLite has one writer: a REQUIRES_NEW transaction beside the open batch
 * transaction would wait for the batch's own write lock. So the failures of a batch are
 * noted in memory while it runs (the try number is the stored count plus one) and written
 * in a short transaction of their own after the batch has committed or rolled back.
 */
@Component
class AttemptCounter {

	private static final Logger log = LoggerFactory.getLogger(AttemptCounter.class);

	private final InboundLog inbound;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	AttemptCounter(InboundLog inbound, PlatformTransactionManager transactions, Clock clock) {
		this.inbound = inbound;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Lets through what is not one mail's failure. A {@link StackOverflowError} unwinds
	 * the stack it overflowed, and an {@link OutOfMemoryError} in a parse or route frees
	 * what that mail took: both are the mail's, and the JVM goes on. Any other
	 * {@link VirtualMachineError} ({@link InternalError}, {@link UnknownError}) says the
	 * JVM itself is broken, and a {@link LinkageError} that the build is; blaming each
	 * mail in turn would move the whole inbox to quarantine, so these fail the batch
	 * (nothing is filed, nothing is lost). Likewise an interrupt of the intake thread
	 * (shutdown).
	 */
	static void rethrowIfNotTheMails(Throwable ex) {
		if (ex instanceof StackOverflowError || ex instanceof OutOfMemoryError) {
			return;
		}
		if (ex instanceof Error error && (error instanceof VirtualMachineError || error instanceof LinkageError)) {
			throw error;
		}
		if (ex instanceof ParseWorker.Interrupted interrupted) {
			throw interrupted;
		}
	}

	Batch startBatch() {
		return new Batch();
	}

	/** The failures of one batch, written by {@link #close()}. */
	final class Batch implements AutoCloseable {

		private final Map<String, String> failures = new LinkedHashMap<>();

		private Batch() {
		}

		/**
		 * Notes a failed try and returns its number, counting the tries of earlier
		 * batches.
		 */
		int failed(String key, String errorClass) {
			int earlier = AttemptCounter.this.inbound.attemptsOf(key);
			this.failures.put(key, errorClass);
			return earlier + 1;
		}

		@Override
		public void close() {
			if (this.failures.isEmpty()) {
				return;
			}
			try {
				AttemptCounter.this.ownTransaction
					.executeWithoutResult((status) -> this.failures.forEach((key, error) -> AttemptCounter.this.inbound
						.countFailure(key, error, AttemptCounter.this.clock.instant())));
			}
			catch (RuntimeException ex) {
				log.warn("Counting {} failed mails failed ({})", this.failures.size(), ex.getClass().getSimpleName());
			}
		}

	}

}
