package nl.klachten.register;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The yearly figures (CONTRACT §1 {@code report}) over the complaints submitted in one
 * year. Maps keep a fixed order and list every known value, also when its count is zero.
 *
 * @param year the submission year
 * @param complaints how many complaints were submitted that year
 * @param byStatus {@code in_behandeling}, {@code afgehandeld}, {@code ingetrokken}
 * @param byAssessment {@code gegrond}, {@code deels_gegrond}, {@code ongegrond} (decided
 * cases)
 * @param appeals the appeals filed on those complaints
 * @param acknowledgements whether the first acknowledgement went within the term (R9)
 * @param decisions whether decided cases were decided within the term (R10, R11)
 * @param handlingTime days from the submission date to the decision date
 * @param measures measures against recurrence (R24)
 */
public record YearReport(int year, long complaints, Map<String, Long> byStatus, Map<String, Long> byAssessment,
		Appeals appeals, Acknowledgements acknowledgements, Decisions decisions, HandlingTime handlingTime,
		Measures measures) {

	/**
	 * Appeals by outcome as recorded; {@code pending} counts those without an outcome
	 * yet.
	 */
	public record Appeals(long filed, long pending, Map<String, Long> byOutcome) {
	}

	/**
	 * First outgoing {@code acknowledgement} letter by local date: within the term,
	 * later, or none.
	 */
	public record Acknowledgements(long withinTerm, long late, long none) {
	}

	/**
	 * Decided cases: on or before the original due date; else on or before the extended
	 * due date of a case with an extension; else late.
	 */
	public record Decisions(long withinTerm, long withinExtendedTerm, long late) {

		public long decided() {
			return this.withinTerm + this.withinExtendedTerm + this.late;
		}

	}

	/** Mean and median in days over the decided cases; empty when none was decided. */
	public record HandlingTime(long decided, OptionalDouble mean, OptionalDouble median) {
	}

	/**
	 * Cases with at least one concrete measure; cases with only a "no measure" answer;
	 * handled cases with neither (management has not answered yet).
	 */
	public record Measures(long withMeasure, long noMeasure, long handledWithoutAnswer) {
	}

}
