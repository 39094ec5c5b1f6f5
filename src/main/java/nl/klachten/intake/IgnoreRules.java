package nl.klachten.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Mail that is never a complaint and never answered (CONTRACT §4): auto-replies (RFC 3834
 * and the vendor headers), bulk and list mail, bounces and delivery reports. Returns the
 * reason, a short code for the ignored list.
 */
public final class IgnoreRules {

	private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");

	private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");

	private IgnoreRules() {
	}

	public static Optional<String> reason(InboundMail mail) {
		return byHeaders(mail).or(() -> bySender(mail));
	}

	/**
	 * Auto-replies, bulk and list mail, delivery reports: what the headers say the mail
	 * is.
	 */
	private static Optional<String> byHeaders(InboundMail mail) {
		if (mail.headers().first("Auto-Submitted").map(IgnoreRules::token).filter((v) -> !v.equals("no")).isPresent()) {
			return Optional.of("auto-submitted");
		}
		if (mail.headers().first("Precedence").map(IgnoreRules::token).filter(BULK::contains).isPresent()) {
			return Optional.of("precedence");
		}
		if (mail.headers().has("X-Autoreply") || mail.headers().has("X-Autorespond")) {
			return Optional.of("autoreply-header");
		}
		if (mail.headers().has("List-Id")) {
			return Optional.of("mailing-list");
		}
		if ("multipart/report".equals(mail.mimeType())) {
			return Optional.of("delivery-report");
		}
		return Optional.empty();
	}

	/** Bounces: no return path, no sender, or a mailer daemon. */
	private static Optional<String> bySender(InboundMail mail) {
		if ("".equals(mail.returnPath())) {
			return Optional.of("null-return-path");
		}
		String sender = mail.senderAddress();
		if (sender.isEmpty()) {
			return Optional.of("no-sender");
		}
		if (DAEMONS.contains(sender.substring(0, sender.indexOf('@')))) {
			return Optional.of("mailer-daemon");
		}
		return Optional.empty();
	}

	private static String token(String value) {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		int semicolon = lower.indexOf(';');
		return (semicolon < 0 ? lower : lower.substring(0, semicolon)).strip();
	}

}
