package nl.klachten.commands;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static nl.klachten.commands.Authority.ANY_TRUSTED;
import static nl.klachten.commands.Authority.APPEALS;
import static nl.klachten.commands.Authority.COMMITTEE;
import static nl.klachten.commands.Authority.COMMITTEE_OR_MANAGEMENT;

/**
 * The keywords of CONTRACT §5 that committee, management and appeals committee use. The complainant's
 * words ({@code INZAGE}, {@code BEROEP}, {@code INTREKKEN}) are not here: they are read by whoever handles
 * the complainant's mail, and a committee member who types them gets "onbekend commando".
 */
public enum Keyword {

	MEDEWERKER("MEDEWERKER", "EMPLOYEE", COMMITTEE, true, "MEDEWERKER Piet Jansen <piet@klikklaar.com>",
			"legt de verantwoordelijke medewerker vast (adres mag ontbreken)"),
	PRODUCT("PRODUCT", "PRODUCT", COMMITTEE, true, "PRODUCT Wasmachine WM-300",
			"voegt een gekocht product toe (mag vaker)"),
	ADRES("ADRES", "ADDRESS", COMMITTEE, true, "ADRES Dorpsstraat 1", "legt het adres van de klager vast"),
	WOONPLAATS("WOONPLAATS", "CITY", COMMITTEE, true, "WOONPLAATS Utrecht", "legt de woonplaats van de klager vast"),
	DATUM_ONTSTAAN("DATUM-ONTSTAAN", "OCCURRED", COMMITTEE, true, "DATUM-ONTSTAAN 2026-03-01",
			"legt vast wanneer de klacht ontstond (R7)"),
	VRAAG_MEDEWERKER("VRAAG-MEDEWERKER", "ASK-EMPLOYEE", COMMITTEE, true, "VRAAG-MEDEWERKER + vraag als tekst",
			"mailt de medewerker de tekst en wacht op antwoord (R12)"),
	VRAAG_KLAGER("VRAAG-KLAGER", "ASK-COMPLAINANT", COMMITTEE, true, "VRAAG-KLAGER + vraag als tekst",
			"mailt de klager de tekst (R13)"),
	DIRECTIE("DIRECTIE", "MANAGEMENT", COMMITTEE, true, "DIRECTIE",
			"meldt een materieel belang en mailt de directie het dossier (R15)"),
	VERLENG("VERLENG", "EXTEND", COMMITTEE, true, "VERLENG 2 weken | VERLENG 2026-12-31 + reden als tekst",
			"nieuwe behandeltermijn; de klager krijgt bericht (R11)"),
	GEGROND("GEGROND", "FOUNDED", COMMITTEE, true, "GEGROND + argumenten als tekst",
			"beslissing: gegrond; de klager krijgt de beslissing en beroepsinformatie (R16, R17)"),
	DEELS_GEGROND("DEELS-GEGROND", "PARTLY-FOUNDED", COMMITTEE, true, "DEELS-GEGROND + argumenten als tekst",
			"beslissing: deels gegrond (R16, R17)"),
	ONGEGROND("ONGEGROND", "UNFOUNDED", COMMITTEE, true, "ONGEGROND + argumenten als tekst",
			"beslissing: ongegrond (R16, R17)"),
	MAATREGEL("MAATREGEL", "MEASURE", COMMITTEE_OR_MANAGEMENT, true, "MAATREGEL tekst | MAATREGEL + tekst",
			"legt een structurele maatregel vast (R24)"),
	GEEN_MAATREGEL("GEEN-MAATREGEL", "NO-MEASURE", COMMITTEE_OR_MANAGEMENT, true, "GEEN-MAATREGEL",
			"legt vast dat geen maatregel wordt genomen (R24)"),
	NOTITIE("NOTITIE", "NOTE", COMMITTEE, true, "NOTITIE tekst | NOTITIE + tekst",
			"voegt een interne notitie toe aan het dossier"),
	HEROPEN("HEROPEN", "REOPEN", COMMITTEE, true, "HEROPEN", "heropent een afgehandelde klacht"),
	STATUS("STATUS", "STATUS", COMMITTEE, true, "STATUS", "antwoordt met het hele dossier"),
	OVERZICHT("OVERZICHT", "DIGEST", COMMITTEE, false, "OVERZICHT", "stuurt het overzicht nu (geen kenmerk nodig)"),
	HELP("HELP", "HELP", ANY_TRUSTED, false, "HELP", "antwoordt met deze tabel"),
	BEROEP_GEGROND("BEROEP-GEGROND", "APPEAL-UPHELD", APPEALS, true, "BEROEP-GEGROND + argumenten als tekst",
			"uitkomst beroep: gegrond; de klager krijgt bericht (R23)"),
	BEROEP_ONGEGROND("BEROEP-ONGEGROND", "APPEAL-DISMISSED", APPEALS, true, "BEROEP-ONGEGROND + argumenten als tekst",
			"uitkomst beroep: ongegrond; de klager krijgt bericht (R23)"),
	BEROEP_VERLENG("BEROEP-VERLENG", "APPEAL-EXTEND", APPEALS, true, "BEROEP-VERLENG 2 weken | BEROEP-VERLENG 2026-12-31",
			"nieuwe termijn voor het beroep; de klager krijgt bericht (R23)");

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

	/** The command table for the HELP mail: Dutch word, English word, usage and description, aligned. */
	public static String helpTable() {
		int dutchWidth = width("NL", Keyword::dutch);
		int englishWidth = width("EN", Keyword::english);
		int usageWidth = width("GEBRUIK", Keyword::usage);
		String format = "%-" + dutchWidth + "s  %-" + englishWidth + "s  %-" + usageWidth + "s  %s";
		String header = String.format(format, "NL", "EN", "GEBRUIK", "WAT HET DOET");
		String rows = Arrays.stream(values())
			.map((k) -> String.format(format, k.dutch, k.english, k.usage, k.description))
			.collect(Collectors.joining("\n"));
		return header + "\n" + rows + "\n";
	}

	private static int width(String header, Function<Keyword, String> column) {
		return Arrays.stream(values()).mapToInt((k) -> column.apply(k).length()).reduce(header.length(), Math::max);
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

	/** A decision on the complaint or the appeal: at most one a mail, and only with argumentation (R17). */
	public boolean isDecision() {
		return this == GEGROND || this == DEELS_GEGROND || this == ONGEGROND || this == BEROEP_GEGROND
				|| this == BEROEP_ONGEGROND;
	}

	/** Whether the command may appear more than once in one mail. */
	public boolean isRepeatable() {
		return this == PRODUCT || this == NOTITIE || this == MAATREGEL;
	}

}
