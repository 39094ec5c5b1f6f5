package nl.klachten.intake;

import java.time.Duration;
import java.util.Optional;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.register.RegisteredComplaint;
import nl.klachten.threading.MailThread;

/**
 * Every other mail is a new complaint (R3, R6); this rule always answers. It is
 * acknowledged (R9) unless its sender sent {@code rate-limit-per-hour} mails in the hour
 * before (officials never count), and not answered at all when its sender was not read
 * strictly (CONTRACT §5). A case the mail refers to but its sender may not join is passed
 * on as a possible link for the chair.
 */
final class IsNewComplaint implements MailRule {

	private final CommitteeSettings committee;

	private final RecentMails recent;

	private final int rateLimitPerHour;

	IsNewComplaint(CommitteeSettings committee, RecentMails recent, int rateLimitPerHour) {
		this.committee = committee;
		this.recent = recent;
		this.rateLimitPerHour = rateLimitPerHour;
	}

	@Override
	public Optional<Route> route(MailFacts mail) {
		RegisteredComplaint possibleLink = mail.thread() instanceof MailThread.Foreign foreign ? foreign.referenced()
				: null;
		boolean acknowledge = withinRateLimit(mail);
		String reason = mail.mail().strictSender().isEmpty() ? "new-complaint-unanswerable-sender"
				: acknowledge ? "new-complaint" : "new-complaint-rate-limited";
		return Optional.of(new Route.NewComplaint(reason, acknowledge, possibleLink));
	}

	private boolean withinRateLimit(MailFacts mail) {
		if (mail.mail().strictSender().filter(this.committee::isOfficial).isPresent()) {
			return true;
		}
		return this.recent.countFrom(mail.mail().senderAddress(),
				mail.receivedAt().minus(Duration.ofHours(1))) < this.rateLimitPerHour;
	}

}
