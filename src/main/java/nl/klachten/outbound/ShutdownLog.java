package nl.klachten.outbound;

import nl.klachten.committee.OperatorEvents;
import nl.klachten.register.Outbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One line when the processor stops, saying how much mail waits (it goes at the next
 * start), so an operator reading the log knows a stop was orderly and what is still owed.
 * Only where mail is sent: the admin commands close a context too, and stop nothing.
 */
@Component
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class ShutdownLog {

	private final Outbox outbox;

	ShutdownLog(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		long pending;
		try {
			pending = this.outbox.countPending();
		}
		catch (RuntimeException ex) {
			pending = -1;
		}
		OperatorEvents.stopping(pending);
	}

}
