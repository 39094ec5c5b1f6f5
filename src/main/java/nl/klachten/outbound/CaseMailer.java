package nl.klachten.outbound;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.TermsSettings;
import nl.klachten.register.Correspondence;
import nl.klachten.register.Outbox;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * Sends a letter about a case: composes it, puts it in the outbox and records it as outgoing
 * correspondence (R19), all in the caller's transaction. Adds what every template may use: the
 * chair, the committee, the provider.
 */
@Component
public class CaseMailer {

	private final MailComposer composer;

	private final Outbox outbox;

	private final Correspondence correspondence;

	private final CommitteeSettings committee;

	private final ZoneId zone;

	private final Clock clock;

	CaseMailer(MailComposer composer, Outbox outbox, Correspondence correspondence, CommitteeSettings committee,
			TermsSettings terms, Clock clock) {
		this.composer = composer;
		this.outbox = outbox;
		this.correspondence = correspondence;
		this.committee = committee;
		this.zone = terms.zone();
		this.clock = clock;
	}

	/** The chair's address, where notifications go. */
	public String chair() {
		return this.committee.chair().email();
	}

	public ComposedMail send(RegisteredComplaint complaint, Letter letter) {
		ComposedMail mail = compose(letter, complaint.reference().toString());
		Instant now = this.clock.instant();
		long outboxId = this.outbox.add(complaint.id(), letter.purpose(), mail.messageId(), mail.sender(),
				mail.recipients(), mail.raw(), now);
		this.correspondence.add(new Correspondence.Letter(complaint.id(), Correspondence.Direction.OUT,
				now.atZone(this.zone).toOffsetDateTime(), mail.sender(), String.join(", ", mail.recipients()),
				mail.subject(), mail.messageId(), letter.purpose(), mail.text(), mail.text(), null, outboxId), List.of());
		return mail;
	}

	/** A letter about no case (e.g. HELP without a reference): queued, not filed on a case. */
	public ComposedMail sendUnfiled(Letter letter) {
		ComposedMail mail = compose(letter, null);
		this.outbox.add(null, letter.purpose(), mail.messageId(), mail.sender(), mail.recipients(), mail.raw(),
				this.clock.instant());
		return mail;
	}

	private ComposedMail compose(Letter letter, String reference) {
		Map<String, Object> model = new HashMap<>(letter.model());
		model.putIfAbsent("chairName", this.committee.chair().name());
		model.putIfAbsent("chairTitle", this.committee.chair().title() == null ? "" : this.committee.chair().title());
		model.putIfAbsent("committee", "Klachtencommissie " + this.committee.provider());
		model.putIfAbsent("provider", this.committee.provider());
		model.putIfAbsent("guidance", List.of());
		return this.composer.compose(new Letter(letter.purpose(), letter.to(), reference, letter.inReplyTo(),
				letter.references(), model, letter.attachments()));
	}

}
