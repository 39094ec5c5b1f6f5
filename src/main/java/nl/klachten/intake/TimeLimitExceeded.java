package nl.klachten.intake;

/**
 * One mail took more work than {@code complaints.intake.max-mail-time}. Thrown inside the
 * mail's savepoint, so whatever the mail did is rolled back; the mail is then quarantined
 * at once as {@code time-limit}, without further tries (it would take as long again).
 */
final class TimeLimitExceeded extends RuntimeException {

	TimeLimitExceeded() {
		super("time-limit", null, false, false);
	}

}
