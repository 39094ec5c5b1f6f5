package nl.klachten.intake;

import nl.klachten.register.RegisteredComplaint;
import nl.klachten.threading.MailThread;

/**
 * Where a mail goes, as {@link MailRoutes} decides it: a value, so the decision can be
 * read and tested apart from what it does to the register. Quarantine is not a route: it
 * is where a mail goes when it cannot be routed at all (over a limit, unparseable,
 * failing).
 */
sealed interface Route {

	/**
	 * Kept in the ignored list only, never answered; {@code reason} is its code there
	 * (CONTRACT §4).
	 */
	record Ignore(String reason) implements Route {

		/** The processor's own mail read back ({@link IsOwnMail}). */
		public static final Ignore OWN_MAIL = new Ignore("own-mail");

	}

	/**
	 * A mail on a case its sender may join (R12, R13, R19): filed there and followed up.
	 */
	record Correspondence(MailThread.Joined joined) implements Route {
	}

	/**
	 * A command mail of the committee, management or appeals (D7): {@code named} is the
	 * case it is on (null for a command without a case), {@code kind} the correspondence
	 * kind of its sender.
	 */
	record Command(RegisteredComplaint named, String kind) implements Route {
	}

	/**
	 * A new complaint (R3, R6): {@code reason} is its code in the register,
	 * {@code acknowledge} whether the sender is within the hourly acknowledgement limit,
	 * and {@code possibleLink} a case it refers to that its sender may not join (null
	 * when none).
	 */
	record NewComplaint(String reason, boolean acknowledge, RegisteredComplaint possibleLink) implements Route {
	}

}
