package nl.klachten.intake;

import java.util.Optional;

import nl.klachten.committee.CommitteeSettings;

/**
 * Mail from one of the provider's own domains that is on no case and no command: internal
 * mail, not a complaint (R3), ignored as {@code own-domain}.
 */
final class IsOwnDomain implements MailRule {

	private final CommitteeSettings committee;

	IsOwnDomain(CommitteeSettings committee) {
		this.committee = committee;
	}

	@Override
	public Optional<Route> route(MailFacts mail) {
		return mail.mail()
			.strictSender()
			.filter(this.committee::isOwnDomain)
			.map((sender) -> new Route.Ignore("own-domain"));
	}

}
