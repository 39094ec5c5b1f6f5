package nl.klachten.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.klachten.commands.CommandsSettings;
import nl.klachten.committee.PeopleDates;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.ComposedMail;
import nl.klachten.outbound.Letter;
import nl.klachten.register.ConfirmationRequests;
import nl.klachten.register.ConfirmationRequests.Action;
import nl.klachten.register.ConfirmationRequests.Pending;
import nl.klachten.register.RegisteredComplaint;
import nl.klachten.register.SentMail;

import org.springframework.stereotype.Component;

/**
 * Whether a complainant's mail may change their case (CONTRACT §5). A {@code From:} line
 * is easy to forge, so {@code BEROEP}, {@code INTREKKEN} and {@code Label: value} changes
 * apply only when the mail answers a mail the processor sent to the complainant about
 * that case. Otherwise the complainant is asked, at the registered address, to confirm by
 * replying, and nothing changes until that reply comes.
 */
@Component
class ComplainantProof {

	private static final Map<Action, String> REQUESTS = Map.of(Action.APPEAL, "beroep instellen tegen de beslissing",
			Action.WITHDRAW, "de klacht intrekken", Action.DETAILS, "uw gegevens in het dossier aanpassen");

	private final SentMail sentMail;

	private final ConfirmationRequests requests;

	private final CaseMailer mailer;

	private final Duration expiry;

	private final Clock clock;

	ComplainantProof(SentMail sentMail, ConfirmationRequests requests, CaseMailer mailer, CommandsSettings settings,
			Clock clock) {
		this.sentMail = sentMail;
		this.requests = requests;
		this.mailer = mailer;
		this.expiry = settings.trustExpiry();
		this.clock = clock;
	}

	/** The mail answers one of ours to the complainant about this case. */
	boolean proven(RegisteredComplaint complaint, InboundMail mail) {
		return this.sentMail.answers(mail.referenceIds(), complaint.complainantEmail(), complaint.id(),
				this.clock.instant().minus(this.expiry));
	}

	/**
	 * Asks the complainant to confirm {@code action}; {@code text} is what will be
	 * applied then.
	 */
	void ask(RegisteredComplaint complaint, Action action, String text) {
		ComposedMail sent = this.mailer.send(complaint, new Letter("confirmation-request",
				List.of(complaint.complainantEmail()), null, null, List.of(),
				Map.of("request", REQUESTS.get(action), "action", action.name(), "shown", shown(action, text))));
		this.requests.request(complaint.id(), sent.messageId(), action, text, this.clock.instant());
	}

	/**
	 * What will change, so the complainant confirms knowingly: each detail and the start
	 * of the appeal's grounds, short and cleaned as the acknowledgement's subject is (the
	 * text may be a forger's, and it goes to the registered address only).
	 */
	private static List<String> shown(Action action, String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		if (action == Action.APPEAL) {
			return List.of("Gronden: " + ComplaintRegistrar.echo(text));
		}
		RegisterFields fields = RegisterFields.from(text);
		List<String> shown = new java.util.ArrayList<>();
		add(shown, "Naam", fields.name());
		add(shown, "Adres", fields.address());
		add(shown, "Woonplaats", fields.city());
		add(shown, "Namens", fields.representativeOf());
		add(shown, "Medewerker", fields.employee());
		add(shown, "Product", fields.products().isEmpty() ? null : String.join(", ", fields.products()));
		add(shown, "Datum ontstaan", fields.aroseOn() == null ? null : PeopleDates.date(fields.aroseOn()));
		return shown;
	}

	private static void add(List<String> shown, String label, String value) {
		if (value != null && !value.isBlank()) {
			shown.add(label + ": " + ComplaintRegistrar.echo(value));
		}
	}

	/**
	 * The waiting change this mail confirms (it answers our request), marked confirmed.
	 */
	Optional<Pending> confirmedBy(RegisteredComplaint complaint, InboundMail mail) {
		Optional<Pending> pending = this.requests.answeredBy(mail.referenceIds(), complaint.id());
		pending.ifPresent((p) -> this.requests.confirmed(p.id(), this.clock.instant()));
		return pending;
	}

	Instant now() {
		return this.clock.instant();
	}

}
