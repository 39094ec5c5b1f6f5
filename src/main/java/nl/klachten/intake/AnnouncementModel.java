package nl.klachten.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.committee.PeopleDates;
import nl.klachten.outbound.HeaderText;
import nl.klachten.register.NewComplaint;

/**
 * What the mails about a new complaint say of it (R9, R19): the template model of the
 * chair's notification, which the acknowledgement starts from. It names the details the
 * mail stated and those still missing, so the chair and the complainant see what the
 * register lacks.
 */
final class AnnouncementModel {

	private AnnouncementModel() {
	}

	static Map<String, Object> of(NewComplaint complaint, RegisterFields fields, InboundMail mail, boolean acknowledged,
			int rateLimitPerHour) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("complainantName", complaint.complainantName() == null ? "" : complaint.complainantName());
		model.put("complainantEmail", complaint.complainantEmail());
		model.put("representativeOf", complaint.representativeOf() == null ? "" : complaint.representativeOf());
		model.put("subject",
				complaint.subject().isBlank() ? "(geen onderwerp)" : HeaderText.clean(complaint.subject()));
		model.put("text", complaint.description());
		model.put("submittedOn", PeopleDates.date(complaint.submittedAt()));
		model.put("decisionDue", PeopleDates.date(complaint.decisionDue()));
		model.put("late", complaint.late());
		model.put("aroseOn", PeopleDates.date(complaint.aroseOn()));
		model.put("missing", missing(complaint, fields));
		model.put("details", details(complaint));
		model.put("attachments", mail.attachments().stream().map(Attachment::fileName).toList());
		model.put("acknowledged", acknowledged);
		model.put("rateLimit", rateLimitPerHour);
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
		putIfPresent(details, "Datum ontstaan", PeopleDates.date(complaint.aroseOn()));
		return details;
	}

	private static void putIfPresent(Map<String, String> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}

}
