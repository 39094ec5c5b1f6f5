package nl.klachten.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.TermsSettings;
import nl.klachten.outbound.ComposedMail;
import nl.klachten.outbound.Letter;
import nl.klachten.outbound.MailComposer;
import nl.klachten.register.Complaints;
import nl.klachten.register.Correspondence;
import nl.klachten.register.NewComplaint;
import nl.klachten.register.Outbox;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * Registers a new complaint (R6) with the details its mail states (R19, R7), and queues the
 * acknowledgement to the complainant (R9) and the notification to the chair, all in the caller's
 * transaction.
 */
@Component
class ComplaintRegistrar {

	static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("nl"));

	private final Complaints complaints;

	private final Correspondence correspondence;

	private final Outbox outbox;

	private final MailComposer composer;

	private final CommitteeSettings committee;

	private final TermsSettings terms;

	private final IntakeSettings intake;

	private final Clock clock;

	ComplaintRegistrar(Complaints complaints, Correspondence correspondence, Outbox outbox, MailComposer composer,
			CommitteeSettings committee, TermsSettings terms, IntakeSettings intake, Clock clock) {
		this.complaints = complaints;
		this.correspondence = correspondence;
		this.outbox = outbox;
		this.composer = composer;
		this.committee = committee;
		this.terms = terms;
		this.intake = intake;
		this.clock = clock;
	}


	RegisteredComplaint register(InboundMail mail, Instant receivedAt, boolean acknowledge) {
		OffsetDateTime submitted = receivedAt.atZone(this.terms.zone()).toOffsetDateTime();
		LocalDate submittedOn = submitted.toLocalDate();
		RegisterFields fields = RegisterFields.from(mail.text());
		boolean late = fields.aroseOn() != null
				&& fields.aroseOn().plus(this.terms.submissionWindow()).isBefore(submittedOn);
		String name = fields.name() != null ? fields.name() : mail.from().name();
		NewComplaint complaint = new NewComplaint(name.isBlank() ? null : name, mail.senderAddress(), fields.address(),
				fields.city(), fields.representativeOf(), mail.subject(), mail.text(), submitted, fields.aroseOn(), late,
				fields.employee(), fields.products(), submittedOn.plus(this.terms.acknowledge()),
				submittedOn.plus(this.terms.handling()));
		RegisteredComplaint registered = this.complaints.register(complaint);
		Map<String, Object> model = model(registered, complaint, fields, mail, acknowledge);
		if (acknowledge) {
			queue(registered, new Letter("acknowledgement", List.of(mail.senderAddress()), registered.reference().toString(),
					mail.messageId(), thread(mail), model), "acknowledgement");
		}
		queue(registered, new Letter("chair-notification", List.of(this.committee.chair().email()),
				registered.reference().toString(), null, List.of(), model), "chair-notification");
		return registered;
	}

	/** The References of an answer: the thread so far, then the mail answered. */
	private static List<String> thread(InboundMail mail) {
		List<String> thread = new ArrayList<>(mail.references());
		if (mail.messageId() != null) {
			thread.remove(mail.messageId());
			thread.add(mail.messageId());
		}
		return thread;
	}

	private Map<String, Object> model(RegisteredComplaint registered, NewComplaint complaint, RegisterFields fields,
			InboundMail mail, boolean acknowledged) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("complainantName", complaint.complainantName() == null ? "" : complaint.complainantName());
		model.put("complainantEmail", complaint.complainantEmail());
		model.put("representativeOf", complaint.representativeOf() == null ? "" : complaint.representativeOf());
		model.put("subject", complaint.subject().isBlank() ? "(geen onderwerp)" : complaint.subject());
		model.put("text", complaint.description());
		model.put("submittedOn", DUTCH_DATE.format(complaint.submittedAt()));
		model.put("decisionDue", DUTCH_DATE.format(complaint.decisionDue()));
		model.put("late", complaint.late());
		model.put("aroseOn", complaint.aroseOn() == null ? "" : DUTCH_DATE.format(complaint.aroseOn()));
		model.put("missing", missing(complaint, fields));
		model.put("details", details(complaint));
		model.put("attachments", mail.attachments().stream().map(Attachment::fileName).toList());
		model.put("acknowledged", acknowledged);
		model.put("rateLimit", this.intake.rateLimitPerHour());
		model.put("chairName", this.committee.chair().name());
		model.put("chairTitle", this.committee.chair().title() == null ? "" : this.committee.chair().title());
		model.put("committee", "Klachtencommissie " + this.committee.provider());
		model.put("reference", registered.reference().toString());
		return model;
	}

	private static List<String> missing(NewComplaint complaint, RegisterFields fields) {
		List<String> missing = new ArrayList<>();
		if (complaint.complainantName() == null) {
			missing.add("Naam");
		}
		if (fields.address() == null) {
			missing.add("Adres");
		}
		if (fields.city() == null) {
			missing.add("Woonplaats");
		}
		if (fields.products().isEmpty()) {
			missing.add("Product");
		}
		if (fields.employee() == null) {
			missing.add("Medewerker");
		}
		if (fields.aroseOn() == null) {
			missing.add("Datum ontstaan");
		}
		return missing;
	}

	private static Map<String, String> details(NewComplaint complaint) {
		Map<String, String> details = new LinkedHashMap<>();
		putIfPresent(details, "Adres", complaint.address());
		putIfPresent(details, "Woonplaats", complaint.city());
		putIfPresent(details, "Product", String.join(", ", complaint.products()));
		putIfPresent(details, "Medewerker", complaint.employeeName());
		putIfPresent(details, "Datum ontstaan",
				complaint.aroseOn() == null ? null : DUTCH_DATE.format(complaint.aroseOn()));
		return details;
	}

	private static void putIfPresent(Map<String, String> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}

	private void queue(RegisteredComplaint registered, Letter letter, String kind) {
		ComposedMail mail = this.composer.compose(letter);
		Instant now = this.clock.instant();
		long outboxId = this.outbox.add(registered.id(), kind, mail.messageId(), mail.sender(), mail.recipients(),
				mail.raw(), now);
		this.correspondence.add(new Correspondence.Letter(registered.id(), Correspondence.Direction.OUT,
				now.atZone(this.terms.zone()).toOffsetDateTime(), mail.sender(), String.join(", ", mail.recipients()),
				mail.subject(), mail.messageId(), kind, mail.text(), null, outboxId), List.of());
	}

}
