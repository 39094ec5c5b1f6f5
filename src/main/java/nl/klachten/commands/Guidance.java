package nl.klachten.commands;

import java.util.ArrayList;
import java.util.List;

import nl.klachten.register.CaseState;

/**
 * How to reply, for the end of every mail to the chair about a case (CONTRACT §5): a
 * reply that fits the case now, shown the way it is typed (the command on the first line,
 * a blank line, then the text; with a decision a line {@code Oplossing:} for the proposed
 * solution), then the other commands that fit. Open cases get the decision and the
 * handling steps, handled cases measures and reopening, withdrawn cases a note and
 * reopening. The example never holds a name or an address: what is in parentheses is for
 * the chair to write. Every line fits 76 columns.
 */
public final class Guidance {

	private static final String ROW = "  %-25s %s";

	private Guidance() {
	}

	public static List<String> forCase(CaseState state) {
		List<String> lines = new ArrayList<>();
		switch (state.complaint().status()) {
			case IN_BEHANDELING -> open(state, lines);
			case AFGEHANDELD -> {
				example(lines, "MAATREGEL", "(de maatregel tegen herhaling; of alleen GEEN-MAATREGEL)");
				lines.add("Andere commando's die nu passen:");
				lines.add(row("GEEN-MAATREGEL", "er komt geen structurele maatregel"));
				lines.add(row("HEROPEN", "heropent het dossier"));
				lines.add(row("NOTITIE tekst", "interne notitie in het dossier"));
			}
			case INGETROKKEN -> {
				example(lines, "NOTITIE", "(uw notitie; intern, niet naar de klager)");
				lines.add("Andere commando's die nu passen:");
				lines.add(row("HEROPEN", "heropent het ingetrokken dossier"));
			}
		}
		lines.add(row("STATUS", "stuurt u het hele dossier"));
		return lines;
	}

	private static void open(CaseState state, List<String> lines) {
		example(lines, "GEGROND", "(uw argumenten; de klager krijgt ze zo te lezen)",
				"Oplossing: (wat u de klager aanbiedt; deze regel mag weg)");
		lines.add("Of DEELS-GEGROND, ONGEGROND. Andere commando's die nu passen:");
		if (state.employeeEmail() == null) {
			lines.add(row("MEDEWERKER naam <adres>", "legt de medewerker vast"));
		}
		else {
			lines.add(row("VRAAG-MEDEWERKER", "mailt de medewerker uw vraag (de tekst)"));
		}
		lines.add(row("VRAAG-KLAGER", "mailt de klager uw vraag (de tekst)"));
		lines.add(row("PRODUCT omschrijving", "voegt een gekocht product toe"));
		if (!state.managementInvolved()) {
			lines.add(row("DIRECTIE", "belang: mailt de directie het dossier"));
		}
		lines.add(row("VERLENG 2 weken", "meer tijd; de tekst is de reden"));
		lines.add(row("NOTITIE tekst", "interne notitie in het dossier"));
	}

	/** The reply as it is typed: the command, a blank line, the text. */
	private static void example(List<String> lines, String command, String... text) {
		lines.add("  " + command);
		lines.add("");
		for (String line : text) {
			lines.add("  " + line);
		}
		lines.add("");
	}

	private static String row(String command, String what) {
		return String.format(ROW, command, what);
	}

}
