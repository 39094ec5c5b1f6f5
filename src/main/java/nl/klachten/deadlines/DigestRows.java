package nl.klachten.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.committee.PeopleDates;
import nl.klachten.outbound.MailKinds;
import nl.klachten.register.DigestData;

/**
 * What each row of {@link DigestData} makes in the digest: one rule a section, each
 * deciding whether the row is listed as of {@code now} and with which note and suggested
 * reply. Terms come from {@link DeadlinePolicy}; a row with a missing date throws, which
 * {@link DigestBuilder} counts as one failed line.
 */
final class DigestRows {

	/** How far ahead a due date is announced. */
	static final int SOON_DAYS = 7;

	/**
	 * R24: management is asked for measures; after four weeks without an answer the chair
	 * is reminded.
	 */
	static final Period MEASURE_TERM = Period.ofWeeks(4);

	private final DeadlinePolicy policy;

	DigestRows(DeadlinePolicy policy) {
		this.policy = policy;
	}

	Optional<Digest.Line> overdue(DigestData.OpenCase c, Instant now) {
		LocalDate due = c.decisionDue();
		if (!this.policy.overdue(due, now)) {
			return Optional.empty();
		}
		String note = -this.policy.daysLeft(due, now) + " dagen over de beslistermijn";
		return Optional
			.of(line(c.reference(), due, c.complainantName(), c.subject(), note, SuggestedReply.decide(c.reference())));
	}

	Optional<Digest.Line> dueSoon(DigestData.OpenCase c, Instant now) {
		LocalDate due = c.decisionDue();
		if (!this.policy.dueWithin(due, now, SOON_DAYS)) {
			return Optional.empty();
		}
		return Optional.of(line(c.reference(), due, c.complainantName(), c.subject(), "beslissing " + left(due, now),
				SuggestedReply.extend(c.reference())));
	}

	Optional<Digest.Line> extensionNotice(DigestData.OpenCase c, Instant now) {
		LocalDate by = this.policy.extensionNoticeBy(c.submittedAt().atOffset(ZoneOffset.UTC));
		if (c.extended() || !this.policy.dueWithin(by, now, SOON_DAYS)) {
			return Optional.empty();
		}
		String note = "nog niet verlengd; verlengingsbericht uiterlijk " + left(by, now);
		return Optional
			.of(line(c.reference(), by, c.complainantName(), c.subject(), note, SuggestedReply.extend(c.reference())));
	}

	Optional<Digest.Line> waiting(DigestData.Question q, Instant now) {
		LocalDate asked = this.policy.today(q.askedAt());
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

	Optional<Digest.Line> appeal(DigestData.Appeal a, Instant now) {
		LocalDate due = Objects.requireNonNull(a.due());
		LocalDate filed = this.policy.today(a.filedAt());
		boolean late = this.policy.overdue(due, now);
		String note = (late ? "TERMIJN VERSTREKEN (" + -this.policy.daysLeft(due, now) + " dagen)" : left(due, now))
				+ "; beroep ingesteld " + PeopleDates.date(filed);
		// the appeals committee decides (BEROEP-GEGROND, BEROEP-ONGEGROND,
		// BEROEP-VERLENG), not the chair
		return Optional.of(line(a.reference(), due, a.complainantName(), a.subject(),
				note + "; de beroepscommissie beslist", SuggestedReply.status(a.reference())));
	}

	Optional<Digest.Line> registered(DigestData.Registered r, Instant since, Instant now) {
		Instant at = Objects.requireNonNull(r.submittedAt());
		if (!at.isAfter(since) || at.isAfter(now)) {
			return Optional.empty();
		}
		return Optional.of(line(r.reference(), this.policy.today(at), r.complainantName(), r.subject(), "geregistreerd",
				SuggestedReply.status(r.reference())));
	}

	Optional<Digest.Line> late(DigestData.OpenCase c) {
		if (!c.late()) {
			return Optional.empty();
		}
		LocalDate submitted = this.policy.today(c.submittedAt());
		LocalDate arose = c.aroseOn() == null ? submitted : c.aroseOn();
		String note = "ontstaan " + PeopleDates.date(arose) + ", ingediend " + PeopleDates.date(submitted)
				+ ": buiten de termijn van twaalf maanden";
		return Optional
			.of(line(c.reference(), arose, c.complainantName(), c.subject(), note, SuggestedReply.late(c.reference())));
	}

	Optional<Digest.Line> measure(DigestData.Handled h, Instant now) {
		LocalDate decided = h.decidedAt();
		if (!this.policy.overdue(decided.plus(MEASURE_TERM), now)) {
			return Optional.empty();
		}
		String note = "afgehandeld " + -this.policy.daysLeft(decided, now)
				+ " dagen geleden; geen maatregel vastgelegd";
		return Optional.of(line(h.reference(), decided, h.complainantName(), h.subject(), note,
				SuggestedReply.measure(h.reference())));
	}

	Optional<Digest.Line> undelivered(DigestData.Undelivered u, Instant since, Instant now) {
		Instant at = Objects.requireNonNull(u.at());
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

	static Digest.Line purge(Digest.Purge p, String what) {
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
