package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Rewrites every timestamp column in the one stored form of {@code register.Timestamps}:
 * an ISO-8601 instant in UTC with nine fraction digits, which sorts as text in time
 * order. Before, a column held an offset timestamp ({@code 2026-12-01T21:11:00+01:00}) or
 * an instant of any width ({@code 2026-12-01T20:11:00Z}). Date columns
 * ({@code YYYY-MM-DD}) are not touched.
 * <p>
 * Java rather than SQL because the old forms must be parsed as the code parsed them, and
 * because the same migration is to run on PostgreSQL (issue 16): it uses plain SELECT and
 * UPDATE only, by each table's primary key. The format is spelled out here, not taken
 * from the register's code, so this migration stays what it was when the code moves on. A
 * value that is not a timestamp (a bare date, a hand-edited or purged value) is left as
 * it is; the register reads such a value as it did before.
 */
public class V15__utc_timestamps extends BaseJavaMigration {

	private static final int BATCH = 1_000;

	private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** Every timestamp column as {@code table, column, primary key}. */
	static final List<String[]> COLUMNS = List.of(column("complaint", "submitted_at", "id"),
			column("complaint", "handled_at", "id"), column("complaint", "purged_at", "id"),
			column("extension", "notified_at", "id"), column("measure", "recorded_at", "id"),
			column("appeal", "filed_at", "complaint_id"), column("inbound_mail", "received_at", "id"),
			column("inbound_mail", "read_at", "id"), column("intake_failure", "last_at", "dedupe_key"),
			column("outbox", "created_at", "id"), column("outbox", "sent_at", "id"),
			column("outbox_refusal", "at", "id"), column("correspondence", "at", "id"),
			column("participant", "added_at", "id"), column("data_request", "requested_at", "id"),
			column("data_request", "answered_at", "id"), column("note", "written_at", "id"),
			column("digest_run", "sent_at", "day"), column("appeal_letter", "created_at", "id"),
			column("appeal_extension", "notified_at", "id"), column("purge_run", "ran_at", "id"),
			column("confirmation_request", "requested_at", "id"), column("confirmation_request", "confirmed_at", "id"),
			column("register_meta", "value", "name"));

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		for (String[] column : COLUMNS) {
			rewrite(connection, column);
		}
	}

	/**
	 * The stored form of an old value, or the value itself when it is not a timestamp.
	 */
	static String converted(String value) {
		try {
			return STORED.format(OffsetDateTime.parse(value).toInstant());
		}
		catch (DateTimeParseException ex) {
			// an offset timestamp is the common form; an instant is the other
		}
		try {
			return STORED.format(Instant.parse(value));
		}
		catch (DateTimeParseException ex) {
			return value;
		}
	}

	/**
	 * Reads the column with its row's key, then writes back each value that changes, by
	 * key, in batches: one pass over the table, whatever its size. The reading ends
	 * before the writing starts (SQLite leaves a query undefined when its table changes
	 * under it). Of {@code register_meta} only the {@code created_at} row holds a
	 * timestamp.
	 */
	private static void rewrite(Connection connection, String[] column) throws SQLException {
		String table = column[0];
		String name = column[1];
		String key = column[2];
		String only = table.equals("register_meta") ? " AND name = 'created_at'" : "";
		List<Object[]> changes = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT " + key + ", " + name + " FROM " + table + " WHERE " + name + " IS NOT NULL" + only);
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				String stored = converted(rows.getString(2));
				if (!stored.equals(rows.getString(2))) {
					changes.add(new Object[] { stored, rows.getObject(1) });
				}
			}
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE " + table + " SET " + name + " = ? WHERE " + key + " = ?")) {
			for (int i = 0; i < changes.size(); i++) {
				update.setString(1, (String) changes.get(i)[0]);
				update.setObject(2, changes.get(i)[1]);
				update.addBatch();
				if ((i + 1) % BATCH == 0 || i == changes.size() - 1) {
					update.executeBatch();
				}
			}
		}
	}

	private static String[] column(String table, String column, String key) {
		return new String[] { table, column, key };
	}

}
