package nl.klachten.commands;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.committee.PeopleDates;
import nl.klachten.committee.TermsSettings;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.ComposedMail;
import nl.klachten.outbound.Letter;
import nl.klachten.outbound.Salutation;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseFiles;
import nl.klachten.register.CaseState;
import nl.klachten.register.CaseSummary;
import nl.klachten.register.Complaints;

import org.springframework.stereotype.Component;

/**
 * The commands that write to someone about the case (R12-R17): a question to the employee
 * or the complainant, the file to management, an extension or the decision told to the
 * complainant. Kept apart from {@link RegisterEntries} because these compose letters from
 * the case file, and every letter to the complainant or the employee is added to
 * {@code sent} as it went out, so the chair's confirmation can show exactly what the
 * recipient got.
 */
@Component
class CaseLetters {

	static final String MANNER = "schriftelijk per e-mail";

	private final CaseChanges changes;

	private final Complaints complaints;

	private final CaseFiles caseFiles;

	private final CaseMailer mailer;

	private final CommitteeSettings committee;

	private final TermsSettings terms;

	private final Clock clock;

	CaseLetters(CaseChanges changes, Complaints complaints, CaseFiles caseFiles, CaseMailer mailer,
			CommitteeSettings committee, TermsSettings terms, Clock clock) {
		this.changes = changes;
		this.complaints = complaints;
		this.caseFiles = caseFiles;
		this.mailer = mailer;
		this.committee = committee;
		this.terms = terms;
		this.clock = clock;
	}

	/**
	 * The confirmation line of a command that writes a letter; empty when {@code command}
	 * writes none.
	 */
	Optional<String> write(ChairCommand command, CaseState state, String text, List<Map<String, Object>> sent) {
		if (command instanceof ChairCommand.AskEmployee) {
			return Optional.of(askEmployee(state, text, sent));
		}
		if (command instanceof ChairCommand.AskComplainant) {
			return Optional.of(askComplainant(state, text, sent));
		}
		if (command instanceof ChairCommand.InvolveManagement) {
			return Optional.of(involveManagement(state, text));
		}
		if (command instanceof ChairCommand.Extend extend) {
			return Optional.of(extend(state, extend.term().from(state.decisionDue()), text, sent));
		}
		if (command instanceof ChairCommand.Decide decide) {
			return Optional.of(decide(state, decide.assessment(), text, sent));
		}
		return Optional.empty();
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
		putAppeals(model);
		echo(sent, "de klager", this.mailer.send(state.complaint(),
				new Letter("decision", List.of(state.complaint().complainantEmail()), null, null, List.of(), model)));
		this.mailer.send(state.complaint(), new Letter("measures-request", management(), null, null, List.of(), model));
		OperatorEvents.decisionSent(state.complaint().reference().toString(), assessment.column());
		return "Beslissing: " + assessment.label() + "; de klager heeft het standpunt met de argumenten en de "
				+ "beroepsmogelijkheid gekregen, de directie de vraag om maatregelen. " + "Status: afgehandeld.";
	}

	/** The decision tells the complainant where and within how many weeks to appeal. */
	private void putAppeals(Map<String, Object> model) {
		CommitteeSettings.Person appeals = this.committee.appeals();
		model.put("appealsName", appeals.name());
		model.put("appealsTitle", appeals.title() == null ? "" : appeals.title());
		model.put("appealsAddress", appeals.postalAddress() == null ? "" : appeals.postalAddress());
		model.put("appealsEmail", appeals.email() == null ? "" : appeals.email());
		model.put("appealWeeks", this.terms.appeal().getDays() / 7);
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
	 * A mail as it went out, for the chair's confirmation: to whom, and its plain text
	 * exactly as sent. A letter that was not queued (no strict address) is not shown as
	 * sent.
	 */
	private static void echo(List<Map<String, Object>> sent, String to, ComposedMail mail) {
		if (!mail.recipients().isEmpty()) {
			sent.add(Map.of("to", to, "text", mail.text(), "lines", mail.text().lines().toList()));
		}
	}

}
