package nl.klachten.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.register.DigestData;

/**
 * Builds the daily digest (D7) from what {@link DigestData} loaded, as of an explicit
 * instant: the sections in their order, each from the rule of {@link DigestRows} for its
 * kind. All term arithmetic goes through {@link DeadlinePolicy}. A row that cannot be
 * read (a broken date, which {@link DigestData} hands over as null) costs its own line
 * only: it is counted in {@link Digest#failedLines()} and the rest goes on.
 */
public final class DigestBuilder {

	private final DeadlinePolicy policy;

	private final DigestRows rows;

	public DigestBuilder(DeadlinePolicy policy) {
		this.policy = policy;
		this.rows = new DigestRows(policy);
	}

	/**
	 * Everything the digest is built from.
	 *
	 * @param lastDigest when the previous day's digest went; empty means "the last 24
	 * hours"
	 * @param purgedRecently cases the retention rule purged lately (R20)
	 * @param purgeDueSoon cases it will purge soon (R20)
	 * @param undelivered recipients the SMTP server refused for good lately (issue 13);
	 * those since the previous digest are listed, so each refusal is listed once
	 */
	public record Input(List<DigestData.OpenCase> open, List<DigestData.Question> waiting,
			List<DigestData.Appeal> appeals, List<DigestData.Handled> handledWithoutMeasure,
			List<DigestData.Registered> registered, Optional<Instant> lastDigest, List<Digest.Purge> purgedRecently,
			List<Digest.Purge> purgeDueSoon, List<DigestData.Undelivered> undelivered) {

	}

	public Digest build(Input in, Instant now) {
		int[] failed = { 0 };
		List<Digest.Section> sections = new ArrayList<>();
		sections.add(section(Digest.Kind.OVERDUE, in.open(), (c) -> this.rows.overdue(c, now), failed));
		sections.add(section(Digest.Kind.DUE_SOON, in.open(), (c) -> this.rows.dueSoon(c, now), failed));
		sections
			.add(section(Digest.Kind.EXTENSION_NOTICE, in.open(), (c) -> this.rows.extensionNotice(c, now), failed));
		sections.add(section(Digest.Kind.WAITING, in.waiting(), (q) -> this.rows.waiting(q, now), failed));
		sections.add(section(Digest.Kind.APPEALS, in.appeals(), (a) -> this.rows.appeal(a, now), failed));
		Instant since = in.lastDigest().orElse(now.minus(Duration.ofDays(1)));
		sections.add(section(Digest.Kind.NEW, in.registered(), (r) -> this.rows.registered(r, since, now), failed));
		sections.add(section(Digest.Kind.LATE, in.open(), this.rows::late, failed));
		sections
			.add(section(Digest.Kind.MEASURES, in.handledWithoutMeasure(), (h) -> this.rows.measure(h, now), failed));
		List<Digest.Line> purges = new ArrayList<>();
		in.purgedRecently().forEach((p) -> purges.add(DigestRows.purge(p, "verwijderd")));
		in.purgeDueSoon().forEach((p) -> purges.add(DigestRows.purge(p, "wordt verwijderd")));
		sections.add(new Digest.Section(Digest.Kind.PURGES, purges));
		sections.add(section(Digest.Kind.UNDELIVERED, in.undelivered(), (u) -> this.rows.undelivered(u, since, now),
				failed));
		return new Digest(this.policy.today(now), sections, failed[0]);
	}

	private static <T> Digest.Section section(Digest.Kind kind, List<T> rows, Function<T, Optional<Digest.Line>> line,
			int[] failed) {
		List<Digest.Line> lines = new ArrayList<>();
		for (T row : rows) {
			try {
				line.apply(row).ifPresent(lines::add);
			}
			catch (RuntimeException ex) {
				failed[0]++;
			}
		}
		lines.sort(Comparator.comparing(Digest.Line::date).thenComparing(Digest.Line::reference));
		return new Digest.Section(kind, lines);
	}

}
