package nl.klachten.register;

import java.time.ZoneId;

/**
 * The state of a case for people, as the case file and the data-access letter write it.
 */
public final class CaseStatus {

	private CaseStatus() {
	}

	/**
	 * The state of a case in one sentence: "in behandeling; beslissing uiterlijk 28
	 * december 2026", "afgehandeld, beroep ingesteld op 5 december 2026; de
	 * beroepscommissie beslist uiterlijk 30 januari 2027", "afgehandeld op 3 december
	 * 2026 (gegrond)", "ingetrokken".
	 */
	public static String of(CaseFile c, ZoneId zone) {
		if ("in_behandeling".equals(c.status())) {
			return "in behandeling; beslissing uiterlijk " + StoredDates.date(c.decisionDue());
		}
		if (!"afgehandeld".equals(c.status())) {
			return c.status() == null ? "" : c.status().replace('_', ' ');
		}
		CaseFile.Appeal appeal = c.appeal();
		if (appeal != null && appeal.outcome() == null) {
			return "afgehandeld, beroep ingesteld op " + StoredDates.date(appeal.filedAt(), zone)
					+ "; de beroepscommissie beslist uiterlijk " + StoredDates.date(appeal.due());
		}
		if (appeal != null) {
			return "afgehandeld; beroep " + appeal.outcome() + " verklaard op " + StoredDates.date(appeal.decidedAt());
		}
		CaseFile.Decision decision = c.decision();
		return decision == null ? "afgehandeld" : "afgehandeld op " + StoredDates.date(decision.decidedAt()) + " ("
				+ decision.assessment().replace('_', ' ') + ")";
	}

}
