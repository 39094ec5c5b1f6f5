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
 * Rewrites every timestamp column in the one stored form of {@code register.Timestamps}: an
 * ISO-8601 instant in UTC with nine fraction digits, which sorts as text in time order. Before, a
 * column held an offset timestamp ({@code 2026-12-01T21:11:00+01:00}) or an instant of any width
 * ({@code 2026-12-01T20:11:00Z}). Date columns ({@code YYYY-MM-DD}) are not touched.
 * <p>
 * Java rather than SQL because the old forms must be parsed as the code parsed them, and because
 * the same migration is to run on PostgreSQL (issue 16): it uses plain SELECT and UPDATE only, and
 * rewrites by value ({@code WHERE column = old}), so no table needs a row id. The format is spelled
 * out here, not taken from the register's code, so this migration stays what it was when the code
 * moves on. A value that is not a timestamp (a bare date, a hand-edited or purged value) is left as
 * it is; the register reads such a value as it did before.
 */
public class V15__utc_timestamps extends BaseJavaMigration {

	private static final DateTimeFormatter STORED = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** Every timestamp column as {@code table.column}, with a condition for a key-value table. */
	static final List<String[]> COLUMNS = List.of(column("complaint", "submitted_at"),
			column("complaint", "handled_at"), column("complaint", "purged_at"), column("extension", "notified_at"),
			column("measure", "recorded_at"), column("appeal", "filed_at"), column("inbound_mail", "received_at"),
			column("inbound_mail", "read_at"), column("intake_failure", "last_at"), column("outbox", "created_at"),
			column("outbox", "sent_at"), column("outbox_refusal", "at"), column("correspondence", "at"),
			column("participant", "added_at"), column("data_request", "requested_at"),
			column("data_request", "answered_at"), column("note", "written_at"), column("digest_run", "sent_at"),
			column("appeal_letter", "created_at"), column("appeal_extension", "notified_at"),
			column("purge_run", "ran_at"), column("confirmation_request", "requested_at"),
			column("confirmation_request", "confirmed_at"),
			new String[] { "register_meta", "value", " AND name = 'created_at'" });

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		for (String[] column : COLUMNS) {
			rewrite(connection, column[0], column[1], column[2]);
		}
	}

	/** The stored form of an old value, or the value itself when it is not a timestamp. */
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

	private static void rewrite(Connection connection, String table, String column, String condition)
			throws SQLException {
		String where = " WHERE " + column + " IS NOT NULL" + condition;
		List<String> values = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT " + column + " FROM " + table + where);
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE " + column + " = ?" + condition)) {
			for (String value : values) {
				String stored = converted(value);
				if (!stored.equals(value)) {
					update.setString(1, stored);
					update.setString(2, value);
					update.executeUpdate();
				}
			}
		}
	}

	private static String[] column(String table, String column) {
		return new String[] { table, column, "" };
	}

}
