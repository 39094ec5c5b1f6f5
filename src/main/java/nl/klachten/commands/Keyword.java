package nl.klachten.commands;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static nl.klachten.commands.Authority.ANY_TRUSTED;
import static nl.klachten.commands.Authority.APPEALS;
import static nl.klachten.commands.Authority.COMMITTEE;
import static nl.klachten.commands.Authority.COMMITTEE_OR_MANAGEMENT;

/**
 * The keywords of CONTRACT §5 that committee, management and appeals committee use. The
 * complainant's words ({@code INZAGE}, {@code BEROEP}, {@code INTREKKEN}) are not here:
 * they are read by whoever handles the complainant's mail, and a committee member who
 * types them gets "onbekend commando".
 */
public enum Keyword {

	MEDEWERKER("MEDEWERKER", "EMPLOYEE", COMMITTEE, true, "MEDEWERKER Piet Jansen <piet@klikklaar.com>",
			"legt de medewerker vast (het adres mag ontbreken)"),
	PRODUCT("PRODUCT", "PRODUCT", COMMITTEE, true, "PRODUCT Wasmachine WM-300",
			"voegt een gekocht product toe (mag vaker)"),
	ADRES("ADRES", "ADDRESS", COMMITTEE, true, "ADRES Dorpsstraat 1", "legt het adres van de klager vast"),
	WOONPLAATS("WOONPLAATS", "CITY", COMMITTEE, true, "WOONPLAATS Utrecht", "legt de woonplaats van de klager vast"),
	DATUM_ONTSTAAN("DATUM-ONTSTAAN", "OCCURRED", COMMITTEE, true, "DATUM-ONTSTAAN JJJJ-MM-DD",
			"legt vast wanneer de klacht ontstond"),
	VRAAG_MEDEWERKER("VRAAG-MEDEWERKER", "ASK-EMPLOYEE", COMMITTEE, true, "VRAAG-MEDEWERKER + vraag als tekst",
			"mailt de medewerker uw tekst; de aanhef zetten wij erboven"),
	VRAAG_KLAGER("VRAAG-KLAGER", "ASK-COMPLAINANT", COMMITTEE, true, "VRAAG-KLAGER + vraag als tekst",
			"mailt de klager uw tekst; de aanhef zetten wij erboven"),
	DIRECTIE("DIRECTIE", "MANAGEMENT", COMMITTEE, true, "DIRECTIE",
			"meldt een materieel belang; de directie krijgt het dossier"),
	VERLENG("VERLENG", "EXTEND", COMMITTEE, true, "VERLENG 2 weken | VERLENG JJJJ-MM-DD + reden als tekst",
			"nieuwe behandeltermijn; de klager krijgt de reden"),
	GEGROND("GEGROND", "FOUNDED", COMMITTEE, true, "GEGROND + argumenten als tekst",
			"beslissing: gegrond; de klager krijgt haar met uitleg over beroep"),
	DEELS_GEGROND("DEELS-GEGROND", "PARTLY-FOUNDED", COMMITTEE, true, "DEELS-GEGROND + argumenten als tekst",
			"beslissing: deels gegrond"),
	ONGEGROND("ONGEGROND", "UNFOUNDED", COMMITTEE, true, "ONGEGROND + argumenten als tekst", "beslissing: ongegrond"),
	MAATREGEL("MAATREGEL", "MEASURE", COMMITTEE_OR_MANAGEMENT, true, "MAATREGEL tekst | MAATREGEL + tekst",
			"legt een structurele maatregel vast"),
	GEEN_MAATREGEL("GEEN-MAATREGEL", "NO-MEASURE", COMMITTEE_OR_MANAGEMENT, true, "GEEN-MAATREGEL",
			"legt vast dat geen maatregel nodig is"),
	NOTITIE("NOTITIE", "NOTE", COMMITTEE, true, "NOTITIE tekst | NOTITIE + tekst",
			"voegt een interne notitie toe aan het dossier"),
	TAAL("TAAL", "LANGUAGE", COMMITTEE, true, "TAAL nl | TAAL en",
			"taal van de mail aan de klager: nl (Nederlands) of en (Engels)"),
	HEROPEN("HEROPEN", "REOPEN", COMMITTEE, true, "HEROPEN", "heropent een afgehandelde klacht"),
	STATUS("STATUS", "STATUS", COMMITTEE, true, "STATUS", "antwoordt met het hele dossier"),
	OVERZICHT("OVERZICHT", "DIGEST", COMMITTEE, false, "OVERZICHT", "stuurt het overzicht nu (geen kenmerk nodig)"),
	HELP("HELP", "HELP", ANY_TRUSTED, false, "HELP", "antwoordt met deze lijst"),
	BEROEP_GEGROND("BEROEP-GEGROND", "APPEAL-UPHELD", APPEALS, true, "BEROEP-GEGROND + argumenten als tekst",
			"uitkomst beroep: gegrond; de klager krijgt bericht"),
	BEROEP_ONGEGROND("BEROEP-ONGEGROND", "APPEAL-DISMISSED", APPEALS, true, "BEROEP-ONGEGROND + argumenten als tekst",
			"uitkomst beroep: ongegrond; de klager krijgt bericht"),
	BEROEP_VERLENG("BEROEP-VERLENG", "APPEAL-EXTEND", APPEALS, true,
			"BEROEP-VERLENG 2 weken | BEROEP-VERLENG JJJJ-MM-DD",
			"nieuwe termijn voor het beroep; de klager krijgt bericht");

	private final String dutch;

	private final String english;

	private final Authority authority;

	private final boolean needsCase;

	private final String usage;

	private final String description;

	Keyword(String dutch, String english, Authority authority, boolean needsCase, String usage, String description) {
		this.dutch = dutch;
		this.english = english;
		this.authority = authority;
		this.needsCase = needsCase;
		this.usage = usage;
		this.description = description;
	}

	/** The keyword for a word, Dutch or English, in any letter case. */
	public static Optional<Keyword> of(String word) {
		if (word == null) {
			return Optional.empty();
		}
		String upper = word.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter((k) -> k.dutch.equals(upper) || k.english.equals(upper)).findFirst();
	}

	/**
	 * The command list for the HELP mail, two lines a command so that it fits a mail
	 * client's 80 columns: the usage and the English word at the margin, below it,
	 * indented, what it does. A four-column table ran to 140 columns.
	 */
	public static String helpTable() {
		return Arrays.stream(values())
			.map((k) -> k.usage + (k.english.equals(k.dutch) ? "" : "   (Engels: " + k.english + ")") + "\n    "
					+ k.description)
			.collect(Collectors.joining("\n", "", "\n"));
	}

	public String dutch() {
		return this.dutch;
	}

	public String english() {
		return this.english;
	}

	public Authority authority() {
		return this.authority;
	}

	/** Whether the command needs a case reference; only OVERZICHT and HELP do not. */
	public boolean needsCase() {
		return this.needsCase;
	}

	/** A usage example for the HELP table. */
	public String usage() {
		return this.usage;
	}

	/** One Dutch line for the HELP table. */
	public String description() {
		return this.description;
	}

	/**
	 * A decision on the complaint or the appeal: at most one a mail, and only with
	 * argumentation (R17).
	 */
	public boolean isDecision() {
		return this == GEGROND || this == DEELS_GEGROND || this == ONGEGROND || this == BEROEP_GEGROND
				|| this == BEROEP_ONGEGROND;
	}

	/** Whether the command may appear more than once in one mail. */
	public boolean isRepeatable() {
		return this == PRODUCT || this == NOTITIE || this == MAATREGEL;
	}

}
