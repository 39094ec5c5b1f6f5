package nl.klachten.register;

import java.time.ZoneId;

/**
 * A case file with everything (R19 "all correspondence, in full"): the
 * {@link CaseSummary}, then every letter in order with its headers, its new text and what
 * it quoted. What {@code show --full} prints and what the committee's {@code STATUS}
 * answers.
 */
public final class CaseFileText {

	private CaseFileText() {
	}

	/** The whole file, dates in the zone the case's own timestamps were written in. */
	public static String of(CaseFile c) {
		return full(c, StoredDates.zoneOf(c));
	}

	public static String full(CaseFile c, ZoneId zone) {
		StringBuilder out = new StringBuilder(CaseSummary.of(c, zone));
		out.append("\nCorrespondentie volledig (").append(c.correspondence().size()).append(" berichten)\n");
		for (CaseFile.Entry e : c.correspondence()) {
			out.append('\n').append("-".repeat(CaseTimeline.WIDTH)).append('\n');
			out.append(e.direction().equals("in") ? "IN  " : "UIT ")
				.append(StoredDates.dateTime(e.at(), zone))
				.append("  [")
				.append(e.kind())
				.append("]\n");
			CaseSummary.field(out, "Van", e.from());
			CaseSummary.field(out, "Aan", e.to());
			CaseSummary.field(out, "Onderwerp", e.subject());
			CaseSummary.field(out, "Bijlagen", e.attachments().isEmpty() ? null : String.join(", ", e.attachments()));
			out.append('\n').append(e.text() == null ? "" : e.text().strip()).append('\n');
			String rest = rest(e);
			if (!rest.isEmpty()) {
				out.append("\n  [geciteerde tekst / handtekening, volledig bewaard]\n");
				rest.lines().forEach((line) -> out.append("  | ").append(line).append('\n'));
			}
		}
		return out.toString();
	}

	/**
	 * What follows the new text in the full body: quoted history, forwarded original,
	 * signature.
	 */
	private static String rest(CaseFile.Entry e) {
		if (e.body() == null || e.text() == null || e.body().strip().equals(e.text().strip())) {
			return "";
		}
		String body = e.body().strip();
		String text = e.text().strip();
		int at = text.isEmpty() ? 0 : body.indexOf(text);
		return at < 0 ? body : body.substring(at + text.length()).strip();
	}

}
