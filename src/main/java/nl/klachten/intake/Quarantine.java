package nl.klachten.intake;

import java.util.Optional;

import nl.klachten.committee.OperatorEvents;
import nl.klachten.mailbox.Filing;
import nl.klachten.register.InboundLog;
import nl.klachten.register.InboundRecord.Outcome;
import nl.klachten.register.RegisterFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail that cannot be routed (CONTRACT §4): over a limit, without a body, unparseable,
 * over its time budget, or failing until {@code max-attempts}. It is quarantined with a
 * reason code, its raw bytes kept, in a transaction of its own, so that it never blocks
 * the mails behind it.
 */
@Component
class Quarantine {

	private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

	private final InboundLog inbound;

	private final InboundRecorder recorder;

	private final ReusedMessageIdNotice reuse;

	private final IntakeSettings settings;

	private final TransactionTemplate transaction;

	Quarantine(InboundLog inbound, InboundRecorder recorder, ReusedMessageIdNotice reuse, IntakeSettings settings,
			PlatformTransactionManager transactions) {
		this.inbound = inbound;
		this.recorder = recorder;
		this.reuse = reuse;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Quarantines a mail unless it was settled before under its key (read again after a
	 * crash before filing). A quarantined mail that reused a Message-ID is told to the
	 * chair as a routed one would be.
	 */
	Filing.Destination once(MailEntry entry, String reason) {
		return this.transaction
			.execute((status) -> this.inbound.outcomeOf(entry.key()).map(InboundRecorder::destination).orElseGet(() -> {
				Filing.Destination destination = this.recorder.settle(entry, null, Outcome.QUARANTINED, reason);
				if (Dedupe.reused(entry)) {
					this.reuse.tell(entry.mail().id(), false);
				}
				return destination;
			}));
	}

	/**
	 * A mail whose parse or route failed: over its time budget it is quarantined at once;
	 * otherwise it stays in the inbox (empty) for another try until {@code max-attempts}.
	 * A failure that is not the mail's ({@link AttemptCounter#rethrowIfNotTheMails}, a
	 * fault of the register's machine) goes on up and fails the batch.
	 */
	Optional<Filing.Destination> failed(MailEntry entry, Throwable ex, AttemptCounter.Batch attempts) {
		AttemptCounter.rethrowIfNotTheMails(ex);
		if (ex instanceof RuntimeException runtime && RegisterFaults.isMachine(runtime)) {
			throw runtime;
		}
		if (ex instanceof TimeLimitExceeded) {
			return Optional.of(once(entry, "time-limit"));
		}
		String error = ex.getClass().getSimpleName();
		int attempt = attempts.failed(entry.key(), error);
		log.warn("Processing mail {} failed ({}), try {} of {}", OperatorEvents.hash(entry.key()), error, attempt,
				this.settings.maxAttempts());
		if (attempt < this.settings.maxAttempts()) {
			return Optional.empty();
		}
		return Optional.of(once(entry, "processing-failed:" + error));
	}

}
