package nl.klachten.register;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.committee.MessageId;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads a set of whole case files in one query per table (issue 15): every row of a
 * per-case table that belongs to the set is read at once and grouped in memory by
 * {@code complaint_id}, instead of one query per table per case, which made the export of
 * 100,000 cases take minutes. Each table's rows keep their own id order within a case, as
 * before. The caller chooses the set by two filters that must name the same cases: one on
 * {@code complaint}, one on a table's {@code complaint_id}.
 */
final class CaseFileRows {

	/**
	 * The columns of {@code complaint} a case file reads, by position in
	 * {@link #caseFile} (issue 15: by name was a hash look-up per value).
	 */
	private static final String COMPLAINT_COLUMNS = """
			id, assessment, decided_at, manner, arguments, solution, reference, status, complainant_name,
			complainant_email, complainant_address, complainant_city, representative_of, subject, description,
			submitted_at, arose_on, late, employee_name, employee_email, acknowledge_due, decision_due,
			management_involved, purged""";

	private final JdbcClient jdbc;

	private final ZoneId zone;

	CaseFileRows(JdbcClient jdbc, ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/**
	 * The cases matching {@code where} (on {@code complaint}) in id order, with all their
	 * rows.
	 * @param where a condition on the complaint table
	 * @param byCase the same set as a condition on a column {@code complaint_id}
	 * @param params the parameters of either condition (both take the same)
	 */
	List<CaseFile> load(String where, String byCase, List<?> params) {
		Map<Long, List<String>> products = group("SELECT complaint_id, name FROM product WHERE " + byCase, params,
				(rs, n) -> text(rs, 2));
		Map<Long, List<CaseFile.Extension>> extensions = group(
				"SELECT complaint_id, to_date, reason, notified_at FROM extension WHERE " + byCase, params,
				this::extension);
		Map<Long, List<CaseFile.Extension>> appealExtensions = group(
				"SELECT complaint_id, to_date, reason, notified_at FROM appeal_extension WHERE " + byCase, params,
				this::extension);
		Map<Long, List<CaseFile.Appeal>> appeals = group(
				"SELECT complaint_id, filed_at, due, outcome, decided_at, grounds FROM appeal WHERE " + byCase
						+ " ORDER BY complaint_id",
				params,
				(rs, n) -> new CaseFile.Appeal(at(text(rs, 2)), Timestamps.date(text(rs, 3)), text(rs, 4),
						Timestamps.date(text(rs, 5)), text(rs, 6),
						appealExtensions.getOrDefault(rs.getLong(1), List.of())));
		Map<Long, List<CaseFile.Measure>> measures = group(
				"SELECT complaint_id, text, recorded_at, recorded_by FROM measure WHERE " + byCase, params,
				(rs, n) -> new CaseFile.Measure(text(rs, 2), at(text(rs, 3)), text(rs, 4)));
		Map<Long, List<CaseFile.Note>> notes = group(
				"SELECT complaint_id, text, written_at, written_by FROM note WHERE " + byCase, params,
				(rs, n) -> new CaseFile.Note(text(rs, 2), at(text(rs, 3)), text(rs, 4)));
		Map<Long, List<CaseFile.Entry>> letters = correspondence(byCase, params);
		return this.jdbc.sql("SELECT " + COMPLAINT_COLUMNS + " FROM complaint WHERE " + where + " ORDER BY id")
			.params(params)
			.query((rs, n) -> caseFile(rs, products, extensions, appeals, measures, letters, notes))
			.list();
	}

	private Map<Long, List<CaseFile.Entry>> correspondence(String byCase, List<?> params) {
		Map<Long, List<String>> attachments = group("""
				SELECT correspondence_id, file_name FROM attachment
				WHERE correspondence_id IN (SELECT id FROM correspondence WHERE %s)
				ORDER BY correspondence_id, id""".formatted(byCase), params, (rs, n) -> text(rs, 2));
		return group("""
				SELECT complaint_id, id, direction, at, sender, recipients, subject, message_id, kind, new_text, body
				FROM correspondence WHERE\s""" + byCase, params, (rs, n) -> entry(rs, attachments));
	}

	/**
	 * A row of the query above, its columns read by position and the body once (issue 15:
	 * the export reads half a million letters, and the body is most of their text).
	 */
	private CaseFile.Entry entry(ResultSet rs, Map<Long, List<String>> attachments) throws SQLException {
		String body = text(rs, 11);
		return new CaseFile.Entry(text(rs, 3), at(text(rs, 4)), text(rs, 5), text(rs, 6), text(rs, 7),
				MessageId.stored(text(rs, 8)), text(rs, 9), textOf(text(rs, 10), body), body,
				attachments.getOrDefault(rs.getLong(2), List.of()));
	}

	private CaseFile caseFile(ResultSet rs, Map<Long, List<String>> products,
			Map<Long, List<CaseFile.Extension>> extensions, Map<Long, List<CaseFile.Appeal>> appeals,
			Map<Long, List<CaseFile.Measure>> measures, Map<Long, List<CaseFile.Entry>> letters,
			Map<Long, List<CaseFile.Note>> notes) throws SQLException {
		long id = rs.getLong(1);
		String assessment = text(rs, 2);
		CaseFile.Decision decision = assessment == null ? null : new CaseFile.Decision(assessment,
				Timestamps.date(text(rs, 3)), text(rs, 4), text(rs, 5), text(rs, 6));
		List<CaseFile.Appeal> appeal = appeals.getOrDefault(id, List.of());
		return new CaseFile(text(rs, 7), text(rs, 8), text(rs, 9), text(rs, 10), text(rs, 11), text(rs, 12),
				text(rs, 13), text(rs, 14), text(rs, 15), at(text(rs, 16)), Timestamps.date(text(rs, 17)),
				rs.getBoolean(18), text(rs, 19), text(rs, 20), products.getOrDefault(id, List.of()),
				Timestamps.date(text(rs, 21)), Timestamps.date(text(rs, 22)), extensions.getOrDefault(id, List.of()),
				rs.getBoolean(23), decision, appeal.isEmpty() ? null : appeal.get(0),
				measures.getOrDefault(id, List.of()), letters.getOrDefault(id, List.of()),
				notes.getOrDefault(id, List.of()), rs.getBoolean(24));
	}

	private CaseFile.Extension extension(ResultSet rs, int row) throws SQLException {
		return new CaseFile.Extension(Timestamps.date(text(rs, 2)), text(rs, 3), at(text(rs, 4)));
	}

	/**
	 * The rows of one query grouped by its first column, in the order of the query
	 * (complaint, then row id: the index on {@code complaint_id} gives that order as it
	 * is).
	 */
	private <T> Map<Long, List<T>> group(String sql, List<?> params, RowMapper<T> row) {
		String ordered = sql.contains("ORDER BY") ? sql : sql + " ORDER BY complaint_id, id";
		Map<Long, List<T>> groups = new HashMap<>();
		this.jdbc.sql(ordered)
			.params(params)
			.query((RowCallbackHandler) (rs) -> groups.computeIfAbsent(rs.getLong(1), (key) -> new ArrayList<>())
				.add(row.mapRow(rs, rs.getRow())));
		return groups;
	}

	/** A stored timestamp as a time in the committee's zone. */
	private OffsetDateTime at(String stored) {
		return Timestamps.readAt(stored, this.zone);
	}

	/**
	 * A column's text as {@link ResultSet#getString} reads it, read as its UTF-8 bytes:
	 * sqlite-jdbc's text read makes a direct buffer through JNI per value, and the export
	 * reads some 7.6 million values (issue 15: a fifth less CPU to read the letters). No
	 * bytes is NULL, or an empty text, which getString tells apart.
	 */
	static String text(ResultSet rs, int column) throws SQLException {
		byte[] bytes = rs.getBytes(column);
		return bytes == null ? rs.getString(column) : new String(bytes, StandardCharsets.UTF_8);
	}

	private static String textOf(String newText, String body) {
		return newText != null ? newText : body;
	}

}
