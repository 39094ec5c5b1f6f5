package nl.klachten.outbound;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import nl.klachten.committee.MessageId;
import nl.klachten.committee.EventCounter;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.mailbox.NoticeFolder;
import nl.klachten.register.Outbox;
import nl.klachten.register.QueuedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the chair's notices in the notices folder (CONTRACT §4) over the IMAP connection
 * the notices lane keeps ({@link NoticeLane}), at the same time as the SMTP lanes send,
 * each marked sent right after the server took it. The outbox stays the one queue: a
 * notice that cannot be placed waits with the same backoff as mail that cannot be sent,
 * and never holds up the SMTP mail of the same batch.
 *
 * <p>
 * Exactly once: a notice's first try is recorded in the register before its
 * {@code APPEND} (one small write), so a notice that may already be in the folder is one
 * with a try on record. For those only, the folder is asked first which it already holds
 * (see {@link NoticeFolder}): a notice found there was appended by a try whose
 * {@code markSent} never happened (a crash, a dropped connection); it is marked sent, not
 * appended again. This is better than SMTP can do, where the same mail may then go twice.
 * Asking for every notice instead cost a search of the whole folder per batch, growing
 * with the folder.
 */
class NoticeDelivery {

	private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

	private final NoticeLane lane;

	private final Outbox outbox;

	private final OutboxRetry retry;

	private final Clock clock;

	private final EventCounter counter;

	NoticeDelivery(NoticeLane lane, Outbox outbox, OutboxRetry retry, Clock clock, EventCounter counter) {
		this.counter = counter;
		this.lane = lane;
		this.outbox = outbox;
		this.retry = retry;
		this.clock = clock;
	}

	/** Places the notices; returns how many are in the folder now. */
	int place(List<QueuedMail> notices) {
		if (notices.isEmpty()) {
			return 0;
		}
		try {
			NoticeFolder.Connection connection = this.lane.connection();
			Set<String> held = connection.holding(tried(notices));
			int placed = 0;
			for (QueuedMail notice : notices) {
				if (!placeOne(connection, notice, held)) {
					// the connection may be broken: the next batch opens a new one
					this.lane.close();
					notices.subList(notices.indexOf(notice) + 1, notices.size())
						.forEach((mail) -> this.retry.defer(mail, null));
					break;
				}
				placed++;
			}
			return placed;
		}
		catch (MessagingException | IllegalStateException ex) {
			this.lane.close();
			// told once by the notices folder's problem log, not once per attempt
			log.debug("Notices folder unavailable ({}); {} notices wait", ex.getClass().getSimpleName(),
					notices.size());
			notices.forEach((notice) -> this.retry.defer(notice, ex));
			return 0;
		}
		finally {
			this.lane.done();
		}
	}

	/**
	 * The Message-IDs of the notices with a try on record: only those may be in the
	 * folder already.
	 */
	private static List<String> tried(List<QueuedMail> notices) {
		return notices.stream()
			.filter((notice) -> notice.attempts() > 0)
			.map(QueuedMail::messageId)
			.map(MessageId::value)
			.toList();
	}

	private boolean placeOne(NoticeFolder.Connection connection, QueuedMail notice, Set<String> held) {
		if (held.contains(notice.messageId().value())) {
			log.info("Outbox mail {} was already in the notices folder; marked sent, not placed again", notice.id());
		}
		else {
			try {
				if (notice.attempts() == 0) {
					this.outbox.markTrying(notice.id());
				}
				connection.append(notice.raw());
			}
			catch (MessagingException ex) {
				log.warn("Outbox mail {} not placed in the notices folder ({})", notice.id(),
						ex.getClass().getSimpleName());
				this.retry.defer(notice, ex);
				return false;
			}
		}
		this.outbox.markSent(notice.id(), this.clock.instant());
		OperatorEvents.mailSent(notice.id(), notice.kind(), notice.reference(), "imap-append");
		this.counter.noticePlaced(notice.kind());
		return true;
	}

}
