package nl.klachten.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.committee.PeopleDates;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.Letter;
import nl.klachten.register.Complaints;
import nl.klachten.register.ConfirmationRequests.Action;
import nl.klachten.register.Details;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * The register details a complainant states in {@code Label: value} lines (R7, R19):
 * recorded and confirmed to them when the mail is proven theirs, else they are asked to
 * confirm first.
 */
@Component
class ComplainantDetails {

	private final Complaints complaints;

	private final CaseMailer mailer;

	private final DeadlinePolicy deadlines;

	private final ComplainantProof proof;

	ComplainantDetails(Complaints complaints, CaseMailer mailer, DeadlinePolicy deadlines, ComplainantProof proof) {
		this.complaints = complaints;
		this.mailer = mailer;
		this.deadlines = deadlines;
		this.proof = proof;
	}

	/**
	 * The register details of {@code Label: value} lines: recorded with proof, else asked
	 * to confirm.
	 */
	Map<String, String> fromFollowUp(RegisteredComplaint complaint, InboundMail mail, String newText) {
		RegisterFields fields = RegisterFields.from(newText);
		if (fields.equals(RegisterFields.from(""))) {
			return Map.of();
		}
		if (this.proof.proven(complaint, mail)) {
			return record(complaint, mail, fields);
		}
		this.proof.ask(complaint, Action.DETAILS, newText);
		return Map.of();
	}

	Map<String, String> record(RegisteredComplaint complaint, InboundMail mail, RegisterFields fields) {
		List<String> changed = this.complaints.updateDetails(complaint.id(),
				new Details(fields.name(), fields.address(), fields.city(), fields.products(), fields.employee(),
						fields.aroseOn(), fields.representativeOf()));
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
			case "Datum ontstaan" -> PeopleDates.date(fields.aroseOn());
			default -> String.join(", ", fields.products());
		};
	}

}
