package nl.klachten.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.klachten.appeals.AppealDesk;
import nl.klachten.commands.Guidance;
import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.HeaderText;
import nl.klachten.outbound.ComposedMail;
import nl.klachten.outbound.Letter;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseFileJson;
import nl.klachten.register.CaseFiles;
import nl.klachten.register.Complaints;
import nl.klachten.register.DataRequests;
import nl.klachten.register.ConfirmationRequests.Action;
import nl.klachten.register.ConfirmationRequests.Pending;
import nl.klachten.register.Details;
import nl.klachten.register.RegisteredComplaint;
import nl.klachten.threading.MailThread;
import nl.klachten.threading.Party;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a mail on a case does besides joining the file (R19): a complainant's keyword
 * ({@code INZAGE}/{@code ACCESS}, {@code INTREKKEN}/{@code WITHDRAW}, {@code BEROEP}/{@code APPEAL},
 * CONTRACT §5), the register
 * details in its {@code Label: value} lines with a confirmation of what was recorded (changes only
 * with proof that the mail is the complainant's, see {@link ComplainantProof}), and the
 * chair's notification of every mail from the complainant, an employee, management or the
 * appeals committee that is not a command.
 */
@Component
class FollowUps {

	private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

	private final Complaints complaints;

	private final CaseFiles caseFiles;

	private final DataRequests dataRequests;

	private final CaseMailer mailer;

	private final CaseChanges changes;

	private final AppealDesk appeals;

	private final DeadlinePolicy deadlines;

	private final ComplainantProof proof;

	private final Clock clock;

	FollowUps(Complaints complaints, CaseFiles caseFiles, DataRequests dataRequests, CaseMailer mailer,
			CaseChanges changes, AppealDesk appeals, DeadlinePolicy deadlines, ComplainantProof proof, Clock clock) {
		this.proof = proof;
		this.appeals = appeals;
		this.changes = changes;
		this.complaints = complaints;
		this.caseFiles = caseFiles;
		this.dataRequests = dataRequests;
		this.mailer = mailer;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/** A complainant's keyword: the first word of the first line of the new text. */
	enum Keyword {

		ACCESS("INZAGE", "ACCESS"), WITHDRAW("INTREKKEN", "WITHDRAW"), APPEAL("BEROEP", "APPEAL");

		private final List<String> words;

		Keyword(String... words) {
			this.words = List.of(words);
		}

		static Optional<Keyword> of(String newText) {
			String first = newText.strip().lines().findFirst().orElse("").strip();
			String word = first.split("[\\s:]+", 2)[0].toUpperCase(Locale.ROOT);
			for (Keyword keyword : values()) {
				if (keyword.words.contains(word)) {
					return Optional.of(keyword);
				}
			}
			return Optional.empty();
		}

	}

	void handle(MailThread.Joined thread, InboundMail mail, String newText) {
		RegisteredComplaint complaint = thread.complaint();
		Map<String, String> recorded = Map.of();
		if (thread.party() == Party.COMPLAINANT) {
			Optional<Keyword> keyword = Keyword.of(newText);
			if (keyword.isPresent()) {
				complainantKeyword(keyword.get(), complaint, mail, newText);
				return;
			}
			Optional<Pending> confirmed = this.proof.confirmedBy(complaint, mail);
			if (confirmed.isPresent()) {
				recorded = applyConfirmed(confirmed.get(), complaint, mail);
			}
			else {
				recorded = details(complaint, mail, newText);
			}
		}
		notifyChair(thread, mail, newText, recorded);
	}

	/** INZAGE, BEROEP, INTREKKEN from the complainant; the last two only with proof (CONTRACT §5). */
	private void complainantKeyword(Keyword keyword, RegisteredComplaint complaint, InboundMail mail, String newText) {
		boolean proven = this.proof.proven(complaint, mail);
		switch (keyword) {
			case ACCESS -> answerDataRequest(complaint, mail);
			case APPEAL -> {
				if (proven) {
					this.appeals.file(complaint, afterKeyword(newText), mail.messageId(), ComplaintRegistrar.thread(mail));
				}
				else {
					this.proof.ask(complaint, Action.APPEAL, afterKeyword(newText));
				}
			}
			case WITHDRAW -> {
				if (complaint.open() && proven) {
					withdraw(complaint, mail);
				}
				else if (complaint.open()) {
					this.proof.ask(complaint, Action.WITHDRAW, null);
				}
			}
		}
	}

	/** The register details of {@code Label: value} lines: recorded with proof, else asked to confirm. */
	private Map<String, String> details(RegisteredComplaint complaint, InboundMail mail, String newText) {
		RegisterFields fields = RegisterFields.from(newText);
		if (fields.equals(RegisterFields.from(""))) {
			return Map.of();
		}
		if (this.proof.proven(complaint, mail)) {
			return recordDetails(complaint, mail, fields);
		}
		this.proof.ask(complaint, Action.DETAILS, newText);
		return Map.of();
	}

	/** The complainant answered our request to confirm: the change they asked for applies now. */
	private Map<String, String> applyConfirmed(Pending pending, RegisteredComplaint complaint, InboundMail mail) {
		switch (pending.action()) {
			case APPEAL -> this.appeals.file(complaint, pending.text() == null ? "" : pending.text(), mail.messageId(),
					ComplaintRegistrar.thread(mail));
			case WITHDRAW -> {
				if (complaint.open()) {
					withdraw(complaint, mail);
				}
			}
			case DETAILS -> {
				return recordDetails(complaint, mail, RegisterFields.from(pending.text()));
			}
		}
		return Map.of();
	}

	/** The text after the keyword: the rest of its line and the lines below (an appeal's grounds). */
	private static String afterKeyword(String newText) {
		String stripped = newText.strip();
		String[] parts = stripped.split("[\\s:]+", 2);
		return parts.length < 2 ? "" : parts[1].strip();
	}

	private Map<String, String> recordDetails(RegisteredComplaint complaint, InboundMail mail, RegisterFields fields) {
		List<String> changed = this.complaints.updateDetails(complaint.id(), new Details(fields.name(),
				fields.address(), fields.city(), fields.products(), fields.employee(), fields.aroseOn(),
				fields.representativeOf()));
		Map<String, String> recorded = new LinkedHashMap<>();
		for (String label : changed) {
			recorded.put(label, valueOf(label, fields));
		}
		if (fields.aroseOn() != null && changed.contains("Datum ontstaan")) {
			this.complaints.markLate(complaint.id(),
					this.deadlines.late(fields.aroseOn(), this.complaints.submittedAt(complaint.id())));
		}
		if (!recorded.isEmpty()) {
			this.mailer.send(complaint, new Letter("details-recorded", List.of(complaint.complainantEmail()), null,
					mail.messageId(), ComplaintRegistrar.thread(mail), Map.of("recorded", recorded)));
		}
		return recorded;
	}

	private static String valueOf(String label, RegisterFields fields) {
		return switch (label) {
			case "Naam" -> fields.name();
			case "Adres" -> fields.address();
			case "Woonplaats" -> fields.city();
			case "Medewerker" -> fields.employee();
			case "Namens" -> fields.representativeOf();
			case "Datum ontstaan" -> ComplaintRegistrar.DUTCH_DATE.format(fields.aroseOn());
			default -> String.join(", ", fields.products());
		};
	}

	/**
	 * R21: the complainant's view of their cases (register data and their own mail, nothing
	 * internal), only to the registered address.
	 */
	private void answerDataRequest(RegisteredComplaint complaint, InboundMail mail) {
		Instant now = this.clock.instant();
		if (this.dataRequests.answeredSince(complaint.id(), now.minus(Duration.ofDays(1)))) {
			log.info("Data request on {} not answered again within a day", complaint.reference());
			return;
		}
		List<CaseFile> files = this.caseFiles.filedBy(complaint.complainantEmail());
		byte[] json = CaseFileJson.writeForComplainant(files);
		Map<String, Object> model = Map.of("cases", files.stream().map(CaseFileJson::forComplainant).toList());
		Letter letter = new Letter("data-access", List.of(complaint.complainantEmail()), null, mail.messageId(),
				ComplaintRegistrar.thread(mail), model,
				List.of(new Letter.File("klachtdossier-" + complaint.reference() + ".json", "application/json",
						json)));
		ComposedMail sent = this.mailer.send(complaint, letter);
		this.dataRequests.answered(complaint.id(), now, now, sent.messageId());
	}

	private void withdraw(RegisteredComplaint complaint, InboundMail mail) {
		this.complaints.setStatus(complaint.id(), RegisteredComplaint.Status.INGETROKKEN);
		this.mailer.send(complaint, new Letter("withdrawal-confirmation", List.of(complaint.complainantEmail()), null,
				mail.messageId(), ComplaintRegistrar.thread(mail), Map.of()));
		this.mailer.send(complaint, new Letter("withdrawal-notification", List.of(this.mailer.chair()), null, null,
				List.of(), Map.of("complainantEmail", complaint.complainantEmail(), "guidance",
						Guidance.forCase(this.changes.state(complaint)))));
	}

	private void notifyChair(MailThread.Joined thread, InboundMail mail, String newText, Map<String, String> recorded) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("party", partyLabel(thread.party()));
		model.put("sender", mail.senderAddress());
		model.put("subject", HeaderText.clean(mail.subject()));
		model.put("text", newText);
		model.put("recorded", recorded);
		model.put("status", thread.complaint().status().column());
		model.put("guidance", Guidance.forCase(this.changes.state(thread.complaint())));
		model.put("attachments", mail.attachments().stream().map(Attachment::fileName).toList());
		List<String> references = mail.messageId() == null ? List.of() : List.of(mail.messageId());
		this.mailer.send(thread.complaint(), new Letter("follow-up-notification", List.of(this.mailer.chair()), null,
				null, references, model));
	}

	private static String partyLabel(Party party) {
		return switch (party) {
			case COMPLAINANT -> "de klager";
			case EMPLOYEE -> "de medewerker";
			case MANAGEMENT -> "de directie";
			case APPEALS -> "de beroepscommissie";
			case COMMITTEE -> "de klachtencommissie";
		};
	}


}
