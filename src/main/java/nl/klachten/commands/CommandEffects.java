package nl.klachten.commands;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.appeals.AppealDesk;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.TermsSettings;
import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.committee.PeopleDates;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.ComposedMail;
import nl.klachten.outbound.Letter;
import nl.klachten.outbound.Salutation;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseFiles;
import nl.klachten.register.CaseLanguages;
import nl.klachten.register.CaseState;
import nl.klachten.register.CaseSummary;
import nl.klachten.register.Complaints;
import nl.klachten.register.Details;

import org.springframework.stereotype.Component;

/**
 * What each command does to the register and who it writes to (CONTRACT §5, R11-R17, R24), once
 * {@link CommandRules} has cleared the whole mail. Returns, per command, one line for the chair's
 * confirmation, and adds to {@code sent} each mail to the complainant or the employee as it went
 * out, so the confirmation can show the chair exactly what the recipient got.
 */
@Component
class CommandEffects {

	static final String MANNER = "schriftelijk per e-mail";

	private final CaseChanges changes;

	private final Complaints complaints;

	private final CaseFiles caseFiles;

	private final CaseMailer mailer;

	private final CommitteeSettings committee;

	private final TermsSettings terms;

	private final DeadlinePolicy deadlines;

	private final AppealDesk appeals;

	private final DigestRequests digest;

	private final CaseLanguages languages;

	private final Clock clock;

	CommandEffects(CaseChanges changes, Complaints complaints, CaseFiles caseFiles, CaseMailer mailer,
			CommitteeSettings committee, TermsSettings terms, DeadlinePolicy deadlines, AppealDesk appeals,
			DigestRequests digest, CaseLanguages languages, Clock clock) {
		this.languages = languages;
		this.appeals = appeals;
		this.digest = digest;
		this.deadlines = deadlines;
		this.changes = changes;
		this.complaints = complaints;
		this.caseFiles = caseFiles;
		this.mailer = mailer;
		this.committee = committee;
		this.terms = terms;
		this.clock = clock;
	}

	String apply(ChairCommand command, String text, CommandMail mail, CaseState state, List<Map<String, Object>> sent) {
		if (command instanceof ChairCommand.Status) {
			return "Het volledige dossier staat hieronder.";
		}
		if (command instanceof ChairCommand.Help) {
			return "De commando's staan hieronder.";
		}
		if (command instanceof ChairCommand.Digest) {
			this.digest.sendNow(this.digest.today());
			return "Het overzicht van termijnen is verstuurd (aparte mail).";
		}
		if (command instanceof ChairCommand.AskEmployee) {
			return askEmployee(state, text, sent);
		}
		if (command instanceof ChairCommand.AskComplainant) {
			return askComplainant(state, text, sent);
		}
		if (command instanceof ChairCommand.InvolveManagement) {
			return involveManagement(state, text);
		}
		if (command instanceof ChairCommand.Extend extend) {
			return extend(state, extend.term().from(state.decisionDue()), text, sent);
		}
		if (command instanceof ChairCommand.Decide decide) {
			return decide(state, decide.assessment(), text, sent);
		}
		if (command instanceof ChairCommand.AppealUpheld || command instanceof ChairCommand.AppealDismissed) {
			return this.appeals.decide(state.complaint(), command instanceof ChairCommand.AppealUpheld, text);
		}
		if (command instanceof ChairCommand.AppealExtend extend) {
			return this.appeals.extend(state.complaint(),
					extend.term().from(this.appeals.due(state.complaint()).orElseThrow()), text);
		}
		return record(command, mail.sender(), state);
	}

