package nl.klachten.intake;

import java.util.Arrays;
import java.util.Optional;

import nl.klachten.committee.Ascii;
import nl.klachten.register.Outbox;

/**
 * The processor's own mail read back (CONTRACT §4): from the address we sent it from,
 * with the body we wrote (trace headers aside). A mail that only carries one of our
 * Message-IDs (another sender, another body) passes: it is routed on its merits, and the
 * chair is told.
 */
final class IsOwnMail implements MailRule {

	@Override
	public Optional<Route> route(MailFacts mail) {
		return mail.own().filter((written) -> isOurs(written, mail)).map((written) -> Route.Ignore.OWN_MAIL);
	}

	private static boolean isOurs(Outbox.Written written, MailFacts mail) {
		return mail.mail()
			.strictSender()
			.filter((sender) -> Ascii.equalsIgnoreCase(sender, written.sender()))
			.isPresent() && Arrays.equals(ContentDigest.body(mail.raw()), ContentDigest.body(written.raw()));
	}

}
