package nl.klachten.outbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.register.Outbox;
import nl.klachten.register.QueuedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails the SMTP server took whose record in the register failed, by outbox id, each with
 * the recording to make (issue 13). They are recorded again once the register can be
 * written, and never sent again: {@link OutboxSender#due()} leaves them out of every
 * batch. Together with the {@link RegisterPause} they are the sender's memory of a
 * register that could not be written.
 */
final class UnrecordedMails {

	private static final Logger log = LoggerFactory.getLogger(UnrecordedMails.class);

	private final Outbox outbox;

	private final RegisterPause pause;

	private final Map<Long, Runnable> waiting = new LinkedHashMap<>();

	UnrecordedMails(Outbox outbox, RegisterPause pause) {
		this.outbox = outbox;
		this.pause = pause;
	}

	/**
	 * The server took this mail but its record failed: {@code recording} is made again
	 * later.
	 */
	void keep(long id, Runnable recording) {
		synchronized (this.waiting) {
			this.waiting.put(id, recording);
		}
	}

	/** Leaves out of {@code due} the mails sent already that wait to be recorded. */
	void leaveOut(List<QueuedMail> due) {
		synchronized (this.waiting) {
			due.removeIf((mail) -> this.waiting.containsKey(mail.id()));
		}
	}

	/**
	 * Makes every waiting recording; one that fails again throws, the rest then wait on.
	 */
	void recordAll() {
		List<Map.Entry<Long, Runnable>> entries;
		synchronized (this.waiting) {
			entries = new ArrayList<>(this.waiting.entrySet());
		}
		for (Map.Entry<Long, Runnable> entry : entries) {
			// SQLite's driver starts the next transaction inside commit: a commit
			// reported failed may have been made
			if (!List.of("sent", "failed").contains(this.outbox.status(entry.getKey()))) {
				entry.getValue().run();
			}
			this.pause.succeeded();
			synchronized (this.waiting) {
				this.waiting.remove(entry.getKey());
			}
			log.info("Outbox mail {} recorded after the register could be written again; not sent again",
					entry.getKey());
		}
	}

	/**
	 * The register could not be written: the sender pauses, told how many sent mails
	 * wait.
	 */
	void registerFailed(RuntimeException failure) {
		int count;
		synchronized (this.waiting) {
			count = this.waiting.size();
		}
		this.pause.failed(failure, count);
	}

}
