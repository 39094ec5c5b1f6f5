package nl.klachten.outbound;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nl.klachten.register.QueuedMail;

/**
 * The chair's notices placed beside the SMTP mail, not in its way (issue 15): a batch
 * hands its notices to the notices lane's one thread and goes on, so a slow folder never
 * holds up an acknowledgement, and the notices go in queue order. Until a notice's try is
 * over (placed, deferred, or its record failed) it is in hand, and every later batch
 * leaves it out ({@link OutboxSender#due()}): one notice is never in two tries at once.
 * Exactly once across crashes and dropped connections is {@link NoticeDelivery}'s.
 */
final class NoticePlacing {

	private final NoticeDelivery delivery;

	private final OutboxConnections lanes;

	private final UnrecordedMails unrecorded;

	private final Set<Long> inHand = ConcurrentHashMap.newKeySet();

	NoticePlacing(NoticeDelivery delivery, OutboxConnections lanes, UnrecordedMails unrecorded) {
		this.delivery = delivery;
		this.lanes = lanes;
		this.unrecorded = unrecorded;
	}

	/**
	 * The notices in hand now; taken before the outbox is read, so a notice not among
	 * them was done with before that read.
	 */
	List<Long> inHand() {
		return List.copyOf(this.inHand);
	}

	/** Hands the notices to the notices lane; they are in hand from now on. */
	void place(List<QueuedMail> notices) {
		if (notices.isEmpty()) {
			return;
		}
		List<Long> ids = notices.stream().map(QueuedMail::id).toList();
		this.inHand.addAll(ids);
		this.lanes.placeNotices(() -> {
			try {
				this.delivery.place(notices);
			}
			catch (RuntimeException ex) {
				// the register could not be written: the sender pauses; the notice with a
				// try on record is looked for in the folder before it is placed again
				this.unrecorded.registerFailed(ex);
			}
			finally {
				// after every record of this try, so a later read sees them done
				this.inHand.removeAll(ids);
			}
		});
	}

}
