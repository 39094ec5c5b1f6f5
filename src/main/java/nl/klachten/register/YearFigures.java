package nl.klachten.register;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import nl.klachten.committee.TermsSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The yearly report's figures (CONTRACT §1 {@code report --year}). A year is the
 * submission year in the zone's local time: the stored instants from its first local
 * midnight up to the next year's. Terms are recomputed from the submission's local date
 * and {@link TermsSettings}, because {@code decision_due} holds the term after
 * extensions, not the original one.
 */
@Repository
public class YearFigures {

	private static final List<String> STATUSES = List.of("in_behandeling", "afgehandeld", "ingetrokken");

	private static final List<String> ASSESSMENTS = List.of("gegrond", "deels_gegrond", "ongegrond");

	private final JdbcClient jdbc;

	private final TermsSettings terms;

	YearFigures(JdbcClient jdbc, TermsSettings terms) {
		this.jdbc = jdbc;
		this.terms = terms;
	}

	/** One complaint of the year, with what the figures need from the other tables. */
	private record Row(long id, String status, String assessment, LocalDate submitted, LocalDate decided,
			LocalDate currentDue, int extensions, boolean handled, boolean appealed, String appealOutcome,
			boolean hasMeasure, boolean hasNoMeasure) {
	}

	public YearReport of(int year) {
		List<Row> rows = rows(year);
		return new YearReport(year, rows.size(), counts(rows, Row::status, STATUSES),
				counts(rows.stream().filter((r) -> r.assessment() != null).toList(), Row::assessment, ASSESSMENTS),
				appeals(rows), acknowledgements(year, rows), decisions(rows), handlingTime(rows), measures(rows));
	}

	private List<Row> rows(int year) {
		return this.jdbc.sql("""
				SELECT c.id, c.status, c.assessment, c.submitted_at, c.decided_at, c.decision_due, c.handled_at,
				    (SELECT count(*) FROM extension e WHERE e.complaint_id = c.id) AS extensions,
				    a.complaint_id IS NOT NULL AS appealed, a.outcome,
				    EXISTS (SELECT 1 FROM measure m WHERE m.complaint_id = c.id AND m.text IS NOT NULL) AS measure,
				    EXISTS (SELECT 1 FROM measure m WHERE m.complaint_id = c.id AND m.text IS NULL) AS no_measure
				FROM complaint c LEFT JOIN appeal a ON a.complaint_id = c.id
				WHERE c.submitted_at >= ? AND c.submitted_at < ?
				ORDER BY c.id""")
			.params(startOf(year), startOf(year + 1))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getString("assessment"),
					localDate(rs.getString("submitted_at")), date(rs.getString("decided_at")),
					date(rs.getString("decision_due")), rs.getInt("extensions"), rs.getString("handled_at") != null,
					rs.getBoolean("appealed"), rs.getString("outcome"), rs.getBoolean("measure"),
					rs.getBoolean("no_measure")))
			.list();
	}

	private static Map<String, Long> counts(List<Row> rows, Function<Row, String> key, List<String> known) {
		Map<String, Long> counts = new LinkedHashMap<>();
		known.forEach((k) -> counts.put(k, 0L));
		rows.forEach((r) -> counts.merge(key.apply(r), 1L, Long::sum));
		return counts;
	}

	private static YearReport.Appeals appeals(List<Row> rows) {
		List<Row> appealed = rows.stream().filter(Row::appealed).toList();
		Map<String, Long> byOutcome = appealed.stream()
			.filter((r) -> r.appealOutcome() != null)
			.collect(Collectors.groupingBy(Row::appealOutcome, TreeMap::new, Collectors.counting()));
		long pending = appealed.stream().filter((r) -> r.appealOutcome() == null).count();
		return new YearReport.Appeals(appealed.size(), pending, byOutcome);
	}

	private YearReport.Acknowledgements acknowledgements(int year, List<Row> rows) {
		Map<Long, LocalDate> first = firstAcknowledgements(year);
		long within = 0;
		long late = 0;
		for (Row row : rows) {
			LocalDate sent = first.get(row.id());
			if (sent != null && !sent.isAfter(row.submitted().plus(this.terms.acknowledge()))) {
				within++;
			}
			else if (sent != null) {
				late++;
			}
		}
		return new YearReport.Acknowledgements(within, late, rows.size() - within - late);
	}

	/**
	 * The local date of each case's first outgoing acknowledgement; {@code at} offsets
	 * may differ.
	 */
	private Map<Long, LocalDate> firstAcknowledgements(int year) {
		Map<Long, LocalDate> first = new HashMap<>();
		this.jdbc.sql("""
				SELECT complaint_id, at FROM correspondence
				WHERE direction = 'out' AND kind = 'acknowledgement'
				  AND complaint_id IN (SELECT id FROM complaint WHERE submitted_at >= ? AND submitted_at < ?)""")
			.params(startOf(year), startOf(year + 1))
			.query((rs) -> {
				first.merge(rs.getLong(1), localDate(rs.getString(2)), (a, b) -> a.isBefore(b) ? a : b);
			});
		return first;
	}

	private YearReport.Decisions decisions(List<Row> rows) {
		long within = 0;
		long extended = 0;
		long late = 0;
		for (Row row : rows.stream().filter((r) -> r.decided() != null).toList()) {
			if (!row.decided().isAfter(row.submitted().plus(this.terms.handling()))) {
				within++;
			}
			else if (row.extensions() > 0 && !row.decided().isAfter(row.currentDue())) {
				extended++;
			}
			else {
				late++;
			}
		}
		return new YearReport.Decisions(within, extended, late);
	}

	private static YearReport.HandlingTime handlingTime(List<Row> rows) {
		long[] days = rows.stream()
			.filter((r) -> r.decided() != null)
			.mapToLong((r) -> ChronoUnit.DAYS.between(r.submitted(), r.decided()))
			.sorted()
			.toArray();
		if (days.length == 0) {
			return new YearReport.HandlingTime(0, OptionalDouble.empty(), OptionalDouble.empty());
		}
		int mid = days.length / 2;
		double median = days.length % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2.0;
		return new YearReport.HandlingTime(days.length, Arrays.stream(days).average(), OptionalDouble.of(median));
	}

	private static YearReport.Measures measures(List<Row> rows) {
		Predicate<Row> noMeasure = (r) -> !r.hasMeasure() && r.hasNoMeasure();
		Predicate<Row> neither = (r) -> r.handled() && !r.hasMeasure() && !r.hasNoMeasure();
		return new YearReport.Measures(rows.stream().filter(Row::hasMeasure).count(),
				rows.stream().filter(noMeasure).count(), rows.stream().filter(neither).count());
	}

	private LocalDate localDate(String timestamp) {
		return Timestamps.read(timestamp).atZone(this.terms.zone()).toLocalDate();
	}

	/** The stored form of the year's first local midnight. */
	private String startOf(int year) {
		return Timestamps.write(LocalDate.of(year, 1, 1).atStartOfDay(this.terms.zone()).toInstant());
	}

	private static LocalDate date(String value) {
		return (value == null) ? null : LocalDate.parse(value.substring(0, 10));
	}

}
