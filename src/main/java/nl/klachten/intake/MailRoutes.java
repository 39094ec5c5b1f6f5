package nl.klachten.intake;

import java.util.List;
import java.util.Optional;

import nl.klachten.committee.CommitteeSettings;

/**
 * What happens to a mail, as an ordered list of named rules read top to bottom, like the
 * matchers of a processor in James's {@code mailetcontainer.xml}. The first rule that
 * answers decides the {@link Route}:
 * <ol>
 * <li>{@link IsOwnMail}: the processor's own mail read back is ignored
 * ({@code own-mail}); a mail that only reuses one of its Message-IDs goes on down the
 * list.</li>
 * <li>{@link IsAutomatic}: auto-replies, bulk and list mail, bounces are ignored with the
 * reason of {@code IgnoreRules} ({@code auto-submitted}, {@code mailing-list}, ...).</li>
 * <li>{@link IsCommand}: a committee, management or appeals command on a case, or an
 * official's command without a case, goes to the commands.</li>
 * <li>{@link JoinsCase}: any other mail on a case its sender may join is
 * correspondence.</li>
 * <li>{@link IsOwnDomain}: other mail from the provider's own domains is ignored
 * ({@code own-domain}).</li>
 * <li>{@link IsNewComplaint}: everything else is a new complaint ({@code new-complaint},
 * {@code new-complaint-rate-limited} or {@code new-complaint-unanswerable-sender}).</li>
 * </ol>
 * The rules only decide; what a route does to the register is applied afterwards, in the
 * mail's transaction. Quarantine is not on this list: it is where a mail goes that cannot
 * be routed.
 */
final class MailRoutes {

	private final List<MailRule> rules;

	/**
	 * The rules above, with who is who, how many mails a sender sent lately and the
	 * hourly acknowledgement limit ({@code complaints.intake.rate-limit-per-hour}).
	 */
	public MailRoutes(CommitteeSettings committee, RecentMails recent, int rateLimitPerHour) {
		this.rules = List.of(new IsOwnMail(), new IsAutomatic(), new IsCommand(committee), new JoinsCase(),
				new IsOwnDomain(committee), new IsNewComplaint(committee, recent, rateLimitPerHour));
	}

	public Route route(MailFacts mail) {
		for (MailRule rule : this.rules) {
			Optional<Route> route = rule.route(mail);
			if (route.isPresent()) {
				return route.get();
			}
		}
		throw new IllegalStateException("The last rule answers every mail");
	}

}
