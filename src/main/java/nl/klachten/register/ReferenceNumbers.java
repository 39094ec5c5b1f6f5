package nl.klachten.register;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hands out reference numbers: one counter row per year, bumped by an upsert inside the
 * caller's transaction. A rolled-back registration rolls the counter back too, so there
 * are no gaps; the write lock SQLite takes at BEGIN IMMEDIATE rules out duplicates
 * between processes.
 */
@Repository
public class ReferenceNumbers {

	private final JdbcClient jdbc;

	private final String prefix;

	ReferenceNumbers(JdbcClient jdbc, ReferenceSettings settings) {
		this.jdbc = jdbc;
		this.prefix = settings.prefix();
	}

	public ReferenceNumber next(int year) {
		int sequence = this.jdbc
			.sql("INSERT INTO reference_counter (year, last_seq) VALUES (:year, 1) "
					+ "ON CONFLICT (year) DO UPDATE SET last_seq = reference_counter.last_seq + 1 RETURNING last_seq")
			.param("year", year)
			.query(Integer.class)
			.single();
		return new ReferenceNumber(this.prefix, year, sequence);
	}

}
