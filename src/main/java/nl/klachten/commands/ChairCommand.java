package nl.klachten.commands;

import java.time.LocalDate;

import nl.klachten.committee.Language;

/**
 * One command line of a command mail, one record per keyword of CONTRACT §5. The mail's
 * text (the question, the reason, the argumentation) is not repeated here: it is
 * {@link ParsedCommands.Commands#text()}. Only {@link Note} and {@link RecordMeasure}
 * carry text, because theirs comes from the line's value when it has one and from the
 * mail's text otherwise.
 */
public sealed interface ChairCommand {

	/** MEDEWERKER / EMPLOYEE; {@code email} is null when none was given. */
	record SetEmployee(String name, String email) implements ChairCommand {
	}

	/** PRODUCT. */
	record AddProduct(String product) implements ChairCommand {
	}

	/** ADRES / ADDRESS. */
	record SetAddress(String address) implements ChairCommand {
	}

	/** WOONPLAATS / CITY. */
	record SetCity(String city) implements ChairCommand {
	}

	/** DATUM-ONTSTAAN / OCCURRED (R7). */
	record SetAroseOn(LocalDate date) implements ChairCommand {
	}

	/** VRAAG-MEDEWERKER / ASK-EMPLOYEE: the text is the question (R12). */
	record AskEmployee() implements ChairCommand {
	}

	/** VRAAG-KLAGER / ASK-COMPLAINANT: the text is the question (R13). */
	record AskComplainant() implements ChairCommand {
	}

	/** DIRECTIE / MANAGEMENT (R15). */
	record InvolveManagement() implements ChairCommand {
	}

	/** VERLENG / EXTEND: the text, if any, is the reason (R11). */
	record Extend(Term term) implements ChairCommand {
	}

	/** GEGROND, DEELS-GEGROND, ONGEGROND: the text is the argumentation (R16, R17). */
	record Decide(Assessment assessment) implements ChairCommand {
	}

	/** MAATREGEL / MEASURE (R24): the line's value, else the mail's text. */
	record RecordMeasure(String text) implements ChairCommand {
	}

	/** GEEN-MAATREGEL / NO-MEASURE (R24). */
	record NoMeasure() implements ChairCommand {
	}

	/** NOTITIE / NOTE: the line's value, else the mail's text. */
	record Note(String text) implements ChairCommand {
	}

	/**
	 * TAAL / LANGUAGE: the language of the case's mail to the complainant (CONTRACT §4).
	 */
	record SetLanguage(Language language) implements ChairCommand {
	}

	/** HEROPEN / REOPEN. */
	record Reopen() implements ChairCommand {
	}

	/** STATUS. */
	record Status() implements ChairCommand {
	}

	/** OVERZICHT / DIGEST. */
	record Digest() implements ChairCommand {
	}

	/** HELP. */
	record Help() implements ChairCommand {
	}

	/** BEROEP-GEGROND / APPEAL-UPHELD: the text is the argumentation (R23). */
	record AppealUpheld() implements ChairCommand {
	}

	/** BEROEP-ONGEGROND / APPEAL-DISMISSED: the text is the argumentation (R23). */
	record AppealDismissed() implements ChairCommand {
	}

	/** BEROEP-VERLENG / APPEAL-EXTEND: the text, if any, is the reason (R23). */
	record AppealExtend(Term term) implements ChairCommand {
	}

}
