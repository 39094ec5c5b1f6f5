package nl.klachten.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The facts of a case that a one-line summary for the chair needs: status, terms, the
 * question it waits on, the decision and the appeal. Read in one place
 * ({@link CaseStandings}) so that every mail to the chair says the same of a case.
 *
 * @param complainantName the complainant's name, or empty when unknown
 * @param status the status of CONTRACT §6
 * @param decisionDue the day the decision is due (after any extension)
 * @param extended whether the handling term was extended
 * @param late whether the complaint was submitted more than twelve months after it arose
 * @param assessment the decision's assessment column ({@code gegrond},
 * {@code deels_gegrond}, {@code ongegrond}), or null while undecided
 * @param decidedOn the day of the decision, or null
 * @param waiting the unanswered question the case waits on, or null
 * @param appeal the appeal, or null
 */
public record CaseStanding(String complainantName, RegisteredComplaint.Status status, LocalDate decisionDue,
		boolean extended, boolean late, String assessment, LocalDate decidedOn, Waiting waiting,
		Appeals.Appeal appeal) {

	/**
	 * Who the case waits on: {@code question-complainant}, {@code question-employee} or
	 * {@code management-file}.
	 */
	public record Waiting(String kind, OffsetDateTime since) {
	}

	@Override
	public String toString() {
		return "CaseStanding[" + this.status + "]";
	}

}
