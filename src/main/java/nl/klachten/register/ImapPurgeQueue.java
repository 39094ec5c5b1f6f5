package nl.klachten.register;

import java.util.Collection;
import java.util.List;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs of purged mail whose copies in the IMAP folders are still to be deleted
 * ({@code imap_purge_pending}): written in the purge's transaction, drained by the
 * processor after it, so a crash in between deletes them at the next run instead of
 * never.
 */
@Component
class ImapPurgeQueue {

	private final JdbcClient jdbc;

	ImapPurgeQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues those of {@code messageIds} no kept mail still carries (a copy under another
	 * key stays in the folders); returns the ones queued.
	 */
	List<MessageId> queue(Collection<MessageId> messageIds) {
		List<MessageId> toDelete = messageIds.stream().filter((id) -> !stillKept(id)).toList();
		for (MessageId id : toDelete) {
			this.jdbc.sql("INSERT INTO imap_purge_pending (message_id) VALUES (?) ON CONFLICT DO NOTHING")
				.param(StoredMessageIds.text(id))
				.update();
		}
		return toDelete;
	}

	List<MessageId> pending() {
		return this.jdbc.sql("SELECT message_id FROM imap_purge_pending ORDER BY message_id")
			.query((rs, n) -> MessageId.stored(rs.getString(1)))
			.list();
	}

	void deleted(Collection<MessageId> messageIds) {
		for (MessageId id : messageIds) {
			this.jdbc.sql("DELETE FROM imap_purge_pending WHERE message_id = ?")
				.param(StoredMessageIds.text(id))
				.update();
		}
	}

	private boolean stillKept(MessageId messageId) {
		return this.jdbc.sql("SELECT count(*) FROM inbound_mail WHERE message_id = ?")
			.param(StoredMessageIds.text(messageId))
			.query(Integer.class)
			.single() > 0;
	}

}
