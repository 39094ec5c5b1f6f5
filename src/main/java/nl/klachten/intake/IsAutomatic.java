package nl.klachten.intake;

import java.util.Optional;

/**
 * Mail that is never a complaint and never answered (CONTRACT §4, R3): auto-replies, bulk
 * and list mail, bounces and delivery reports, ignored with the reason
 * {@link IgnoreRules} gives.
 */
final class IsAutomatic implements MailRule {

	@Override
	public Optional<Route> route(MailFacts mail) {
		return IgnoreRules.reason(mail.mail()).map(Route.Ignore::new);
	}

}
