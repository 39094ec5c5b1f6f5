package nl.klachten.commands;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A new term from {@code VERLENG} or {@code BEROEP-VERLENG}: either an absolute date, or
 * a number of weeks counted from the current due date (CONTRACT §5). Exactly one of the
 * two is set; {@code weeks} is 0 when {@code until} is set.
 */
public record Term(LocalDate until, int weeks) {

	public Term {
		if ((until == null) == (weeks == 0) || weeks < 0) {
			throw new IllegalArgumentException("a term is either a date or a positive number of weeks");
		}
	}

	public static Term until(LocalDate date) {
		return new Term(Objects.requireNonNull(date, "date"), 0);
	}

	public static Term weeks(int weeks) {
		return new Term(null, weeks);
	}

	/** The new due date: the absolute date, or {@code current} plus the weeks. */
	public LocalDate from(LocalDate current) {
		return (this.until != null) ? this.until : current.plusWeeks(this.weeks);
	}

}
