package nl.klachten.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.klachten.appeals.AppealDesk;
import nl.klachten.commands.Guidance;
import nl.klachten.committee.TermsSettings;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.ComposedMail;
import nl.klachten.outbound.Letter;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseFileJson;
import nl.klachten.register.CaseFiles;
import nl.klachten.register.Complaints;
import nl.klachten.register.ConfirmationRequests.Action;
import nl.klachten.register.ConfirmationRequests.Pending;
import nl.klachten.register.DataAccessView;
import nl.klachten.register.DataRequests;
import nl.klachten.register.RegisteredComplaint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A complainant's keywords on their case (CONTRACT §5): {@code INZAGE}/{@code ACCESS}
 * answers the registered address with the complainant's view (R21), at most once a day;
 * {@code BEROEP}/{@code APPEAL} (R22) and {@code INTREKKEN}/{@code WITHDRAW} apply only
 * with proof that the mail is the complainant's, else the complainant is asked to
 * confirm.
 */
@Component
class ComplainantKeywords {

	private static final Logger log = LoggerFactory.getLogger(ComplainantKeywords.class);

	private final ComplainantProof proof;

	private final ComplainantDetails details;

	private final AppealDesk appeals;

	private final Complaints complaints;

	private final CaseFiles caseFiles;

	private final DataRequests dataRequests;

	private final CaseMailer mailer;

	private final CaseChanges changes;

	private final Clock clock;

	private final TermsSettings terms;

	ComplainantKeywords(ComplainantProof proof, ComplainantDetails details, AppealDesk appeals, Complaints complaints,
			CaseFiles caseFiles, DataRequests dataRequests, CaseMailer mailer, CaseChanges changes, Clock clock,
			TermsSettings terms) {
		this.terms = terms;
		this.proof = proof;
		this.details = details;
		this.appeals = appeals;
		this.complaints = complaints;
		this.caseFiles = caseFiles;
		this.dataRequests = dataRequests;
		this.mailer = mailer;
		this.changes = changes;
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

	/**
	 * INZAGE, BEROEP, INTREKKEN from the complainant; the last two only with proof
	 * (CONTRACT §5).
	 */
	void handle(Keyword keyword, RegisteredComplaint complaint, InboundMail mail, String newText) {
		boolean proven = this.proof.proven(complaint, mail);
		switch (keyword) {
			case ACCESS -> answerDataRequest(complaint, mail);
			case APPEAL -> {
				if (proven) {
					this.appeals.file(complaint, afterKeyword(newText), mail.messageId(),
							ComplaintRegistrar.thread(mail));
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

	/**
	 * The complainant answered our request to confirm: the change they asked for applies
	 * now.
	 */
	Map<String, String> applyConfirmed(Pending pending, RegisteredComplaint complaint, InboundMail mail) {
		switch (pending.action()) {
			case APPEAL -> this.appeals.file(complaint, pending.text() == null ? "" : pending.text(), mail.messageId(),
					ComplaintRegistrar.thread(mail));
			case WITHDRAW -> {
				if (complaint.open()) {
					withdraw(complaint, mail);
				}
			}
			case DETAILS -> {
				return this.details.record(complaint, mail, RegisterFields.from(pending.text()));
			}
		}
		return Map.of();
	}

	/**
	 * The text after the keyword: the rest of its line and the lines below (an appeal's
	 * grounds).
	 */
	private static String afterKeyword(String newText) {
		String stripped = newText.strip();
		String[] parts = stripped.split("[\\s:]+", 2);
		return parts.length < 2 ? "" : parts[1].strip();
	}

	/**
	 * R21: the complainant's view of their cases (register data and their own mail,
	 * nothing internal), only to the registered address.
	 */
	private void answerDataRequest(RegisteredComplaint complaint, InboundMail mail) {
		Instant now = this.clock.instant();
		if (this.dataRequests.answeredSince(complaint.id(), now.minus(Duration.ofDays(1)))) {
			log.info("Data request on {} not answered again within a day", complaint.reference());
			return;
		}
		List<CaseFile> files = this.caseFiles.filedBy(complaint.complainantEmail());
		byte[] json = CaseFileJson.writeForComplainant(files);
		Map<String, Object> model = DataAccessView.model(files, this.terms.zone());
		Letter letter = new Letter("data-access", List.of(complaint.complainantEmail()), null, mail.messageId(),
				ComplaintRegistrar.thread(mail), model,
				List.of(new Letter.File("klachtdossier-" + complaint.reference() + ".json", "application/json", json)));
		ComposedMail sent = this.mailer.send(complaint, letter);
		this.dataRequests.answered(complaint.id(), now, now, sent.messageId());
	}

	private void withdraw(RegisteredComplaint complaint, InboundMail mail) {
		this.complaints.setStatus(complaint.id(), RegisteredComplaint.Status.INGETROKKEN);
		this.mailer.send(complaint, new Letter("withdrawal-confirmation", List.of(complaint.complainantEmail()), null,
				mail.messageId(), ComplaintRegistrar.thread(mail), Map.of()));
		this.mailer.send(complaint,
				new Letter("withdrawal-notification", List.of(this.mailer.chair()), null, null, List.of(),
						Map.of("complainantEmail", complaint.complainantEmail(), "guidance",
								Guidance.forCase(this.changes.state(complaint)))));
	}

}