	/** The commands that only change the register. */
	private String record(ChairCommand command, String sender, CaseState state) {
		long id = state.complaint().id();
		Instant now = this.clock.instant();
		if (command instanceof ChairCommand.SetEmployee set) {
			return setEmployee(state, set);
		}
		if (command instanceof ChairCommand.AddProduct add) {
			return details(id, new Details(null, null, null, List.of(add.product()), null, null, null),
					"Product toegevoegd: " + add.product());
		}
		if (command instanceof ChairCommand.SetAddress set) {
			return details(id, new Details(null, set.address(), null, List.of(), null, null, null),
					"Adres vastgelegd: " + set.address());
		}
		if (command instanceof ChairCommand.SetCity set) {
			return details(id, new Details(null, null, set.city(), List.of(), null, null, null),
					"Woonplaats vastgelegd: " + set.city());
		}
		if (command instanceof ChairCommand.SetAroseOn set) {
			return aroseOn(state, set.date());
		}
		if (command instanceof ChairCommand.RecordMeasure measure) {
			this.changes.recordMeasure(id, measure.text(), sender, now);
			return "Structurele maatregel vastgelegd.";
		}
		if (command instanceof ChairCommand.NoMeasure) {
			this.changes.recordMeasure(id, null, sender, now);
			return "Vastgelegd dat geen structurele maatregel nodig is.";
		}
		if (command instanceof ChairCommand.Note note) {
			this.changes.addNote(id, note.text(), sender, now);
			return "Notitie toegevoegd aan het dossier (intern; niet naar de klager).";
		}
		if (command instanceof ChairCommand.SetLanguage set) {
			this.languages.set(id, set.language());
			return "Taal van de mail aan de klager: " + set.language().dutchName();
		}
		if (command instanceof ChairCommand.Reopen) {
			this.changes.reopen(id);
			return "Dossier heropend; status: in behandeling.";
		}
		throw new IllegalStateException("No effect for " + command.getClass().getSimpleName());
	}

	private String setEmployee(CaseState state, ChairCommand.SetEmployee set) {
		this.changes.setEmployee(state.complaint().id(), set.name(), set.email());
		if (set.email() != null) {
			this.complaints.addParticipant(state.complaint().id(), set.email(), "employee", this.clock.instant());
		}
		return "Medewerker vastgelegd: " + set.name() + (set.email() == null ? "" : " <" + set.email() + ">");
	}

	private String details(long id, Details details, String done) {
		this.complaints.updateDetails(id, details);
		return done;
	}

	private String aroseOn(CaseState state, LocalDate date) {
		long id = state.complaint().id();
		this.complaints.updateDetails(id, new Details(null, null, null, List.of(), null, date, null));
		boolean late = this.deadlines.late(date, this.complaints.submittedAt(id));
		this.complaints.markLate(id, late);
		return "Datum ontstaan vastgelegd: " + PeopleDates.date(date)
				+ (late ? " (buiten de termijn van twaalf maanden)" : "");
	}

	private String askEmployee(CaseState state, String question, List<Map<String, Object>> sent) {
		CaseFile file = file(state);
		String email = file.employeeEmail();
		this.complaints.addParticipant(state.complaint().id(), email, "employee", this.clock.instant());
		Map<String, Object> model = caseModel(file);
		model.put("employeeName", file.employeeName() == null ? "" : file.employeeName());
		model.put("question", question);
		model.put("ownGreeting", Salutation.opensWithGreeting(question));
		echo(sent, "de medewerker (" + email + ")", this.mailer.send(state.complaint(),
				new Letter("question-employee", List.of(email), null, null, List.of(), model)));
		return "Vraag gestuurd aan de medewerker (" + email + "); het antwoord komt in het dossier.";
	}

	private String askComplainant(CaseState state, String question, List<Map<String, Object>> sent) {
		Map<String, Object> model = caseModel(file(state));
		model.put("question", question);
		model.put("ownGreeting", Salutation.opensWithGreeting(question));
		echo(sent, "de klager", this.mailer.send(state.complaint(), new Letter("question-complainant",
				List.of(state.complaint().complainantEmail()), null, null, List.of(), model)));
		return "Vraag gestuurd aan de klager; het antwoord komt in het dossier.";
	}

