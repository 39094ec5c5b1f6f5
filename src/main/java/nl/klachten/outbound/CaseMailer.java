package nl.klachten.outbound;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.TermsSettings;
import nl.klachten.register.CaseSummaries;
import nl.klachten.register.CaseSummary;
import nl.klachten.register.Correspondence;
import nl.klachten.committee.EmailAddress;
import nl.klachten.register.Outbox;
import nl.klachten.register.RegisteredComplaint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends a letter about a case: composes it, puts it in the outbox and records it as outgoing
 * correspondence (R19), all in the caller's transaction. Adds what every template may use: the
 * chair, the committee, the provider, the complainant's name for the salutation, and, in a letter
 * to the committee, management or the appeals committee only, the case's {@link StateLine}. Only
 * strict addresses are recipients: a letter to a
 * complainant whose address was not read strictly (issue 9) is not queued at all.
 */
@Component
public class CaseMailer {

	private static final Logger log = LoggerFactory.getLogger(CaseMailer.class);

	private final MailComposer composer;

	private final Outbox outbox;

	private final Correspondence correspondence;

	private final CommitteeSettings committee;

	private final ZoneId zone;

	private final Clock clock;

	private final CaseSummaries summaries;

	CaseMailer(MailComposer composer, Outbox outbox, Correspondence correspondence, CommitteeSettings committee,
			TermsSettings terms, Clock clock, CaseSummaries summaries) {
		this.summaries = summaries;
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
		ComposedMail mail = compose(about(complaint, letter), complaint.reference().toString());
		if (mail.recipients().isEmpty()) {
			log.warn("Letter {} on {} has no strict recipient; not queued", letter.purpose(), complaint.reference());
			return mail;
		}
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
		if (mail.recipients().isEmpty()) {
			log.warn("Letter {} has no strict recipient; not queued", letter.purpose());
			return mail;
		}
		this.outbox.add(null, letter.purpose(), mail.messageId(), mail.sender(), mail.recipients(), mail.raw(),
				this.clock.instant());
		return mail;
	}

	/** The letter with the case's facts every template may show: the name, and for officials the state line. */
	private Letter about(RegisteredComplaint complaint, Letter letter) {
		CaseSummary summary = this.summaries.find(complaint.id()).orElse(null);
		if (summary == null) {
			return letter;
		}
		Map<String, Object> model = new HashMap<>(letter.model());
		model.putIfAbsent("complainantName", summary.complainantName());
		if (!letter.to().isEmpty() && letter.to().stream().allMatch(this.committee::isOfficial)) {
			model.putIfAbsent("stateLine", StateLine.of(summary, this.clock.instant().atZone(this.zone).toLocalDate()));
		}
		return new Letter(letter.purpose(), letter.to(), letter.reference(), letter.inReplyTo(), letter.references(),
				model, letter.attachments());
	}

	private ComposedMail compose(Letter letter, String reference) {
		Map<String, Object> model = new HashMap<>(letter.model());
		model.putIfAbsent("chairName", this.committee.chair().name());
		model.putIfAbsent("chairTitle", this.committee.chair().title() == null ? "" : this.committee.chair().title());
		model.putIfAbsent("committee", "Klachtencommissie " + this.committee.provider());
		model.putIfAbsent("provider", this.committee.provider());
		model.putIfAbsent("guidance", List.of());
		List<String> to = letter.to().stream().filter(EmailAddress::isValid).toList();
		return this.composer.compose(new Letter(letter.purpose(), to, reference, letter.inReplyTo(),
				letter.references(), model, letter.attachments()));
	}

}
