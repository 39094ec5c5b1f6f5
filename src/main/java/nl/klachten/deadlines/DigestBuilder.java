package nl.klachten.deadlines;

import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.committee.PeopleDates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import nl.klachten.outbound.MailKinds;
import nl.klachten.register.DigestData;

/**
 * Builds the daily digest (D7) from what {@link DigestData} loaded, as of an explicit instant. All
 * term arithmetic goes through {@link DeadlinePolicy}. A row that cannot be read (a broken date)
 * costs its own line only: it is counted in {@link Digest#failedLines()} and the rest goes on.
 */
public final class DigestBuilder {

	/** How far ahead a due date is announced. */
	static final int SOON_DAYS = 7;

	/** R24: management is asked for measures; after four weeks without an answer the chair is reminded. */
	static final Period MEASURE_TERM = Period.ofWeeks(4);

	private final DeadlinePolicy policy;

	public DigestBuilder(DeadlinePolicy policy) {
		this.policy = policy;
	}

	/**
	 * Everything the digest is built from.
	 *
	 * @param lastDigest when the previous day's digest went; empty means "the last 24 hours"
	 * @param purgedRecently cases the retention rule purged lately (R20)
	 * @param purgeDueSoon cases it will purge soon (R20)
	 * @param undelivered recipients the SMTP server refused for good lately (issue 13); those since
	 * the previous digest are listed, so each refusal is listed once
	 */
	public record Input(List<DigestData.OpenCase> open, List<DigestData.Question> waiting,
			List<DigestData.Appeal> appeals, List<DigestData.Handled> handledWithoutMeasure,
			List<DigestData.Registered> registered, Optional<Instant> lastDigest, List<Digest.Purge> purgedRecently,
			List<Digest.Purge> purgeDueSoon, List<DigestData.Undelivered> undelivered) {

		public Input(List<DigestData.OpenCase> open, List<DigestData.Question> waiting, List<DigestData.Appeal> appeals,
				List<DigestData.Handled> handledWithoutMeasure, List<DigestData.Registered> registered,
				Optional<Instant> lastDigest, List<Digest.Purge> purgedRecently, List<Digest.Purge> purgeDueSoon) {
			this(open, waiting, appeals, handledWithoutMeasure, registered, lastDigest, purgedRecently, purgeDueSoon,
					List.of());
		}

	}

