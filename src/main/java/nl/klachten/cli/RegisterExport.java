package nl.klachten.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseFileExport;
import nl.klachten.register.CaseFileJson;
import nl.klachten.register.CaseFiles;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The register in the shape of CONTRACT §6: JSON with nested objects, CSV with one row a
 * case and the scalar fields, each case led by its register's tenant (CONTRACT §7). Field
 * names are the contract's, so they are spelled out here, not derived.
 */
class RegisterExport {

	private static final List<String> CSV_COLUMNS = List.of("reference", "status", "complainant_name",
			"complainant_email", "complainant_address", "complainant_city", "representative_of", "subject",
			"description", "submitted_at", "arose_on", "late", "employee_name", "employee_email", "products",
			"decision_due", "management_involved", "assessment", "decided_at", "manner", "solution", "appeal_filed_at",
			"appeal_due", "appeal_outcome", "measures", "correspondence_count", "purged", "tenant");

	private final List<CaseFile> cases;

	private final String tenant;

	RegisterExport(List<CaseFile> cases, String tenant) {
		this.cases = cases;
		this.tenant = tenant;
	}

	byte[] json() {
		return CaseFileJson.write(this.cases, this.tenant);
	}

	byte[] csv() {
		return csv(this.cases.stream().map((c) -> toRow(c, this.tenant)).toList());
	}

	/**
	 * The whole register as JSON, written a page of cases at a time while the next pages
	 * are read (issue 15): the same bytes as {@link #json()} of all cases, without
	 * holding them all.
	 * @return how many cases were written
	 */
	static int json(CaseFiles files, String tenant, OutputStream out) {
		try (CaseFileExport json = CaseFileJson.export(out, tenant)) {
			return files.forEachReadAhead(json::write);
		}
	}

	/**
	 * The whole register as CSV: only the rows' scalar fields are held, not the case
	 * files.
	 * @return how many cases were written
	 */
	static int csv(CaseFiles files, String tenant, OutputStream out) throws IOException {
		List<Map<String, Object>> rows = new ArrayList<>();
		files.forEach((c) -> rows.add(toRow(c, tenant)));
		out.write(csv(rows));
		return rows.size();
	}

	private static byte[] csv(List<Map<String, Object>> rows) {
		CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
		CSV_COLUMNS.forEach(schema::addColumn);
		return new CsvMapper().writer(schema.build()).writeValueAsBytes(rows);
	}

	private static Map<String, Object> toRow(CaseFile c, String tenant) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("reference", c.reference());
		row.put("status", c.status());
		complainant(row, c);
		row.put("subject", c.subject());
		row.put("description", c.description());
		row.put("submitted_at", CaseFileJson.iso(c.submittedAt()));
		row.put("arose_on", CaseFileJson.iso(c.aroseOn()));
		row.put("late", c.late());
		row.put("employee_name", c.employeeName());
		row.put("employee_email", c.employeeEmail());
		row.put("products", String.join("; ", c.products()));
		row.put("decision_due", CaseFileJson.iso(c.decisionDue()));
		row.put("management_involved", c.managementInvolved());
		decision(row, c.decision());
		appeal(row, c.appeal());
		row.put("measures", String.join("; ", c.measures().stream().map(CaseFile.Measure::describe).toList()));
		row.put("correspondence_count", c.correspondence().size());
		row.put("purged", c.purged());
		row.put("tenant", tenant);
		row.replaceAll((column, value) -> value instanceof String text ? cell(text) : value);
		return row;
	}

	private static void complainant(Map<String, Object> row, CaseFile c) {
		row.put("complainant_name", c.complainantName());
		row.put("complainant_email", c.complainantEmail());
		row.put("complainant_address", c.address());
		row.put("complainant_city", c.city());
		row.put("representative_of", c.representativeOf());
	}

	private static void decision(Map<String, Object> row, CaseFile.Decision d) {
		row.put("assessment", d == null ? null : d.assessment());
		row.put("decided_at", d == null ? null : CaseFileJson.iso(d.decidedAt()));
		row.put("manner", d == null ? null : d.manner());
		row.put("solution", d == null ? null : d.solution());
	}

	private static void appeal(Map<String, Object> row, CaseFile.Appeal a) {
		row.put("appeal_filed_at", a == null ? null : CaseFileJson.iso(a.filedAt()));
		row.put("appeal_due", a == null ? null : CaseFileJson.iso(a.due()));
		row.put("appeal_outcome", a == null ? null : a.outcome());
	}

	/**
	 * A cell a spreadsheet will not run: text starting with {@code = + - @}, TAB or CR
	 * gets a leading {@code '}, since names, subjects and descriptions are written by
	 * complainants (issue 9).
	 */
	static String cell(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

}
