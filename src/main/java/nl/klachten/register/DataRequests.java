package nl.klachten.register;

import java.time.Instant;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A complainant's requests for their data and the answers sent (R21). */
@Repository
public class DataRequests {

	private final JdbcClient jdbc;

	DataRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void answered(long complaintId, Instant requestedAt, Instant answeredAt, MessageId messageId) {
		this.jdbc
			.sql("INSERT INTO data_request (complaint_id, requested_at, answered_at, message_id) VALUES (?, ?, ?, ?)")
			.params(complaintId, Timestamps.write(requestedAt), Timestamps.write(answeredAt),
					StoredMessageIds.text(messageId))
			.update();
	}

	/**
	 * True when a data request on this case was answered at or after {@code since} (once
	 * a day, no more).
	 */
	public boolean answeredSince(long complaintId, Instant since) {
		return this.jdbc.sql("SELECT answered_at FROM data_request WHERE complaint_id = ? AND answered_at IS NOT NULL")
			.param(complaintId)
			.query(String.class)
			.list()
			.stream()
			.anyMatch((at) -> !Timestamps.read(at).isBefore(since));
	}

	public int count(long complaintId) {
		return this.jdbc.sql("SELECT count(*) FROM data_request WHERE complaint_id = ?")
			.param(complaintId)
			.query(Integer.class)
			.single();
	}

}
