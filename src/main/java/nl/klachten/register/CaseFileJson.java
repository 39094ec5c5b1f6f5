package nl.klachten.register;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case files in the JSON shape of CONTRACT §6, used by the export and by a complainant's
 * data request (R21). The contract's field names are spelled out here, not derived from
 * records.
 */
public final class CaseFileJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private CaseFileJson() {
	}

	public static byte[] write(List<CaseFile> cases, String tenant) {
		return MAPPER.writeValueAsBytes(cases.stream().map((c) -> toJson(c, tenant)).toList());
	}

	/**
	 * The same array as {@link #write(List, String)}, byte for byte, written a case at a
	 * time as the cases are read (issue 15: the export of 100,000 cases does not hold
	 * them all), straight to the generator ({@link CaseFileStream}), with the mapper's
	 * pretty printer. Closing it ends the array and flushes; {@code out} stays open.
	 */
	public static CaseFileExport export(OutputStream out, String tenant) {
		JsonGenerator generator = MAPPER.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(out);
		generator.writeStartArray();
		return new CaseFileExport(generator, tenant);
	}

	/** The complainant's own view for a data request (R21, CONTRACT §5), as JSON. */
	public static byte[] writeForComplainant(List<CaseFile> cases) {
		return MAPPER.writeValueAsBytes(cases.stream().map(CaseFileJson::forComplainant).toList());
	}

	/**
	 * What a complainant may see of a case (R21): the register fields and the mail to and
	 * from the complainant only. Left out: the committee's notes, the employee's address,
	 * the management flag and the measures (the committee's and management's internal
	 * business), and every mail between the committee, employees, management and the
	 * appeals committee, with its Message-ID: a Message-ID of a mail to the chair is what
	 * a forged command would answer.
	 */
	public static Map<String, Object> forComplainant(CaseFile c) {
		Map<String, Object> json = toJson(c, null);
		Map<String, Object> employee = new LinkedHashMap<>();
		employee.put("name", c.employeeName());
		json.put("employee", employee);
		json.remove("management_involved");
		json.remove("measures");
		json.put("correspondence",
				c.correspondence()
					.stream()
					.filter((entry) -> withComplainant(entry, c.complainantEmail()))
					.map(CaseFileJson::entry)
					.toList());
		return json;
	}

	/** A letter from the complainant, or to the complainant and nobody else. */
	private static boolean withComplainant(CaseFile.Entry entry, String complainant) {
		if (complainant == null || complainant.isBlank()) {
			return false;
		}
		if ("in".equals(entry.direction())) {
			return complainant.equalsIgnoreCase(entry.from());
		}
		List<String> to = entry.to() == null ? List.of()
				: java.util.Arrays.stream(entry.to().split(",")).map(String::strip).toList();
		return to.size() == 1 && complainant.equalsIgnoreCase(to.get(0));
	}

	/**
	 * The case as the export writes it (CONTRACT §6), led by the register's tenant
	 * (CONTRACT §7) when one is given.
	 */
	public static Map<String, Object> toJson(CaseFile c, String tenant) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (tenant != null) {
			json.put("tenant", tenant);
		}
		json.put("reference", c.reference());
		json.put("status", c.status());
		json.put("complainant", complainant(c));
		json.put("subject", c.subject());
		json.put("description", c.description());
		json.put("submitted_at", iso(c.submittedAt()));
		json.put("arose_on", iso(c.aroseOn()));
		json.put("late", c.late());
		json.put("employee", employee(c));
		json.put("products", c.products());
		json.put("acknowledge_due", iso(c.acknowledgeDue()));
		json.put("decision_due", iso(c.decisionDue()));
		json.put("extensions", c.extensions().stream().map(CaseFileJson::extension).toList());
		json.put("management_involved", c.managementInvolved());
		json.put("decision", c.decision() == null ? null : decision(c.decision()));
		json.put("appeal", c.appeal() == null ? null : appeal(c.appeal()));
		json.put("measures", c.measures().stream().map(CaseFile.Measure::describe).toList());
		json.put("correspondence", c.correspondence().stream().map(CaseFileJson::entry).toList());
		json.put("purged", c.purged());
		return json;
	}

	private static Map<String, Object> complainant(CaseFile c) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", c.complainantName());
		json.put("email", c.complainantEmail());
		json.put("address", c.address());
		json.put("city", c.city());
		json.put("representative_of", c.representativeOf());
		return json;
	}

	private static Map<String, Object> employee(CaseFile c) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", c.employeeName());
		json.put("email", c.employeeEmail());
		return json;
	}

	private static Map<String, Object> extension(CaseFile.Extension e) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("to", iso(e.to()));
		json.put("reason", e.reason());
		json.put("notified_at", iso(e.notifiedAt()));
		return json;
	}

	private static Map<String, Object> decision(CaseFile.Decision d) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("assessment", d.assessment());
		json.put("decided_at", iso(d.decidedAt()));
		json.put("manner", d.manner());
		json.put("arguments", d.arguments());
		json.put("solution", d.solution());
		return json;
	}

	private static Map<String, Object> appeal(CaseFile.Appeal a) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("filed_at", iso(a.filedAt()));
		json.put("due", iso(a.due()));
		json.put("outcome", a.outcome());
		json.put("decided_at", iso(a.decidedAt()));
		return json;
	}

	private static Map<String, Object> entry(CaseFile.Entry e) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("direction", e.direction());
		json.put("at", iso(e.at()));
		json.put("from", e.from());
		json.put("to", iso(e.to()));
		json.put("subject", e.subject());
		json.put("message_id", StoredMessageIds.text(e.messageId()));
		json.put("kind", e.kind());
		json.put("text", e.text());
		json.put("body", e.body());
		json.put("attachments", e.attachments());
		return json;
	}

	/**
	 * A time or date as the export writes it: ISO-8601 as {@code toString} gives it, a
	 * time with the committee's offset ({@code 2026-12-01T21:11+01:00}), as the stored
	 * text read before V15.
	 */
	public static String iso(Object value) {
		return value == null ? null : value.toString();
	}

}
