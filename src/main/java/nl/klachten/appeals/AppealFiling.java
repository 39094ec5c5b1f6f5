package nl.klachten.appeals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.committee.PeopleDates;
import nl.klachten.committee.TermsSettings;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.Letter;
import nl.klachten.register.Appeals;
import nl.klachten.register.Appeals.Appeal;
import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseSummary;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * R22: the complainant's {@code BEROEP}, refused or recorded. A recorded appeal is
 * confirmed to the complainant, and its printable letter is kept in the register, sent to
 * the chair to post and, where the appeals committee has an address, mailed to it with
 * the file. The most letters of any appeal step, so it stands apart from the committee's
 * own commands in {@link AppealDesk}.
 */
@Component
class AppealFiling {

	private final Appeals appeals;

	private final AppealCase cases;

	private final CaseMailer mailer;

	private final CommitteeSettings committee;

	private final TermsSettings terms;

	private final DeadlinePolicy deadlines;

	AppealFiling(Appeals appeals, AppealCase cases, CaseMailer mailer, CommitteeSettings committee, TermsSettings terms,
			DeadlinePolicy deadlines) {
		this.appeals = appeals;
		this.cases = cases;
		this.mailer = mailer;
		this.committee = committee;
		this.terms = terms;
		this.deadlines = deadlines;
	}

	/** See {@link AppealDesk#file}. */
	void file(RegisteredComplaint complaint, String grounds, String inReplyTo, List<String> references) {
		CaseFile file = this.cases.file(complaint);
		Optional<Refusal> refusal = filingRefusal(complaint, file);
		if (refusal.isPresent()) {
			refuse(complaint, file, refusal.get(), inReplyTo, references);
			return;
		}
		OffsetDateTime now = this.cases.now();
		LocalDate due = this.deadlines.appealDue(now);
		String text = grounds == null ? "" : grounds.strip();
		this.appeals.file(complaint.id(), now, due, text);
		OperatorEvents.appealRecorded(complaint.reference().toString(), due.toString());

		Map<String, Object> model = this.cases.model(file);
		model.put("grounds", text);
		model.put("filedOn", now);
		model.put("due", due);
		this.mailer.send(complaint, new Letter("appeal-confirmation", List.of(complaint.complainantEmail()), null,
				inReplyTo, references, model));
		sendLetter(complaint, text, now, model);
	}

	/**
	 * Why an appeal cannot be lodged: a code the English template words itself
	 * ({@code refusal}), the Dutch reason, and the day of the earlier appeal when there
	 * is one.
	 */
	private record Refusal(String code, String reason, OffsetDateTime earlier) {
	}

	private void refuse(RegisteredComplaint complaint, CaseFile file, Refusal refusal, String inReplyTo,
			List<String> references) {
		Map<String, Object> model = this.cases.model(file);
		model.put("reason", refusal.reason());
		model.put("refusal", refusal.code());
		if (refusal.earlier() != null) {
			model.put("earlierAppeal", refusal.earlier());
		}
		this.mailer.send(complaint, new Letter("appeal-refused", List.of(complaint.complainantEmail()), null, inReplyTo,
				references, model));
	}

	/**
	 * The printable letter: kept, mailed to the appeals committee where it has an
	 * address, and posted by the chair.
	 */
	private void sendLetter(RegisteredComplaint complaint, String text, OffsetDateTime now, Map<String, Object> model) {
		CaseFile withAppeal = this.cases.file(complaint);
		byte[] pdf = AppealLetter.render(withAppeal, text, now.toLocalDate(), this.committee, this.terms.zone());
		this.appeals.storeLetter(complaint.id(), pdf, now);
		List<Letter.File> letter = List
			.of(new Letter.File("beroep-" + complaint.reference() + ".pdf", "application/pdf", pdf));
		String email = this.committee.appeals().email();
		boolean byMail = email != null && !email.isBlank();
		model.put("byMail", byMail);
		if (byMail) {
			Map<String, Object> appealsModel = new HashMap<>(model);
			appealsModel.put("caseFile", CaseSummary.of(withAppeal, this.terms.zone()));
			this.mailer.send(complaint,
					new Letter("appeal-file", List.of(email), null, null, List.of(), appealsModel, letter));
		}
		this.mailer.send(complaint, new Letter("appeal-letter-to-post", List.of(this.mailer.chair()), null, null,
				List.of(), model, letter));
	}

	private Optional<Refusal> filingRefusal(RegisteredComplaint complaint, CaseFile file) {
		Optional<Appeal> existing = this.appeals.find(complaint.id());
		if (existing.isPresent()) {
			return Optional.of(new Refusal("already-filed", "U hebt al beroep ingesteld op "
					+ PeopleDates.date(existing.get().filedAt()) + "; per klacht is één beroep mogelijk.",
					existing.get().filedAt()));
		}
		if ("ingetrokken".equals(file.status())) {
			return Optional
				.of(new Refusal("withdrawn", "U hebt uw klacht ingetrokken; daartegen is geen beroep mogelijk.", null));
		}
		if (file.decision() == null || !"afgehandeld".equals(file.status())) {
			return Optional.of(new Refusal("not-decided", "Over uw klacht is nog niet beslist. Beroep is mogelijk "
					+ "zodra u ons standpunt hebt ontvangen, als u het daarmee niet eens bent.", null));
		}
		return Optional.empty();
	}

}
