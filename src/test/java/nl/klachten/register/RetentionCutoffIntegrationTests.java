package nl.klachten.register;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.klachten.RegisterIntegrationTest;
import nl.klachten.committee.DeadlinePolicy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: which handled cases retention is due for (R20) is first narrowed in SQL, by
 * the stored text of {@code handled_at}, and then decided by the exact rule. The
 * narrowing must never lose a case: for cases handled around the end of a month, a leap
 * day and midnight, in every stored form the register ever wrote, {@code due} and
 * {@code dueWithin} give exactly what the exact rule over all cases gives, for every day
 * of the months around their retention's end.
 */
class RetentionCutoffIntegrationTests extends RegisterIntegrationTest {

	private static final List<String> HANDLED = List.of("2027-01-31T22:30:00.000000000Z",
			"2027-01-31T23:30:00.000000000Z", "2027-02-28T23:00:00.000000000Z", "2027-03-31T21:59:59.000000000Z",
			"2027-03-31T22:00:00.000000000Z", "2028-02-29T12:00:00.000000000Z", "2028-02-28T23:30:00.000000000Z",
			"2027-01-31T23:30+01:00", "2027-02-01T00:30+01:00", "2027-03-31T01:00-05:00", "2027-01-31", "2027-02-28",
			"2028-02-29", "gisteren", "");

	private static final OffsetDateTime SUBMITTED = OffsetDateTime.of(2027, 1, 3, 10, 0, 0, 0, ZoneOffset.UTC);

	@Autowired
	Complaints complaints;

	@Autowired
	RetentionCandidates candidates;

	@Autowired
	DeadlinePolicy policy;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldFindTheSameCasesAsTheExactRuleOverAllCases() {
		Map<String, String> mine = new LinkedHashMap<>();
		for (String handledAt : HANDLED) {
			for (String status : List.of("afgehandeld", "ingetrokken")) {
				RegisteredComplaint c = this.complaints.register(new NewComplaint("Klager", "cutoff@example.org", null,
						null, null, "Bewaartermijn " + UUID.randomUUID(), "Tekst", SUBMITTED, null, false, null,
						List.of(), SUBMITTED.toLocalDate(), SUBMITTED.toLocalDate()));
				this.jdbc.sql("UPDATE complaint SET status = ?, handled_at = ? WHERE id = ?")
					.params(status, handledAt, c.id())
					.update();
				mine.put(c.reference().toString(), handledAt);
			}
		}
		int checked = 0;
		for (LocalDate day = LocalDate.parse("2027-12-15"); day
			.isBefore(LocalDate.parse("2029-04-15")); day = day.plusDays(1)) {
			Set<String> due = new HashSet<>();
			this.candidates.due(day).forEach((h) -> due.add(h.candidate().reference()));
			due.retainAll(mine.keySet());
			Set<String> within = new HashSet<>();
			this.candidates.dueWithin(day, 30).forEach((c) -> within.add(c.reference()));
			within.retainAll(mine.keySet());
			assertThat(due).as("due on %s", day).isEqualTo(exact(mine, day, -1));
			assertThat(within).as("due within 30 days of %s", day).isEqualTo(exact(mine, day, 30));
			checked += due.size() + within.size();
		}
		assertThat(checked).as("the sweep meets cases both due and not").isGreaterThan(1000);
	}

	/**
	 * The rule over every case, as before the narrowing: due ({@code days} -1), or due
	 * within {@code days}.
	 */
	private Set<String> exact(Map<String, String> mine, LocalDate day, int days) {
		Instant start = day.atStartOfDay(this.policy.zone()).toInstant();
		Set<String> found = new HashSet<>();
		mine.forEach((reference, stored) -> {
			Instant at = Timestamps.readLegacy(stored, this.policy.zone(), true);
			if (at == null) {
				return;
			}
			OffsetDateTime handled = at.atOffset(ZoneOffset.UTC);
			boolean hit = days < 0 ? this.policy.purgeDue(handled, start)
					: this.policy.dueWithin(this.policy.retentionUntil(handled), start, days);
			if (hit) {
				found.add(reference);
			}
		});
		return found;
	}

}
