package nl.klachten.register;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A complainant's requests for their data and the answers sent (R21). */
@Repository
public class DataRequests {

	private final JdbcClient jdbc;

	DataRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void answered(long complaintId, Instant requestedAt, Instant answeredAt, String messageId) {
		this.jdbc.sql("INSERT INTO data_request (complaint_id, requested_at, answered_at, message_id) VALUES (?, ?, ?, ?)")
			.params(complaintId, requestedAt.toString(), answeredAt.toString(), messageId)
			.update();
	}

	public int count(long complaintId) {
		return this.jdbc.sql("SELECT count(*) FROM data_request WHERE complaint_id = ?")
			.param(complaintId)
			.query(Integer.class)
			.single();
	}

}
