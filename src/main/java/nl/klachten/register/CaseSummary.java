package nl.klachten.register;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A case file for people (R14, R19): the register details, the complaint as received, the
 * questions and answers, extensions, the decision with its arguments and proposed
 * solution, the appeal, measures, withdrawal and notes, then every letter as one dated
 * line. What {@code show} prints and what the appeals committee and management get;
 * {@code show --full} adds every letter in full ({@link CaseFileText}). Dates are written
 * for people in {@code zone}; lines stay within 76 columns except where a value is
 * longer.
 */
public final class CaseSummary {

	private CaseSummary() {
	}

	public static String of(CaseFile c, ZoneId zone) {
		StringBuilder out = new StringBuilder();
		out.append("Dossier ").append(c.reference()).append('\n');
		String status = "Status: " + CaseStatus.of(c, zone);
		out.append(status.length() <= CaseTimeline.WIDTH ? status : status.replace("; ", ";\n        ")).append('\n');
		out.append("=".repeat(CaseTimeline.WIDTH)).append('\n');
		details(out, c, zone);
		complaint(out, c, zone);
		decision(out, c, zone);
		appeal(out, c, zone);
		afterwards(out, c, zone);
		section(out, "Tijdlijn (" + c.correspondence().size() + " berichten)");
		CaseTimeline.of(c, zone).forEach((line) -> out.append(line).append('\n'));
		return out.toString();
	}

	/**
	 * The complaint as received, then the questions, answers and messages, then the
	 * extensions.
	 */
	private static void complaint(StringBuilder out, CaseFile c, ZoneId zone) {
		section(out, "De klacht");
		text(out, c.description(), "");
		attachmentsOfComplaint(c).ifPresent((files) -> out.append("Bijlagen: ").append(files).append('\n'));
		List<CaseExchanges.Exchange> exchanges = CaseExchanges.of(c);
		if (!exchanges.isEmpty()) {
			section(out, "Vragen, antwoorden en berichten");
			exchanges.forEach((e) -> exchange(out, e, zone));
		}
		if (!c.extensions().isEmpty()) {
			section(out, "Verlengingen");
			c.extensions().forEach((e) -> extension(out, e, zone));
		}
	}

	/**
	 * What came after the decision and appeal: measures, a withdrawal, the committee's
	 * notes.
	 */
	private static void afterwards(StringBuilder out, CaseFile c, ZoneId zone) {
		if (!c.measures().isEmpty()) {
			section(out, "Maatregelen");
			c.measures()
				.forEach((m) -> out.append(StoredDates.date(m.recordedAt(), zone))
					.append(": ")
					.append(m.describe())
					.append(m.recordedBy() == null ? "" : " (" + m.recordedBy() + ")")
					.append('\n'));
		}
		CaseExchanges.withdrawal(c).ifPresent((w) -> {
			section(out, "Intrekking");
			exchange(out, w, zone);
		});
		if (!c.notes().isEmpty()) {
			section(out, "Notities (intern, niet naar de klager)");
			c.notes()
				.forEach((n) -> exchange(out,
						new CaseExchanges.Exchange(n.writtenAt(), n.writtenBy(), n.text(), List.of()), zone));
		}
	}

	private static void details(StringBuilder out, CaseFile c, ZoneId zone) {
		field(out, "Klager", c.complainantName() == null ? c.complainantEmail()
				: c.complainantName() + " <" + c.complainantEmail() + ">");
		field(out, "Namens", c.representativeOf());
		field(out, "Adres", c.address());
		field(out, "Woonplaats", c.city());
		field(out, "Onderwerp", c.subject());
		field(out, "Ingediend", StoredDates.dateTime(c.submittedAt(), zone));
		field(out, "Datum ontstaan", StoredDates.date(c.aroseOn()));
		field(out, "Buiten termijn", c.late() ? "ja, ingediend meer dan twaalf maanden na het ontstaan" : null);
		field(out, "Medewerker", c.employeeName() == null ? null
				: c.employeeName() + (c.employeeEmail() == null ? "" : " <" + c.employeeEmail() + ">"));
		field(out, "Producten", c.products().isEmpty() ? null : String.join(", ", c.products()));
		field(out, "Ontvangst uiterlijk", StoredDates.date(c.acknowledgeDue()));
		field(out, "Beslissing uiterlijk",
				StoredDates.date(c.decisionDue()) + (c.extensions().isEmpty() ? "" : " (verlengd)"));
		field(out, "Directie betrokken", c.managementInvolved() ? "ja" : null);
	}

