package nl.klachten.commands;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klachten.register.Outbox;

import org.springframework.stereotype.Component;

/**
 * Whether a command mail may be believed (CONTRACT §5). A From header is easy to forge, so the
 * sender's address alone is not enough: the mail must answer a message the processor sent to that
 * same address (our Message-IDs are random UUIDs, so they cannot be guessed), or carry an
 * {@code Authentication-Results} header of the trusted server saying {@code dkim=pass} or
 * {@code dmarc=pass} for the sender's domain.
 */
@Component
class CommandTrust {

	private static final Pattern DKIM = Pattern.compile("\\bdkim=pass\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern DKIM_DOMAIN = Pattern.compile("\\bheader\\.[di]=@?([^\\s;]++)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DMARC = Pattern.compile("\\bdmarc=pass\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern DMARC_DOMAIN = Pattern.compile("\\bheader\\.from=([^\\s;]++)",
			Pattern.CASE_INSENSITIVE);

	private final Outbox outbox;

	private final String authservId;

	CommandTrust(Outbox outbox, CommandsSettings settings) {
		this.outbox = outbox;
		this.authservId = settings.trustedAuthservId();
	}

	boolean trusted(CommandMail mail) {
		return this.outbox.sentTo(mail.references(), mail.sender()) || authenticated(mail);
	}

	private boolean authenticated(CommandMail mail) {
		if (this.authservId == null || this.authservId.isBlank()) {
			return false;
		}
		String domain = mail.sender().substring(mail.sender().indexOf('@') + 1).toLowerCase(Locale.ROOT);
		for (String header : mail.authenticationResults()) {
			int semicolon = header.indexOf(';');
			String id = (semicolon < 0 ? header : header.substring(0, semicolon)).strip();
			if (id.split("\\s+")[0].equalsIgnoreCase(this.authservId.strip()) && passes(header, domain)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the header says {@code dkim=pass} or {@code dmarc=pass} for the domain. */
	static boolean passes(String header, String domain) {
		return passes(DKIM, DKIM_DOMAIN, header, domain) || passes(DMARC, DMARC_DOMAIN, header, domain);
	}

	/**
	 * Whether a {@code pass} result in the header names the domain: the first {@code header.d=} (or
	 * {@code header.from=}) after a pass, before the next {@code ;}. Two scans that only move forward,
	 * where one pattern with a lazy gap ({@code pass\b[^;]*?\bheader}) rescanned the rest of the
	 * result from every {@code pass}: quadratic in a header of repeated {@code dkim=pass}.
	 */
	private static boolean passes(Pattern result, Pattern property, String header, String domain) {
		Matcher pass = result.matcher(header);
		Matcher named = property.matcher(header).useTransparentBounds(true);
		int from = 0;
		while (from <= header.length() && pass.find(from)) {
			int semicolon = header.indexOf(';', pass.end());
			int end = (semicolon < 0) ? header.length() : semicolon;
			if (!named.region(pass.end(), end).find()) {
				from = end + 1;
				continue;
			}
			String d = named.group(1).toLowerCase(Locale.ROOT);
			if (d.equals(domain) || d.endsWith("@" + domain)) {
				return true;
			}
			from = named.end();
		}
		return false;
	}

}
