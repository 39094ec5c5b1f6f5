package nl.klachten.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.register.CaseFile;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The register in the shape of CONTRACT §6: JSON with nested objects, CSV with one row a case and
 * the scalar fields. Field names are the contract's, so they are spelled out here, not derived.
 */
class RegisterExport {

	private static final List<String> CSV_COLUMNS = List.of("reference", "status", "complainant_name",
			"complainant_email", "complainant_address", "complainant_city", "representative_of", "subject",
			"description", "submitted_at", "arose_on", "late", "employee_name", "employee_email", "products",
			"decision_due", "management_involved", "assessment", "decided_at", "manner", "appeal_filed_at",
			"appeal_due", "appeal_outcome", "measures", "correspondence_count", "purged");

	private final List<CaseFile> cases;

	RegisterExport(List<CaseFile> cases) {
		this.cases = cases;
	}

	byte[] json() {
		List<Map<String, Object>> json = this.cases.stream().map(RegisterExport::toJson).toList();
		return JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build()
			.writeValueAsBytes(json);
	}

	byte[] csv() {
		CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
		CSV_COLUMNS.forEach(schema::addColumn);
		List<Map<String, Object>> rows = this.cases.stream().map(RegisterExport::toRow).toList();
		return new CsvMapper().writer(schema.build()).writeValueAsBytes(rows);
	}

	static Map<String, Object> toJson(CaseFile c) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("reference", c.reference());
		json.put("status", c.status());
		Map<String, Object> complainant = new LinkedHashMap<>();
		complainant.put("name", c.complainantName());
		complainant.put("email", c.complainantEmail());
		complainant.put("address", c.address());
		complainant.put("city", c.city());
		complainant.put("representative_of", c.representativeOf());
		json.put("complainant", complainant);
		json.put("subject", c.subject());
		json.put("description", c.description());
		json.put("submitted_at", c.submittedAt());
		json.put("arose_on", c.aroseOn());
		json.put("late", c.late());
		Map<String, Object> employee = new LinkedHashMap<>();
		employee.put("name", c.employeeName());
		employee.put("email", c.employeeEmail());
		json.put("employee", employee);
		json.put("products", c.products());
		json.put("acknowledge_due", c.acknowledgeDue());
		json.put("decision_due", c.decisionDue());
		json.put("extensions", c.extensions().stream().map(RegisterExport::extension).toList());
		json.put("management_involved", c.managementInvolved());
		json.put("decision", c.decision() == null ? null : decision(c.decision()));
		json.put("appeal", c.appeal() == null ? null : appeal(c.appeal()));
		json.put("measures", c.measures().stream().map(CaseFile.Measure::text).toList());
		json.put("correspondence", c.correspondence().stream().map(RegisterExport::entry).toList());
		json.put("purged", c.purged());
		return json;
	}

	private static Map<String, Object> extension(CaseFile.Extension e) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("to", e.to());
		json.put("reason", e.reason());
		json.put("notified_at", e.notifiedAt());
		return json;
	}

	private static Map<String, Object> decision(CaseFile.Decision d) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("assessment", d.assessment());
		json.put("decided_at", d.decidedAt());
		json.put("manner", d.manner());
		json.put("arguments", d.arguments());
		return json;
	}

	private static Map<String, Object> appeal(CaseFile.Appeal a) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("filed_at", a.filedAt());
		json.put("due", a.due());
		json.put("outcome", a.outcome());
		json.put("decided_at", a.decidedAt());
		return json;
	}

	private static Map<String, Object> entry(CaseFile.Entry e) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("direction", e.direction());
		json.put("at", e.at());
		json.put("from", e.from());
		json.put("to", e.to());
		json.put("subject", e.subject());
		json.put("message_id", e.messageId());
		json.put("kind", e.kind());
		json.put("body", e.body());
		json.put("attachments", e.attachments());
		return json;
	}

	private static Map<String, Object> toRow(CaseFile c) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("reference", c.reference());
		row.put("status", c.status());
		row.put("complainant_name", c.complainantName());
		row.put("complainant_email", c.complainantEmail());
		row.put("complainant_address", c.address());
		row.put("complainant_city", c.city());
		row.put("representative_of", c.representativeOf());
		row.put("subject", c.subject());
		row.put("description", c.description());
		row.put("submitted_at", c.submittedAt());
		row.put("arose_on", c.aroseOn());
		row.put("late", c.late());
		row.put("employee_name", c.employeeName());
		row.put("employee_email", c.employeeEmail());
		row.put("products", String.join("; ", c.products()));
		row.put("decision_due", c.decisionDue());
		row.put("management_involved", c.managementInvolved());
		row.put("assessment", c.decision() == null ? null : c.decision().assessment());
		row.put("decided_at", c.decision() == null ? null : c.decision().decidedAt());
		row.put("manner", c.decision() == null ? null : c.decision().manner());
		row.put("appeal_filed_at", c.appeal() == null ? null : c.appeal().filedAt());
		row.put("appeal_due", c.appeal() == null ? null : c.appeal().due());
		row.put("appeal_outcome", c.appeal() == null ? null : c.appeal().outcome());
		row.put("measures", String.join("; ", c.measures().stream().map(CaseFile.Measure::text).toList()));
		row.put("correspondence_count", c.correspondence().size());
		row.put("purged", c.purged());
		return row;
	}


}
