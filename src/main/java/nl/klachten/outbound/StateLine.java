package nl.klachten.outbound;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import nl.klachten.committee.PeopleDates;
import nl.klachten.register.Appeals;
import nl.klachten.register.CaseStanding;

/**
 * The one line at the top of every mail to the chair about a case (issue 11), e.g.
 * {@code in behandeling — wacht op klager sinds 3 dec — beslissen uiterlijk 29 dec}: the
 * status, what the case waits for and since when, the decision or the appeal, and the
 * term that runs, so the chair knows where a case stands without opening the file. Dates
 * are short ({@link PeopleDates#shortDate}); the line is a pure function of the case and
 * the day.
 */
public final class StateLine {

	private static final String SEPARATOR = " — ";

	private StateLine() {
	}

	public static String of(CaseStanding c, LocalDate today) {
		List<String> parts = new ArrayList<>();
		switch (c.status()) {
			case IN_BEHANDELING -> open(c, today, parts);
			case AFGEHANDELD -> handled(c, today, parts);
			case INGETROKKEN -> parts.add("ingetrokken door de klager");
		}
		return String.join(SEPARATOR, parts);
	}

	private static void open(CaseStanding c, LocalDate today, List<String> parts) {
		parts.add("in behandeling");
		if (c.waiting() != null) {
			parts.add("wacht op " + who(c.waiting().kind()) + " sinds " + PeopleDates.shortDate(c.waiting().since()));
		}
		if (today.isAfter(c.decisionDue())) {
			long days = ChronoUnit.DAYS.between(c.decisionDue(), today);
			parts.add("beslistermijn verstreken op " + PeopleDates.shortDate(c.decisionDue()) + " (" + days
					+ (days == 1 ? " dag)" : " dagen)"));
		}
		else {
			parts.add("beslissen uiterlijk " + PeopleDates.shortDate(c.decisionDue())
					+ (c.extended() ? " (verlengd)" : ""));
		}
		if (c.late()) {
			parts.add("buiten termijn ingediend");
		}
	}

	private static void handled(CaseStanding c, LocalDate today, List<String> parts) {
		String assessment = c.assessment() == null ? "" : ": " + c.assessment().replace('_', ' ');
		parts.add("afgehandeld" + assessment
				+ (c.decidedOn() == null ? "" : " op " + PeopleDates.shortDate(c.decidedOn())));
		Appeals.Appeal appeal = c.appeal();
		if (appeal == null) {
			return;
		}
		if (appeal.decided()) {
			parts.add("beroep " + appeal.outcome()
					+ (appeal.decidedAt() == null ? "" : " op " + PeopleDates.shortDate(appeal.decidedAt())));
			return;
		}
		parts.add("beroep ingesteld " + PeopleDates.shortDate(appeal.filedAt()));
		parts.add((today.isAfter(appeal.due()) ? "uitspraak beroep was uiterlijk " : "uitspraak beroep uiterlijk ")
				+ PeopleDates.shortDate(appeal.due()));
	}

	private static String who(String kind) {
		return switch (kind) {
			case "question-employee" -> "medewerker";
			case "question-complainant" -> "klager";
			default -> "directie";
		};
	}

}
