package nl.klachten.intake;

import java.util.Optional;

import nl.klachten.commands.CommandDesk;
import nl.klachten.committee.CommitteeSettings;
import nl.klachten.threading.MailThread;
import nl.klachten.threading.Party;

/**
 * A command mail (D7). On a case: every committee mail, and a management or appeals mail
 * that starts with a command keyword. Without a case: a mail from a strictly read
 * official address (CONTRACT §5) that starts with a keyword, or, from the committee, with
 * a near miss of one (so the chair hears it was not understood instead of it becoming a
 * complaint).
 */
final class IsCommand implements MailRule {

	private final CommitteeSettings committee;

	IsCommand(CommitteeSettings committee) {
		this.committee = committee;
	}

	@Override
	public Optional<Route> route(MailFacts mail) {
		if (mail.thread() instanceof MailThread.Joined joined) {
			return isCommand(joined.party(), mail.newText())
					? Optional.of(new Route.Command(joined.complaint(), joined.party().letterKind()))
					: Optional.empty();
		}
		Optional<String> official = mail.mail().strictSender().filter(this.committee::isOfficial);
		if (official.isEmpty() || !(CommandDesk.startsWithKeyword(mail.newText())
				|| (CommandDesk.startsLikeCommand(mail.newText()) && this.committee.isCommittee(official.get())))) {
			return Optional.empty();
		}
		return Optional.of(new Route.Command(null, officialKind(official.get())));
	}

	/**
	 * Every committee mail on a case is a command mail; management and appeals only when
	 * it starts with one.
	 */
	private static boolean isCommand(Party party, String newText) {
		return party == Party.COMMITTEE
				|| ((party == Party.MANAGEMENT || party == Party.APPEALS) && CommandDesk.startsWithKeyword(newText));
	}

	private String officialKind(String address) {
		if (this.committee.isCommittee(address)) {
			return Party.COMMITTEE.letterKind();
		}
		return this.committee.isManagement(address) ? Party.MANAGEMENT.letterKind() : Party.APPEALS.letterKind();
	}

}