	private String involveManagement(CaseState state, String reason) {
		this.changes.involveManagement(state.complaint().id());
		CaseFile file = file(state);
		Map<String, Object> model = caseModel(file);
		model.put("reason", reason);
		model.put("caseFile", CaseSummary.of(file, this.terms.zone()));
		this.mailer.send(state.complaint(), new Letter("management-file", management(), null, null, List.of(), model));
		return "Materieel of financieel belang vastgelegd; het dossier is naar de directie gestuurd.";
	}

	private String extend(CaseState state, LocalDate to, String reason, List<Map<String, Object>> sent) {
		OffsetDateTime now = this.clock.instant().atZone(this.terms.zone()).toOffsetDateTime();
		this.changes.extend(state.complaint().id(), to, reason, now);
		Map<String, Object> model = caseModel(file(state));
		model.put("newDue", to);
		model.put("previousDue", state.decisionDue());
		model.put("reason", reason);
		echo(sent, "de klager", this.mailer.send(state.complaint(), new Letter("extension-notice",
				List.of(state.complaint().complainantEmail()), null, null, List.of(), model)));
		return "Termijn verlengd tot " + PeopleDates.date(to) + "; de klager is ingelicht.";
	}

	private String decide(CaseState state, Assessment assessment, String text, List<Map<String, Object>> sent) {
		Decision decision = Decision.of(text);
		OffsetDateTime now = this.clock.instant().atZone(this.terms.zone()).toOffsetDateTime();
		this.changes.decide(state.complaint().id(), assessment.column(), decision.arguments(), decision.solution(),
				MANNER, now);
		Map<String, Object> model = caseModel(file(state));
		model.put("assessmentLabel", assessment.label());
		model.put("arguments", decision.arguments());
		model.put("solution", decision.solution());
		CommitteeSettings.Person appeals = this.committee.appeals();
		model.put("appealsName", appeals.name());
		model.put("appealsTitle", appeals.title() == null ? "" : appeals.title());
		model.put("appealsAddress", appeals.postalAddress() == null ? "" : appeals.postalAddress());
		model.put("appealsEmail", appeals.email() == null ? "" : appeals.email());
		model.put("appealWeeks", this.terms.appeal().getDays() / 7);
		echo(sent, "de klager", this.mailer.send(state.complaint(), new Letter("decision",
				List.of(state.complaint().complainantEmail()), null, null, List.of(), model)));
		this.mailer.send(state.complaint(), new Letter("measures-request", management(), null, null, List.of(), model));
		OperatorEvents.decisionSent(state.complaint().reference().toString(), assessment.column());
		return "Beslissing: " + assessment.label() + "; de klager heeft het standpunt met de argumenten en de "
				+ "beroepsmogelijkheid gekregen, de directie de vraag om maatregelen. "
				+ "Status: afgehandeld.";
	}

	private List<String> management() {
		return this.committee.management().stream().map(CommitteeSettings.Person::email).toList();
	}

	private CaseFile file(CaseState state) {
		return this.caseFiles.find(state.complaint().reference()).orElseThrow();
	}

	private static Map<String, Object> caseModel(CaseFile file) {
		Map<String, Object> model = new HashMap<>();
		model.put("complainantName", file.complainantName() == null ? "" : file.complainantName());
		model.put("subject", file.subject());
		model.put("complaintText", file.description());
		model.put("submittedOn", PeopleDates.date(file.submittedAt()));
		return model;
	}

	/**
	 * A mail as it went out, for the chair's confirmation: to whom, and its plain text exactly as
	 * sent. A letter that was not queued (no strict address) is not shown as sent.
	 */
	private static void echo(List<Map<String, Object>> sent, String to, ComposedMail mail) {
		if (!mail.recipients().isEmpty()) {
			sent.add(Map.of("to", to, "text", mail.text(), "lines", mail.text().lines().toList()));
		}
	}


}
