package nl.klachten.register;

import java.util.ArrayList;
import java.util.List;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Message-IDs a case's mail may be threaded under (CONTRACT §4), so that a mail
 * client groups the case's mail. Only ids of this case and no other qualify: a Message-ID
 * is text a sender chooses, and one that also names another case's mail (or mail about no
 * case) would join the two threads in a client and hand an id of that case to whoever
 * reads this one (issue 9).
 */
@Repository
public class CaseThreads {

	private final JdbcClient jdbc;

	CaseThreads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The thread's root: the complaint's own Message-ID, then our acknowledgement's, each
	 * when there is one.
	 */
	public List<MessageId> root(long complaintId) {
		List<MessageId> root = new ArrayList<>();
		for (String kind : List.of("complaint", "acknowledgement")) {
			this.jdbc.sql("""
					SELECT message_id FROM correspondence
					WHERE complaint_id = ? AND kind = ? AND direction = ? AND message_id IS NOT NULL
					ORDER BY id LIMIT 1""")
				.params(complaintId, kind, "complaint".equals(kind) ? "in" : "out")
				.query((rs, n) -> MessageId.stored(rs.getString(1)))
				.list()
				.stream()
				.filter((id) -> ofCaseOnly(complaintId, id))
				.forEach(root::add);
		}
		return root;
	}

	/**
	 * Those of these ids that are of this case alone (its mail, in or out), in their
	 * order.
	 */
	public List<MessageId> ofCase(long complaintId, List<MessageId> messageIds) {
		return messageIds.stream().filter((id) -> ofCaseOnly(complaintId, id)).distinct().toList();
	}

	private boolean ofCaseOnly(long complaintId, MessageId messageId) {
		if (messageId == null || !messageId.wellFormed()) {
			return false;
		}
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM correspondence WHERE message_id = :id AND complaint_id = :case) > 0
				   AND (SELECT count(*) FROM correspondence WHERE message_id = :id AND complaint_id <> :case) = 0
				   AND (SELECT count(*) FROM outbox WHERE message_id = :id
				        AND (complaint_id IS NULL OR complaint_id <> :case)) = 0""")
			.param("id", messageId.value())
			.param("case", complaintId)
			.query(Boolean.class)
			.single();
	}

}
