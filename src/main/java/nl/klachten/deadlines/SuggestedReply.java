package nl.klachten.deadlines;

/**
 * The reply a digest line suggests (CONTRACT §5), built from the case: its reference, a
 * command that fits what the case waits for, and what the chair writes under it. Never a
 * placeholder name or address (the README's example employee is nobody's), never text the
 * chair did not write: the text is a description of what goes there. Every suggestion is
 * a valid command as it stands, so a chair who replies with it gets what it says, or a
 * refusal that names what is missing.
 *
 * @param command the command line, reference first, e.g.
 * {@code KK-2026-0007 VERLENG 2 weken}
 * @param text what goes under it, e.g. "de reden; de klager krijgt die te lezen"; empty
 * for none
 */
record SuggestedReply(String command, String text) {

	static final SuggestedReply NONE = new SuggestedReply("", "");

	/** A decision is due or overdue: decide, with the arguments as text (R16, R17). */
	static SuggestedReply decide(String reference) {
		return new SuggestedReply(reference + " GEGROND", "uw argumenten; of DEELS-GEGROND of ONGEGROND");
	}

	/**
	 * The term ends soon: extend from the current due date, with the reason as text
	 * (R11).
	 */
	static SuggestedReply extend(String reference) {
		return new SuggestedReply(reference + " VERLENG 2 weken", "de reden; de klager krijgt die te lezen");
	}

	/** A question waits for an answer: ask again, or read the file (management). */
	static SuggestedReply waiting(String reference, String kind) {
		return switch (kind) {
			case "question-employee" ->
				new SuggestedReply(reference + " VRAAG-MEDEWERKER", "uw herinnering of vervolgvraag aan de medewerker");
			case "question-complainant" ->
				new SuggestedReply(reference + " VRAAG-KLAGER", "uw herinnering of vervolgvraag aan de klager");
			default -> status(reference);
		};
	}

	/** Nothing to decide for the chair now (a new case, an appeal): the whole file. */
	static SuggestedReply status(String reference) {
		return new SuggestedReply(reference + " STATUS", "");
	}

	/** Filed late (R7): record why the complaint is handled anyway, or not. */
	static SuggestedReply late(String reference) {
		return new SuggestedReply(reference + " NOTITIE", "waarom u de klacht toch behandelt, of niet");
	}

	/** Handled without a measure (R24). */
	static SuggestedReply measure(String reference) {
		return new SuggestedReply(reference + " MAATREGEL", "de maatregel; of alleen de regel GEEN-MAATREGEL");
	}

}
