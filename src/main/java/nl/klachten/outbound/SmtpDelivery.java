package nl.klachten.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;

import nl.klachten.register.Instances;
import nl.klachten.register.Outbox;
import nl.klachten.register.QueuedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a batch over the SMTP lanes at once ({@link OutboxConnections}, issue 15), each
 * lane's mails in queue order over its kept connection, opened again when the server
 * closed it (after a 421). Before the batch goes to SMTP its rows are marked
 * {@code sending} with a lease, in a statement of their own: a process killed after that
 * leaves them so, and the next start, or the leading process, releases them
 * ({@link OutboxSender#releaseLeftLeases()}). Each mail's outcome is recorded before the
 * lane sends its next ({@link OutcomeRecorder}). A lane that loses the server stops, and
 * once every lane is done the server counts as failed once (not once per lane, or the
 * backoff would run K times as fast); the mails left on every such lane are held until
 * the next server try ({@link SmtpServerState}), so they go in queue order when it
 * answers again. When another lane could not record (the sender pauses), a lane stops and
 * releases the rest.
 */
final class SmtpDelivery {

	private static final Logger log = LoggerFactory.getLogger(SmtpDelivery.class);

	/**
	 * Longer than a batch can take; only a row a live sender could not record outlasts
	 * it.
	 */
	static final Duration LEASE = Duration.ofMinutes(15);

	private final Outbox outbox;

	private final OutboxConnections lanes;

	private final SmtpServerState server;

	private final OutcomeRecorder outcomes;

	private final RegisterPause pause;

	private final Clock clock;

	private final Instances instances;

	SmtpDelivery(Outbox outbox, OutboxConnections lanes, SmtpServerState server, OutcomeRecorder outcomes,
			RegisterPause pause, Clock clock, Instances instances) {
		this.instances = instances;
		this.outbox = outbox;
		this.lanes = lanes;
		this.server = server;
		this.outcomes = outcomes;
		this.pause = pause;
		this.clock = clock;
	}

	/**
	 * What one lane did: how many mails went, and those left when the server was lost.
	 */
	private record LaneResult(int sent, List<QueuedMail> waiting, String reason) {
	}

	/**
	 * Sends the mails; returns how many the server accepted for at least one recipient.
	 */
	int send(List<QueuedMail> mails) {
		if (mails.isEmpty()) {
			return 0;
		}
		List<Long> ids = mails.stream().map(QueuedMail::id).toList();
		if (this.server.holding()) {
			this.outbox.holdUntil(ids, this.server.nextTry(), null, false);
			return 0;
		}
		Instant now = this.clock.instant();
		Set<Long> leased = new HashSet<>(this.outbox.lease(ids, now, now.plus(LEASE)));
		// another process on the register may have leased some since they were read
		List<QueuedMail> mine = mails.stream().filter((mail) -> leased.contains(mail.id())).toList();
		List<List<QueuedMail>> parts = new ArrayList<>();
		for (int i = 0; i < this.lanes.count(); i++) {
			parts.add(new ArrayList<>());
		}
		mine.forEach((mail) -> parts.get(this.lanes.lane(mail)).add(mail));
		List<Future<LaneResult>> running = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			SmtpLane lane = this.lanes.smtp(i);
			List<QueuedMail> part = parts.get(i);
			if (!part.isEmpty()) {
				running.add(this.lanes.submit(() -> sendAll(part, lane)));
			}
		}
		int sent = 0;
		List<QueuedMail> waiting = new ArrayList<>();
		String reason = null;
		for (Future<LaneResult> result : running) {
			LaneResult done = OutboxConnections.join(result);
			sent += done.sent();
			waiting.addAll(done.waiting());
			reason = (reason != null) ? reason : done.reason();
		}
		if (!waiting.isEmpty()) {
			serverDown(waiting, reason);
		}
		return sent;
	}

	private LaneResult sendAll(List<QueuedMail> mails, SmtpLane lane) {
		lane.check();
		int sent = 0;
		for (int i = 0; i < mails.size(); i++) {
			if (this.pause.active() || !this.instances.leads()) {
				// another lane could not record, or this process lost the lead to another
				// (issue 16): this one stops too
				this.outcomes.release(mails.subList(i, mails.size()));
				break;
			}
			QueuedMail mail = mails.get(i);
			SmtpOutcome outcome = lane.send(mail);
			if (outcome.connectionLost()) {
				lane.close();
				return new LaneResult(sent, mails.subList(i, mails.size()), outcome.reason());
			}
			this.server.answered();
			if (!this.outcomes.record(mail, outcome, mails.subList(i + 1, mails.size()))) {
				break;
			}
			sent += outcome.anyAccepted() ? 1 : 0;
			if (!outcome.refused().isEmpty() || !outcome.deferred().isEmpty()) {
				// a server may close after a refusal (421); after a 250 it has not, and a
				// NOOP per mail would be one more round trip for each
				lane.closeIfDropped();
			}
		}
		lane.batchDone();
		return new LaneResult(sent, List.of(), null);
	}

	private void serverDown(List<QueuedMail> waiting, String reason) {
		// told once by the transport's problem log, not once per attempt
		Instant next = this.server.failed();
		log.debug("SMTP server unavailable ({}); {} mails wait until {}", reason, waiting.size(), next);
		this.outbox.holdUntil(waiting.stream().map(QueuedMail::id).toList(), next, reason, true);
	}

}
