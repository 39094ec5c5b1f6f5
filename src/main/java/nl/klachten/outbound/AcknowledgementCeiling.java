package nl.klachten.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.klachten.register.Outbox;
import nl.klachten.register.QueuedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker on acknowledgements: once
 * {@link OutboxSettings#acknowledgementsPerHour()} went out in the last hour, further
 * ones wait in the outbox (never dropped: R9 still holds, they go as the hour moves on)
 * and the chair gets one notice an hour while they wait. Other mail is never held up by
 * it.
 */
class AcknowledgementCeiling {

	private static final Logger log = LoggerFactory.getLogger(AcknowledgementCeiling.class);

	static final String KIND = "acknowledgement";

	static final String NOTICE = "acknowledgement-ceiling";

	private static final Duration HOUR = Duration.ofHours(1);

	private final Outbox outbox;

	private final CaseMailer mailer;

	private final int perHour;

	AcknowledgementCeiling(Outbox outbox, CaseMailer mailer, OutboxSettings settings) {
		this.outbox = outbox;
		this.mailer = mailer;
		this.perHour = settings.acknowledgementsPerHour();
	}

	/**
	 * The due mails that may go now: every other mail, and acknowledgements up to what is
	 * left of the hour's budget. When none is left, the other mail is read again without
	 * the waiting acknowledgements, so they never crowd it out of a batch.
	 */
	List<QueuedMail> admit(List<QueuedMail> due, Instant now, int batch, List<Long> leftOut) {
		int budget = Math.max(0, this.perHour - this.outbox.sentSince(KIND, now.minus(HOUR)));
		if (budget == 0) {
			tellChairWhenHolding(now);
			return this.outbox.due(now, batch, KIND, leftOut);
		}
		List<QueuedMail> admitted = new ArrayList<>();
		int acknowledgements = 0;
		for (QueuedMail mail : due) {
			if (!KIND.equals(mail.kind()) || acknowledgements++ < budget) {
				admitted.add(mail);
			}
		}
		return admitted;
	}

	/** When acknowledgements wait, the chair hears of it once an hour. */
	private void tellChairWhenHolding(Instant now) {
		int waiting = this.outbox.pending(KIND);
		Instant hourAgo = now.minus(HOUR);
		if (waiting == 0 || this.outbox.queuedSince(NOTICE, hourAgo)) {
			return;
		}
		log.warn("Acknowledgement ceiling reached: {} an hour; {} acknowledgements wait", this.perHour, waiting);
		this.mailer.sendUnfiled(new Letter(NOTICE, List.of(this.mailer.chair()), null, null, List.of(),
				Map.of("perHour", this.perHour, "waiting", waiting)));
	}

}
