package nl.klachten.commands;

import java.util.ArrayList;
import java.util.List;

import nl.klachten.register.CaseState;

/**
 * The commands that fit a case's state, for the end of every mail to the chair: what the case
 * needs next and how to reply. Open cases get the handling steps, handled cases measures and
 * reopening, withdrawn cases only the file.
 */
public final class Guidance {

	private Guidance() {
	}

	public static List<String> forCase(CaseState state) {
		List<String> lines = new ArrayList<>();
		switch (state.complaint().status()) {
			case IN_BEHANDELING -> open(state, lines);
			case AFGEHANDELD -> {
				lines.add(line(Keyword.MAATREGEL));
				lines.add(line(Keyword.GEEN_MAATREGEL));
				lines.add(line(Keyword.HEROPEN));
			}
			case INGETROKKEN -> {
			}
		}
		lines.add(line(Keyword.NOTITIE));
		lines.add(line(Keyword.STATUS));
		return lines;
	}

	private static void open(CaseState state, List<String> lines) {
		if (state.employeeEmail() == null) {
			lines.add(line(Keyword.MEDEWERKER));
		}
		else {
			lines.add(line(Keyword.VRAAG_MEDEWERKER));
		}
		lines.add(line(Keyword.VRAAG_KLAGER));
		lines.add(line(Keyword.PRODUCT));
		if (!state.managementInvolved()) {
			lines.add(line(Keyword.DIRECTIE));
		}
		lines.add(line(Keyword.VERLENG));
		lines.add(line(Keyword.GEGROND) + " (of DEELS-GEGROND, ONGEGROND)");
	}

	/** The usage, and below it, indented, what it does: two short lines fit 76 columns where one ran to 115. */
	private static String line(Keyword keyword) {
		return keyword.usage() + "\n    " + keyword.description();
	}

}
