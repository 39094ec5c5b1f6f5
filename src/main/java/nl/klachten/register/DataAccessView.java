package nl.klachten.register;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code data-access} mail shows a complainant of their cases (R21, CONTRACT
 * §5): the register data written for people (dates as "1 december 2026", the state with a
 * pending appeal, the decision with its proposed solution), from the same view as the
 * JSON attachment ({@link CaseFileJson#forComplainant}), which stays ISO for machines.
 * Nothing internal: no notes, no measures, no employee address, no mail of others.
 */
public final class DataAccessView {

	private static final String UNKNOWN = "onbekend";

	private DataAccessView() {
	}

	/**
	 * The template model: {@code complainantName} (empty when unknown) and one entry per
	 * case.
	 */
	public static Map<String, Object> model(List<CaseFile> files, ZoneId zone) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("complainantName",
				files.stream()
					.map(CaseFile::complainantName)
					.filter((name) -> name != null && !name.isBlank())
					.findFirst()
					.orElse(""));
		model.put("cases", files.stream().map((file) -> of(file, zone)).toList());
		return model;
	}

	static Map<String, Object> of(CaseFile c, ZoneId zone) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("reference", c.reference());
		view.put("subject", orUnknown(c.subject()));
		view.put("status", CaseStatus.of(c, zone));
		view.put("submittedOn", StoredDates.dateTime(c.submittedAt(), zone));
		view.put("name", orUnknown(c.complainantName()));
		view.put("email", c.complainantEmail());
		view.put("address", orUnknown(c.address()));
		view.put("city", orUnknown(c.city()));
		view.put("representativeOf", c.representativeOf() == null ? "" : c.representativeOf());
		view.put("products", c.products().isEmpty() ? "geen opgegeven" : String.join(", ", c.products()));
		view.put("employee", orUnknown(c.employeeName()));
		view.put("aroseOn", c.aroseOn() == null ? UNKNOWN : StoredDates.date(c.aroseOn()));
		view.put("decisionDue", StoredDates.date(c.decisionDue()));
		CaseFile.Decision decision = c.decision();
		view.put("assessment", decision == null ? "" : decision.assessment().replace('_', ' '));
		view.put("decidedOn", decision == null ? "" : StoredDates.date(decision.decidedAt()));
		view.put("solution", decision == null || decision.solution() == null ? "" : decision.solution());
		view.put("letters", ((List<?>) CaseFileJson.forComplainant(c).get("correspondence")).size());
		return view;
	}

	private static String orUnknown(String value) {
		return value == null || value.isBlank() ? UNKNOWN : value;
	}

}
