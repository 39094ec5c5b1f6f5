package nl.klachten.deadlines;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import nl.klachten.committee.PeopleDates;

/**
 * The digest as the {@code daily-digest} template reads it: counts per kind, the sections
 * with their lines in people's dates and with every missing text as an empty string, and
 * the footer's reply example. Pure presentation, apart from {@link DigestSender}, which
 * decides when a digest goes.
 */
final class DigestView {

	private DigestView() {
	}

	static Map<String, Object> model(Digest digest) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("date", PeopleDates.date(digest.day()));
		model.put("failedLines", digest.failedLines());
		model.put("overdueCount", digest.count(Digest.Kind.OVERDUE));
		model.put("dueSoonCount", digest.count(Digest.Kind.DUE_SOON));
		model.put("extensionCount", digest.count(Digest.Kind.EXTENSION_NOTICE));
		model.put("waitingCount", digest.count(Digest.Kind.WAITING));
		model.put("newCount", digest.count(Digest.Kind.NEW));
		model.put("sections", digest.sections().stream().map(DigestView::section).toList());
		model.put("example", example(digest));
		return model;
	}

	private static Map<String, Object> section(Digest.Section section) {
		return Map.of("title", section.title(), "lines", section.lines().stream().map(DigestView::line).toList());
	}

	private static Map<String, Object> line(Digest.Line line) {
		return Map.of("reference", line.reference(), "date", PeopleDates.date(line.date()), "name",
				Objects.toString(line.name(), ""), "subject", Objects.toString(line.subject(), ""), "note",
				Objects.toString(line.note(), ""), "reply", Objects.toString(line.reply(), ""), "replyText",
				Objects.toString(line.replyText(), ""));
	}

	/**
	 * The footer's reply example (CONTRACT §5): the digest's first suggestion that takes
	 * a text.
	 */
	private static Map<String, Object> example(Digest digest) {
		return digest.sections()
			.stream()
			.flatMap((section) -> section.lines().stream())
			.filter((line) -> !line.reply().isEmpty() && !line.replyText().isEmpty())
			.findFirst()
			.<Map<String, Object>>map((line) -> Map.of("reply", line.reply(), "text", line.replyText()))
			.orElse(Map.of());
	}

}
