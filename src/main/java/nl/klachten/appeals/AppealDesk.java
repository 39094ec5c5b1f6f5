package nl.klachten.appeals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.committee.PeopleDates;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.Letter;
import nl.klachten.register.Appeals;
import nl.klachten.register.Appeals.Appeal;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * The appeal of a case (R22, R23). The complainant files it with {@code BEROEP}; the
 * processor records it with its eight-week term, confirms it, sends the appeals committee
 * the file (by mail where it has an address) and always makes the printable letter, which
 * is kept in the register and sent to the chair to post. The appeals committee's
 * {@code BEROEP-GEGROND}, {@code BEROEP-ONGEGROND} and {@code BEROEP-VERLENG} record its
 * binding outcome or a new term, and the complainant is told. Everything runs in the
 * caller's transaction. The entry point of the capability; filing, with its letters, is
 * {@link AppealFiling}'s.
 */
@Component
public class AppealDesk {

	static final String GEGROND = "gegrond";

	static final String ONGEGROND = "ongegrond";

	private final Appeals appeals;

	private final AppealFiling filing;

	private final AppealCase cases;

	private final CaseMailer mailer;

	private final DeadlinePolicy deadlines;

	private final Clock clock;

	AppealDesk(Appeals appeals, AppealFiling filing, AppealCase cases, CaseMailer mailer, DeadlinePolicy deadlines,
			Clock clock) {
		this.appeals = appeals;
		this.filing = filing;
		this.cases = cases;
		this.mailer = mailer;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/**
	 * R22: the complainant's {@code BEROEP}/{@code APPEAL} on a case, the text after the
	 * keyword being the grounds. Refused, with an explanation to the complainant and
	 * nothing recorded, while the case has no decision or is not handled, or when it
	 * already has an appeal.
	 * @param inReplyTo the appeal mail's Message-ID (no brackets), to thread the answer
	 * @param references the thread's Message-IDs, oldest first
	 */
	public void file(RegisteredComplaint complaint, String grounds, String inReplyTo, List<String> references) {
		this.filing.file(complaint, grounds, inReplyTo, references);
	}

	/**
	 * The appeal's current term, for {@code BEROEP-VERLENG n weken} (counted from it);
	 * empty without appeal.
	 */
	public Optional<LocalDate> due(RegisteredComplaint complaint) {
		return this.appeals.find(complaint.id()).map(Appeal::due);
	}

	/**
	 * Why {@code BEROEP-GEGROND}/{@code BEROEP-ONGEGROND} may not run on this case now;
	 * empty when it may.
	 */
	public Optional<String> decisionRefusal(RegisteredComplaint complaint) {
		Optional<Appeal> appeal = this.appeals.find(complaint.id());
		if (appeal.isEmpty()) {
			return Optional.of("Er is geen beroep ingesteld tegen dit dossier.");
		}
		if (appeal.get().decided()) {
			return Optional.of("Over dit beroep is al beslist (" + appeal.get().outcome() + ", "
					+ PeopleDates.date(appeal.get().decidedAt()) + ").");
		}
		return Optional.empty();
	}

	/**
	 * Why {@code BEROEP-VERLENG} to {@code to} may not run on this case now; empty when
	 * it may.
	 */
	public Optional<String> extensionRefusal(RegisteredComplaint complaint, LocalDate to) {
		Optional<String> refusal = decisionRefusal(complaint);
		if (refusal.isPresent()) {
			return refusal;
		}
		LocalDate current = this.appeals.find(complaint.id()).orElseThrow().due();
		LocalDate today = this.deadlines.today(this.clock.instant());
		if (!to.isAfter(current)) {
			return Optional.of("De nieuwe termijn " + PeopleDates.date(to)
					+ " ligt niet na de huidige termijn van het beroep (" + PeopleDates.date(current) + ").");
		}
		if (!to.isAfter(today)) {
			return Optional.of("De nieuwe termijn " + PeopleDates.date(to) + " ligt niet na vandaag ("
					+ PeopleDates.date(today) + ").");
		}
		return Optional.empty();
	}

	/**
	 * R23: the appeals committee's binding outcome, with its arguments, recorded and sent
	 * to the complainant with the note that the civil court remains open. Check
	 * {@link #decisionRefusal} first.
	 * @return one Dutch line for the appeals committee's confirmation
	 */
	public String decide(RegisteredComplaint complaint, boolean upheld, String arguments) {
		String outcome = upheld ? GEGROND : ONGEGROND;
		OffsetDateTime now = this.cases.now();
		this.appeals.decide(complaint.id(), outcome, now);
		Map<String, Object> model = this.cases.model(this.cases.file(complaint));
		model.put("outcome", outcome);
		model.put("upheld", upheld);
		model.put("arguments", arguments == null ? "" : arguments.strip());
		model.put("decidedOn", now);
		this.mailer.send(complaint,
				new Letter("appeal-decision", List.of(complaint.complainantEmail()), null, null, List.of(), model));
		return "Beroep " + outcome + " vastgelegd; de klager heeft de bindende uitspraak met de argumenten gekregen.";
	}

	/**
	 * R23: a new term for the appeal, recorded with its reason and told to the
	 * complainant. Check {@link #extensionRefusal} first.
	 * @return one Dutch line for the appeals committee's confirmation
	 */
	public String extend(RegisteredComplaint complaint, LocalDate to, String reason) {
		LocalDate previous = this.appeals.find(complaint.id()).orElseThrow().due();
		OffsetDateTime now = this.cases.now();
		String why = reason == null ? "" : reason.strip();
		this.appeals.extend(complaint.id(), to, why, now);
		Map<String, Object> model = this.cases.model(this.cases.file(complaint));
		model.put("newDue", to);
		model.put("previousDue", previous);
		model.put("reason", why);
		this.mailer.send(complaint,
				new Letter("appeal-extension", List.of(complaint.complainantEmail()), null, null, List.of(), model));
		return "Termijn van het beroep verlengd tot " + PeopleDates.date(to) + "; de klager is schriftelijk ingelicht.";
	}

}
