package nl.klachten.committee;

/**
 * What a log line or a health detail may say of a failure: class names only, never a
 * message, which can hold a mail's text or an address (confidential by default).
 */
public final class Failures {

	private static final int DEPTH = 20;

	private Failures() {
	}

	/** The failure's class and the classes of its causes: {@code A <- B <- C}. */
	public static String causes(Throwable failure) {
		StringBuilder chain = new StringBuilder(failure.getClass().getSimpleName());
		int depth = 0;
		for (Throwable c = failure.getCause(); c != null && c != c.getCause() && depth < DEPTH; c = c.getCause()) {
			chain.append(" <- ").append(c.getClass().getSimpleName());
			depth++;
		}
		return chain.toString();
	}

	/** The innermost cause (the failure itself when it has none). */
	public static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < DEPTH; depth++) {
			cause = cause.getCause();
		}
		return cause;
	}

}
