package nl.klachten.threading;

/** Who wrote a mail on a case, which decides what the mail may do there. */
public enum Party {

	COMPLAINANT, EMPLOYEE, COMMITTEE, MANAGEMENT, APPEALS;

	/** The correspondence kind recorded for a mail from this party. */
	public String letterKind() {
		return switch (this) {
			case COMPLAINANT -> "follow-up";
			case EMPLOYEE -> "employee";
			case COMMITTEE -> "committee";
			case MANAGEMENT -> "management";
			case APPEALS -> "appeals";
		};
	}

}