	private static void decision(StringBuilder out, CaseFile c, ZoneId zone) {
		CaseFile.Decision d = c.decision();
		if (d == null) {
			return;
		}
		section(out, "Beslissing");
		out.append(assessment(d))
			.append(", ")
			.append(StoredDates.date(d.decidedAt()))
			.append(d.manner() == null ? "" : " (" + d.manner() + ")")
			.append('\n');
		out.append("Argumenten:\n");
		text(out, d.arguments(), "  ");
		if (d.solution() != null && !d.solution().isBlank()) {
			out.append("Voorgestelde oplossing:\n");
			text(out, d.solution(), "  ");
		}
	}

	private static void appeal(StringBuilder out, CaseFile c, ZoneId zone) {
		CaseFile.Appeal a = c.appeal();
		if (a == null) {
			return;
		}
		section(out, "Beroep");
		out.append("Ingesteld op ")
			.append(StoredDates.dateTime(a.filedAt(), zone))
			.append("; uitspraak uiterlijk ")
			.append(StoredDates.date(a.due()))
			.append('\n');
		out.append("Gronden:\n");
		text(out, a.grounds() == null || a.grounds().isBlank() ? "(geen nadere gronden genoemd)" : a.grounds(), "  ");
		a.extensions().forEach((e) -> extension(out, e, zone));
		if (a.outcome() != null) {
			out.append("Uitspraak: beroep ")
				.append(a.outcome())
				.append(", ")
				.append(StoredDates.date(a.decidedAt()))
				.append('\n');
		}
	}

	private static void extension(StringBuilder out, CaseFile.Extension e, ZoneId zone) {
		out.append("Verlengd tot ").append(StoredDates.date(e.to()));
		if (e.notifiedAt() != null) {
			out.append(" (klager ingelicht op ").append(StoredDates.date(e.notifiedAt(), zone)).append(')');
		}
		out.append('\n');
		if (e.reason() != null && !e.reason().isBlank()) {
			text(out, "Reden: " + e.reason().strip(), "  ");
		}
	}

	private static void exchange(StringBuilder out, CaseExchanges.Exchange e, ZoneId zone) {
		out.append(StoredDates.dateTime(e.at(), zone)).append(", ").append(e.label()).append(":\n");
		text(out, e.text(), "  ");
		if (!e.attachments().isEmpty()) {
			out.append("  Bijlagen: ").append(String.join(", ", e.attachments())).append('\n');
		}
	}

	private static Optional<String> attachmentsOfComplaint(CaseFile c) {
		return c.correspondence()
			.stream()
			.filter((e) -> "complaint".equals(e.kind()) && !e.attachments().isEmpty())
			.findFirst()
			.map((e) -> String.join(", ", e.attachments()));
	}

	private static String assessment(CaseFile.Decision d) {
		String label = d.assessment().replace('_', ' ');
		return Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	private static void section(StringBuilder out, String title) {
		out.append('\n').append(title).append('\n').append("-".repeat(title.length())).append('\n');
	}

	/** Each line of the text with the indent; a missing text as nothing. */
	private static void text(StringBuilder out, String text, String indent) {
		if (text == null || text.isBlank()) {
			return;
		}
		text.strip().lines().forEach((line) -> out.append(line.isBlank() ? "" : indent + line).append('\n'));
	}

	static void field(StringBuilder out, String label, String value) {
		if (value != null && !value.isBlank()) {
			out.append(String.format("%-22s %s", label + ":", value)).append('\n');
		}
	}

}
