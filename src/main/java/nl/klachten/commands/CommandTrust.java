package nl.klachten.commands;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.klachten.committee.Ascii;
import nl.klachten.register.Complaints;
import nl.klachten.register.ReferenceNumber;
import nl.klachten.register.ReferenceSettings;
import nl.klachten.register.RegisteredComplaint;
import nl.klachten.register.SentMail;
import nl.klachten.threading.ReferenceFinder;

import org.springframework.stereotype.Component;

/**
 * Whether a command mail may be believed, and for which case (CONTRACT §5). A
 * {@code From:} line is easy to forge, so the address alone is not enough. Either the
 * mail answers a message that the processor sent to that same address about a case within
 * the trust expiry (our Message-IDs are random, and only the owner of the mailbox has
 * seen them), and then the case is the one of that message, whatever else the mail names;
 * or the trusted server's topmost {@code Authentication-Results} (above the first
 * {@code Received:}, or below as many as {@code own-received-headers} allows; a result
 * the sender wrote stands below every server's {@code Received:}) say {@code dmarc=pass}
 * with {@code header.from}, or {@code dkim=pass} with {@code header.d}, equal to the
 * sender's domain, and then the case is the one the mail names.
 */
@Component
class CommandTrust {

	/**
	 * Commands that change nothing: answered to the authorised address without further
	 * proof.
	 */
	private static final Set<Keyword> READ_ONLY = Set.of(Keyword.HELP, Keyword.STATUS, Keyword.OVERZICHT);

	private final SentMail sentMail;

	private final String authservId;

	private final Duration expiry;

	private final int ownReceivedHeaders;

	private final Clock clock;

	private final Complaints complaints;

	private final ReferenceFinder references;

	CommandTrust(SentMail sentMail, CommandsSettings settings, Clock clock, Complaints complaints,
			ReferenceSettings referenceSettings) {
		this.sentMail = sentMail;
		this.complaints = complaints;
		this.references = new ReferenceFinder(referenceSettings.prefix());
		this.authservId = settings.trustedAuthservId() == null ? null
				: Ascii.lower(settings.trustedAuthservId().strip());
		this.expiry = settings.trustExpiry();
		this.ownReceivedHeaders = settings.ownReceivedHeaders();
		this.clock = clock;
	}

	/** How a command mail is trusted. */
	sealed interface Verdict {

		/** A reply to our mail about case {@code caseId}: that case, and no other. */
		record Answered(long caseId) implements Verdict {
		}

		/**
		 * A reply to our mail that listed these cases (the digest): the case the reply
		 * names, if listed.
		 */
		record Listed(Set<Long> caseIds) implements Verdict {
		}

		/** Authenticated by the trusted server: the case the mail names. */
		record Authenticated() implements Verdict {
		}

		/** Neither: only commands that change nothing may be answered. */
		record Untrusted() implements Verdict {
		}

	}

	Verdict verdict(CommandMail mail) {
		Optional<Long> answered = this.sentMail.caseAnswered(mail.referenceIds(), mail.sender(),
				this.clock.instant().minus(this.expiry));
		if (answered.isPresent()) {
			return new Verdict.Answered(answered.get());
		}
		Set<Long> listed = this.sentMail.casesListed(mail.referenceIds(), mail.sender(),
				this.clock.instant().minus(this.expiry));
		if (!listed.isEmpty() && !authenticated(mail)) {
			return new Verdict.Listed(listed);
		}
		return authenticated(mail) ? new Verdict.Authenticated() : new Verdict.Untrusted();
	}

	/**
	 * The case the commands apply to: that of our mail the reply answers; for a reply to
	 * the digest, the first listed case the reply names in its subject or its own text
	 * (not in the quoted digest); otherwise the case the mail names.
	 */
	RegisteredComplaint caseOf(Verdict verdict, CommandMail mail, RegisteredComplaint named) {
		if (verdict instanceof Verdict.Answered answered) {
			return this.complaints.find(answered.caseId()).orElse(null);
		}
		if (verdict instanceof Verdict.Listed listed) {
			List<ReferenceNumber> references = new ArrayList<>(this.references.find(mail.subject()));
			references.addAll(this.references.find(mail.newText()));
			return references.stream()
				.map(this.complaints::find)
				.flatMap(Optional::stream)
				.filter((c) -> listed.caseIds().contains(c.id()))
				.findFirst()
				.orElse(null);
		}
		return named;
	}

	/**
	 * The first line that changes something, refused as not authentic; empty when every
	 * line only asks.
	 */
	static Optional<ParsedCommands.Refusal> onlyReadOnly(ParsedCommands.Commands commands) {
		return commands.commands()
			.stream()
			.filter((line) -> !READ_ONLY.contains(line.keyword()))
			.findFirst()
			.map((line) -> new ParsedCommands.Refusal(line.number(), line.line(),
					"Deze mail is niet als echt herkend: beantwoord een mail van de klachtenverwerking over dit "
							+ "dossier of het overzicht (zodat de verwijzing naar dat bericht meegaat), of verstuur "
							+ "via de eigen mailserver met DKIM/DMARC."));
	}

	private boolean authenticated(CommandMail mail) {
		if (this.authservId == null || this.authservId.isEmpty()) {
			return false;
		}
		String domain = Ascii.lower(mail.sender().substring(mail.sender().lastIndexOf('@') + 1));
		return mail.authenticationResults()
			.stream()
			.filter((stamp) -> stamp.receivedAbove() <= this.ownReceivedHeaders)
			.map((stamp) -> AuthenticationResults.parse(stamp.value()))
			.flatMap(Optional::stream)
			.filter((results) -> results.authservId().equals(this.authservId))
			.flatMap((results) -> results.results().stream())
			.anyMatch((result) -> passes(result, "dmarc", "header.from", domain)
					|| passes(result, "dkim", "header.d", domain));
	}

	private static boolean passes(AuthenticationResults.Result result, String method, String property, String domain) {
		return result.passes(method) && result.property(property).map(Ascii::lower).filter(domain::equals).isPresent();
	}

}
