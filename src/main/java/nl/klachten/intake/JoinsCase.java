package nl.klachten.intake;

import java.util.Optional;

import nl.klachten.threading.MailThread;

/**
 * A mail on a case its sender may join (CONTRACT §4) that is not a command:
 * correspondence, filed on the case (R12, R13, R19).
 */
final class JoinsCase implements MailRule {

	@Override
	public Optional<Route> route(MailFacts mail) {
		return mail.thread() instanceof MailThread.Joined joined ? Optional.of(new Route.Correspondence(joined))
				: Optional.empty();
	}

}
