package nl.klachten.register;

import java.util.List;

import tools.jackson.core.JsonGenerator;

/**
 * A case file written straight to a {@link JsonGenerator}, field by field, in the shape
 * and order of {@link CaseFileJson#toJson}: the export of 100,000 cases spent a tenth of
 * its time building a map per case and per letter and having databind find a serializer
 * for each value (issue 15). The generator carries the mapper's pretty printer, so the
 * bytes are those of the map-based {@link CaseFileJson#write(List, String)}, which stays
 * the reference (and the complainant's view, which filters the map).
 */
final class CaseFileStream {

	private CaseFileStream() {
	}

	static void write(JsonGenerator g, CaseFile c, String tenant) {
		g.writeStartObject();
		if (tenant != null) {
			g.writeStringProperty("tenant", tenant);
		}
		g.writeStringProperty("reference", c.reference());
		g.writeStringProperty("status", c.status());
		g.writeName("complainant");
		g.writeStartObject();
		g.writeStringProperty("name", c.complainantName());
		g.writeStringProperty("email", c.complainantEmail());
		g.writeStringProperty("address", c.address());
		g.writeStringProperty("city", c.city());
		g.writeStringProperty("representative_of", c.representativeOf());
		g.writeEndObject();
		g.writeStringProperty("subject", c.subject());
		g.writeStringProperty("description", c.description());
		g.writeStringProperty("submitted_at", CaseFileJson.iso(c.submittedAt()));
		g.writeStringProperty("arose_on", CaseFileJson.iso(c.aroseOn()));
		g.writeBooleanProperty("late", c.late());
		g.writeName("employee");
		g.writeStartObject();
		g.writeStringProperty("name", c.employeeName());
		g.writeStringProperty("email", c.employeeEmail());
		g.writeEndObject();
		strings(g, "products", c.products());
		g.writeStringProperty("acknowledge_due", CaseFileJson.iso(c.acknowledgeDue()));
		g.writeStringProperty("decision_due", CaseFileJson.iso(c.decisionDue()));
		extensions(g, c.extensions());
		g.writeBooleanProperty("management_involved", c.managementInvolved());
		decision(g, c.decision());
		appeal(g, c.appeal());
		g.writeName("measures");
		g.writeStartArray();
		for (CaseFile.Measure m : c.measures()) {
			g.writeString(m.describe());
		}
		g.writeEndArray();
		g.writeName("correspondence");
		g.writeStartArray();
		for (CaseFile.Entry e : c.correspondence()) {
			entry(g, e);
		}
		g.writeEndArray();
		g.writeBooleanProperty("purged", c.purged());
		g.writeEndObject();
	}

	private static void extensions(JsonGenerator g, List<CaseFile.Extension> extensions) {
		g.writeName("extensions");
		g.writeStartArray();
		for (CaseFile.Extension e : extensions) {
			g.writeStartObject();
			g.writeStringProperty("to", CaseFileJson.iso(e.to()));
			g.writeStringProperty("reason", e.reason());
			g.writeStringProperty("notified_at", CaseFileJson.iso(e.notifiedAt()));
			g.writeEndObject();
		}
		g.writeEndArray();
	}

	private static void decision(JsonGenerator g, CaseFile.Decision d) {
		g.writeName("decision");
		if (d == null) {
			g.writeNull();
			return;
		}
		g.writeStartObject();
		g.writeStringProperty("assessment", d.assessment());
		g.writeStringProperty("decided_at", CaseFileJson.iso(d.decidedAt()));
		g.writeStringProperty("manner", d.manner());
		g.writeStringProperty("arguments", d.arguments());
		g.writeStringProperty("solution", d.solution());
		g.writeEndObject();
	}

	private static void appeal(JsonGenerator g, CaseFile.Appeal a) {
		g.writeName("appeal");
		if (a == null) {
			g.writeNull();
			return;
		}
		g.writeStartObject();
		g.writeStringProperty("filed_at", CaseFileJson.iso(a.filedAt()));
		g.writeStringProperty("due", CaseFileJson.iso(a.due()));
		g.writeStringProperty("outcome", a.outcome());
		g.writeStringProperty("decided_at", CaseFileJson.iso(a.decidedAt()));
		g.writeEndObject();
	}

	private static void entry(JsonGenerator g, CaseFile.Entry e) {
		g.writeStartObject();
		g.writeStringProperty("direction", e.direction());
		g.writeStringProperty("at", CaseFileJson.iso(e.at()));
		g.writeStringProperty("from", e.from());
		g.writeStringProperty("to", e.to());
		g.writeStringProperty("subject", e.subject());
		g.writeStringProperty("message_id", StoredMessageIds.text(e.messageId()));
		g.writeStringProperty("kind", e.kind());
		g.writeStringProperty("text", e.text());
		g.writeStringProperty("body", e.body());
		strings(g, "attachments", e.attachments());
		g.writeEndObject();
	}

	/** A list of texts; a null in it (never stored so far) is written as null. */
	private static void strings(JsonGenerator g, String name, List<String> values) {
		g.writeName(name);
		g.writeStartArray();
		for (String value : values) {
			g.writeString(value);
		}
		g.writeEndArray();
	}

}
