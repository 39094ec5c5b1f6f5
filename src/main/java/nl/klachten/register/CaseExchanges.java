package nl.klachten.register;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The substance among a case's letters (R12, R13, R14): the questions the committee asked
 * and the answers and messages that came back, and the complainant's withdrawal. What the
 * register cannot tell from a letter's kind it reads from what was sent in answer to it
 * (see {@link CaseTimeline}).
 */
final class CaseExchanges {

	/** One question, answer or message: when, who to whom, the text as written. */
	record Exchange(OffsetDateTime at, String label, String text, List<String> attachments) {

		@Override
		public String toString() {
			return "Exchange[" + this.label + "]";
		}

	}

	/**
	 * The answers that show a complainant's mail was a keyword (INZAGE, BEROEP,
	 * INTREKKEN), not a message.
	 */
	private static final Set<String> KEYWORD_ANSWERS = Set.of("data-access", "appeal-confirmation", "appeal-refused",
			"withdrawal-confirmation");

	/**
	 * A command line's first word: a keyword in capitals or with a hyphen, perhaps after
	 * a case reference.
	 */
	private static final Pattern COMMAND_LINE = Pattern
		.compile("^(?:[A-Za-z]{1,10}-\\d{4}-\\d{4,}\\s+)?(?:[A-Z][A-Z-]+|[A-Za-z]+-[A-Za-z-]+)(?:[\\s:].*)?$");

	private CaseExchanges() {
	}

	static List<Exchange> of(CaseFile file) {
		List<CaseFile.Entry> letters = file.correspondence();
		List<Exchange> found = new ArrayList<>();
		for (int i = 0; i < letters.size(); i++) {
			Optional<String> label = label(letters, i);
			if (label.isPresent()) {
				CaseFile.Entry letter = letters.get(i);
				found.add(new Exchange(letter.at(), label.get(), text(letters, i), letter.attachments()));
			}
		}
		return found;
	}

	/**
	 * The complainant's withdrawal: the mail that withdrew the complaint, if it was
	 * withdrawn.
	 */
	static Optional<Exchange> withdrawal(CaseFile file) {
		List<CaseFile.Entry> letters = file.correspondence();
		for (int i = letters.size() - 1; i >= 0; i--) {
			if ("follow-up".equals(letters.get(i).kind())
					&& CaseTimeline.answers(letters, i).contains("withdrawal-confirmation")) {
				CaseFile.Entry letter = letters.get(i);
				return Optional.of(new Exchange(letter.at(), "ingetrokken door de klager", strip(letter.text()),
						letter.attachments()));
			}
		}
		return Optional.empty();
	}

	private static Optional<String> label(List<CaseFile.Entry> letters, int i) {
		CaseFile.Entry letter = letters.get(i);
		String kind = letter.kind() == null ? "" : letter.kind();
		if ("out".equals(letter.direction())) {
			return switch (kind) {
				case "question-complainant" -> Optional.of("vraag aan de klager");
				case "question-employee" -> Optional.of("vraag aan de medewerker (" + letter.to() + ")");
				default -> Optional.empty();
			};
		}
		if (CaseTimeline.isCommand(letters, i)) {
			return Optional.empty();
		}
		return switch (kind) {
			case "follow-up" -> CaseTimeline.answers(letters, i).stream().anyMatch(KEYWORD_ANSWERS::contains)
					? Optional.empty() : Optional.of("bericht van de klager");
			case "employee" -> Optional.of("antwoord van de medewerker (" + letter.from() + ")");
			case "management" -> Optional.of("bericht van de directie (" + letter.from() + ")");
			case "appeals" -> Optional.of("bericht van de beroepscommissie");
			default -> Optional.empty();
		};
	}

	/**
	 * A question is what the committee wrote under its command (the mail the question was
	 * sent in answer to), not the whole mail built around it; an answer is its new text.
	 */
	private static String text(List<CaseFile.Entry> letters, int i) {
		CaseFile.Entry letter = letters.get(i);
		if ("in".equals(letter.direction())) {
			return strip(letter.text());
		}
		int command = i - 1;
		while (command >= 0 && "out".equals(letters.get(command).direction())) {
			command--;
		}
		String question = command < 0 ? "" : underCommands(letters.get(command).text());
		return question.isEmpty() ? strip(letter.text()) : question;
	}

	/** The text after a command mail's greeting and command lines. */
	static String underCommands(String text) {
		List<String> lines = strip(text).lines().toList();
		int at = 0;
		while (at < lines.size()
				&& (lines.get(at).isBlank() || (at == 0 && CaseTimeline.isGreeting(lines.get(at).strip())))) {
			at++;
		}
		while (at < lines.size() && COMMAND_LINE.matcher(lines.get(at).strip()).matches()) {
			at++;
		}
		return String.join("\n", lines.subList(at, lines.size())).strip();
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

}
