package nl.klachten.register;


/** A case file as plain text: the register fields, then every letter in order. */
public final class CaseFileText {

	private CaseFileText() {
	}

	public static String of(CaseFile c) {
		StringBuilder out = new StringBuilder();
		out.append("Dossier ").append(c.reference()).append("  (").append(c.status()).append(")\n");
		out.append("=".repeat(60)).append('\n');
		line(out, "Klager", c.complainantName() == null ? c.complainantEmail()
				: c.complainantName() + " <" + c.complainantEmail() + ">");
		line(out, "Namens", c.representativeOf());
		line(out, "Adres", c.address());
		line(out, "Woonplaats", c.city());
		line(out, "Onderwerp", c.subject());
		line(out, "Ingediend", c.submittedAt());
		line(out, "Datum ontstaan", c.aroseOn());
		line(out, "Buiten termijn", c.late() ? "ja, meer dan twaalf maanden na het ontstaan ingediend" : null);
		line(out, "Medewerker", c.employeeName());
		line(out, "Producten", c.products().isEmpty() ? null : String.join(", ", c.products()));
		line(out, "Ontvangst uiterlijk", c.acknowledgeDue());
		line(out, "Beslissing uiterlijk", c.decisionDue());
		c.extensions().forEach((e) -> line(out, "Verlengd tot", e.to() + " (" + e.reason() + ")"));
		line(out, "Directie betrokken", c.managementInvolved() ? "ja" : null);
		if (c.decision() != null) {
			line(out, "Beoordeling", c.decision().assessment() + " op " + c.decision().decidedAt());
			line(out, "Argumenten", c.decision().arguments());
		}
		if (c.appeal() != null) {
			line(out, "Beroep", c.appeal().filedAt() + ", uitspraak uiterlijk " + c.appeal().due());
		}
		c.measures().forEach((m) -> line(out, "Maatregel", m.describe()));
		c.notes().forEach((n) -> line(out, "Notitie", n.writtenAt().substring(0, 10) + ": " + n.text()));
		out.append("\nKlacht:\n").append(c.description()).append("\n\nCorrespondentie (")
			.append(c.correspondence().size()).append("):\n");
		for (CaseFile.Entry e : c.correspondence()) {
			out.append('\n').append("-".repeat(60)).append('\n');
			out.append(e.direction().equals("in") ? "IN  " : "UIT ").append(e.at()).append("  [").append(e.kind())
				.append("]\n");
			line(out, "Van", e.from());
			line(out, "Aan", e.to());
			line(out, "Onderwerp", e.subject());
			line(out, "Bijlagen", e.attachments().isEmpty() ? null : String.join(", ", e.attachments()));
			out.append('\n').append(e.text() == null ? "" : e.text().strip()).append('\n');
			String rest = rest(e);
			if (!rest.isEmpty()) {
				out.append("\n  [geciteerde tekst / handtekening, volledig bewaard]\n");
				rest.lines().forEach((line) -> out.append("  | ").append(line).append('\n'));
			}
		}
		return out.toString();
	}

	/** What follows the new text in the full body: quoted history, forwarded original, signature. */
	private static String rest(CaseFile.Entry e) {
		if (e.body() == null || e.text() == null || e.body().strip().equals(e.text().strip())) {
			return "";
		}
		String body = e.body().strip();
		String text = e.text().strip();
		int at = text.isEmpty() ? 0 : body.indexOf(text);
		return at < 0 ? body : body.substring(at + text.length()).strip();
	}

	private static void line(StringBuilder out, String label, String value) {
		if (value != null && !value.isBlank()) {
			out.append(String.format("%-22s %s%n", label + ":", value));
		}
	}

}