	public Digest build(Input in, Instant now) {
		int[] failed = { 0 };
		List<Digest.Section> sections = new ArrayList<>();
		sections.add(section(Digest.Kind.OVERDUE, in.open(), (c) -> overdue(c, now), failed));
		sections.add(section(Digest.Kind.DUE_SOON, in.open(), (c) -> dueSoon(c, now), failed));
		sections.add(section(Digest.Kind.EXTENSION_NOTICE, in.open(), (c) -> extensionNotice(c, now), failed));
		sections.add(section(Digest.Kind.WAITING, in.waiting(), (q) -> waiting(q, now), failed));
		sections.add(section(Digest.Kind.APPEALS, in.appeals(), (a) -> appeal(a, now), failed));
		Instant since = in.lastDigest().orElse(now.minus(Duration.ofDays(1)));
		sections.add(section(Digest.Kind.NEW, in.registered(), (r) -> registered(r, since, now), failed));
		sections.add(section(Digest.Kind.LATE, in.open(), this::late, failed));
		sections.add(section(Digest.Kind.MEASURES, in.handledWithoutMeasure(), (h) -> measure(h, now), failed));
		List<Digest.Line> purges = new ArrayList<>();
		in.purgedRecently().forEach((p) -> purges.add(purge(p, "verwijderd")));
		in.purgeDueSoon().forEach((p) -> purges.add(purge(p, "wordt verwijderd")));
		sections.add(new Digest.Section(Digest.Kind.PURGES, purges));
		sections.add(section(Digest.Kind.UNDELIVERED, in.undelivered(), (u) -> undelivered(u, since, now), failed));
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

	private Optional<Digest.Line> overdue(DigestData.OpenCase c, Instant now) {
		LocalDate due = LocalDate.parse(c.decisionDue());
		if (!this.policy.overdue(due, now)) {
			return Optional.empty();
		}
		String note = -this.policy.daysLeft(due, now) + " dagen over de beslistermijn";
		return Optional.of(line(c.reference(), due, c.complainantName(), c.subject(), note,
				SuggestedReply.decide(c.reference())));
	}

	private Optional<Digest.Line> dueSoon(DigestData.OpenCase c, Instant now) {
		LocalDate due = LocalDate.parse(c.decisionDue());
		if (!this.policy.dueWithin(due, now, SOON_DAYS)) {
			return Optional.empty();
		}
		return Optional.of(line(c.reference(), due, c.complainantName(), c.subject(), "beslissing " + left(due, now),
				SuggestedReply.extend(c.reference())));
	}

	private Optional<Digest.Line> extensionNotice(DigestData.OpenCase c, Instant now) {
		LocalDate by = this.policy.extensionNoticeBy(OffsetDateTime.parse(c.submittedAt()));
		if (c.extended() || !this.policy.dueWithin(by, now, SOON_DAYS)) {
			return Optional.empty();
		}
		String note = "nog niet verlengd; verlengingsbericht uiterlijk " + left(by, now);
		return Optional.of(line(c.reference(), by, c.complainantName(), c.subject(), note,
				SuggestedReply.extend(c.reference())));
	}

	private Optional<Digest.Line> waiting(DigestData.Question q, Instant now) {
		LocalDate asked = this.policy.today(OffsetDateTime.parse(q.askedAt()).toInstant());
		long days = -this.policy.daysLeft(asked, now);
		String note = "wacht sinds " + PeopleDates.date(asked) + " (" + days + (days == 1 ? " dag" : " dagen") + ") op "
				+ who(q);
		return Optional.of(line(q.reference(), asked, q.complainantName(), q.subject(), note,
				SuggestedReply.waiting(q.reference(), q.kind())));
	}

	private static String who(DigestData.Question q) {
		return switch (q.kind()) {
			case "question-employee" -> "de medewerker (" + q.recipients() + ")";
			case "question-complainant" -> "de klager";
			default -> "de directie";
		};
	}

	private Optional<Digest.Line> appeal(DigestData.Appeal a, Instant now) {
		LocalDate due = LocalDate.parse(a.due());
		LocalDate filed = this.policy.today(OffsetDateTime.parse(a.filedAt()).toInstant());
		boolean late = this.policy.overdue(due, now);
		String note = (late ? "TERMIJN VERSTREKEN (" + -this.policy.daysLeft(due, now) + " dagen)" : left(due, now))
				+ "; beroep ingesteld " + PeopleDates.date(filed);
		// the appeals committee decides (BEROEP-GEGROND, BEROEP-ONGEGROND, BEROEP-VERLENG), not the chair
		return Optional.of(line(a.reference(), due, a.complainantName(), a.subject(),
				note + "; de beroepscommissie beslist", SuggestedReply.status(a.reference())));
	}

	private Optional<Digest.Line> registered(DigestData.Registered r, Instant since, Instant now) {
		Instant at = OffsetDateTime.parse(r.submittedAt()).toInstant();
		if (!at.isAfter(since) || at.isAfter(now)) {
			return Optional.empty();
		}
		return Optional.of(line(r.reference(), this.policy.today(at), r.complainantName(), r.subject(), "geregistreerd",
				SuggestedReply.status(r.reference())));
	}

	private Optional<Digest.Line> late(DigestData.OpenCase c) {
		if (!c.late()) {
			return Optional.empty();
		}
		LocalDate submitted = this.policy.today(OffsetDateTime.parse(c.submittedAt()).toInstant());
		LocalDate arose = c.aroseOn() == null ? submitted : LocalDate.parse(c.aroseOn());
		String note = "ontstaan " + PeopleDates.date(arose) + ", ingediend " + PeopleDates.date(submitted)
				+ ": buiten de termijn van twaalf maanden";
		return Optional.of(line(c.reference(), arose, c.complainantName(), c.subject(), note,
				SuggestedReply.late(c.reference())));
	}

	private Optional<Digest.Line> measure(DigestData.Handled h, Instant now) {
		LocalDate decided = LocalDate.parse(h.decidedAt());
		if (!this.policy.overdue(decided.plus(MEASURE_TERM), now)) {
			return Optional.empty();
		}
		String note = "afgehandeld " + -this.policy.daysLeft(decided, now) + " dagen geleden; geen maatregel vastgelegd";
		return Optional.of(line(h.reference(), decided, h.complainantName(), h.subject(), note,
				SuggestedReply.measure(h.reference())));
	}

	private Optional<Digest.Line> undelivered(DigestData.Undelivered u, Instant since, Instant now) {
		Instant at = Instant.parse(u.at());
		if (!at.isAfter(since) || at.isAfter(now)) {
			return Optional.empty();
		}
		String note = MailKinds.dutch(u.kind()) + " aan " + u.recipient() + " blijvend geweigerd: " + u.reply();
		if (u.reference() == null) {
			return Optional.of(new Digest.Line("", this.policy.today(at), null, null, note, "", ""));
		}
		return Optional.of(line(u.reference(), this.policy.today(at), u.complainantName(), u.subject(), note,
				SuggestedReply.status(u.reference())));
	}

	private static Digest.Line purge(Digest.Purge p, String what) {
		return new Digest.Line(p.reference(), p.date(), null, null, what + " op " + PeopleDates.date(p.date()), "", "");
	}

	private String left(LocalDate due, Instant now) {
		long days = this.policy.daysLeft(due, now);
		return days == 0 ? "vandaag" : "over " + days + (days == 1 ? " dag" : " dagen");
	}

	private static Digest.Line line(String reference, LocalDate date, String name, String subject, String note,
			SuggestedReply reply) {
		return new Digest.Line(reference, date, name, subject, note, reply.command(), reply.text());
	}

}
