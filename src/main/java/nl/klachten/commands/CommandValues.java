package nl.klachten.commands;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klachten.commands.ChairCommand.AddProduct;
import nl.klachten.commands.ChairCommand.AppealDismissed;
import nl.klachten.commands.ChairCommand.AppealExtend;
import nl.klachten.commands.ChairCommand.AppealUpheld;
import nl.klachten.commands.ChairCommand.AskComplainant;
import nl.klachten.commands.ChairCommand.AskEmployee;
import nl.klachten.commands.ChairCommand.Decide;
import nl.klachten.commands.ChairCommand.Digest;
import nl.klachten.commands.ChairCommand.Extend;
import nl.klachten.commands.ChairCommand.Help;
import nl.klachten.commands.ChairCommand.InvolveManagement;
import nl.klachten.commands.ChairCommand.NoMeasure;
import nl.klachten.commands.ChairCommand.Note;
import nl.klachten.commands.ChairCommand.SetLanguage;
import nl.klachten.commands.ChairCommand.RecordMeasure;
import nl.klachten.commands.ChairCommand.Reopen;
import nl.klachten.commands.ChairCommand.SetAddress;
import nl.klachten.commands.ChairCommand.SetAroseOn;
import nl.klachten.commands.ChairCommand.SetCity;
import nl.klachten.commands.ChairCommand.Status;
import nl.klachten.committee.Language;

/**
 * Turns one keyword, the value on its line and the mail's text into a
 * {@link ChairCommand}, or into the Dutch reason it cannot be one. Which keywords take a
 * value and which need the text is CONTRACT §5.
 */
final class CommandValues {

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern WEEKS = Pattern.compile("(\\d{1,3})\\s*(weken|weeks|week)", Pattern.CASE_INSENSITIVE);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;.]+");

	private static final int MAX_WEEKS = 52;

	private CommandValues() {
	}

	/** Either a command or a reason; exactly one is set. */
	record Built(ChairCommand command, String reason) {

		static Built of(ChairCommand command) {
			return new Built(command, null);
		}

		static Built refused(String reason) {
			return new Built(null, reason);
		}

	}

	static Built build(Keyword keyword, String value, String text) {
		return switch (keyword) {
			case MEDEWERKER -> employee(value);
			case PRODUCT -> value.isEmpty() ? missing(keyword, "een omschrijving") : Built.of(new AddProduct(value));
			case ADRES -> value.isEmpty() ? missing(keyword, "een adres") : Built.of(new SetAddress(value));
			case WOONPLAATS -> value.isEmpty() ? missing(keyword, "een woonplaats") : Built.of(new SetCity(value));
			case DATUM_ONTSTAAN -> aroseOn(value);
			case VRAAG_MEDEWERKER -> bare(keyword, value, question(keyword, text, new AskEmployee()));
			case VRAAG_KLAGER -> bare(keyword, value, question(keyword, text, new AskComplainant()));
			case DIRECTIE -> bare(keyword, value, Built.of(new InvolveManagement()));
			case VERLENG, BEROEP_VERLENG -> extension(keyword, value);
			case GEGROND, DEELS_GEGROND, ONGEGROND, BEROEP_GEGROND, BEROEP_ONGEGROND ->
				bare(keyword, value, argued(text, decision(keyword)));
			case MAATREGEL -> valueOrText(keyword, value, text, "de maatregel", RecordMeasure::new);
			case GEEN_MAATREGEL -> bare(keyword, value, Built.of(new NoMeasure()));
			case NOTITIE -> valueOrText(keyword, value, text, "de notitie", Note::new);
			case TAAL -> Language.parse(value)
				.map((language) -> Built.of(new SetLanguage(language)))
				.orElseGet(() -> Built.refused("TAAL heeft nl of en nodig, bijvoorbeeld: TAAL en."));
			case HEROPEN -> bare(keyword, value, Built.of(new Reopen()));
			case STATUS -> bare(keyword, value, Built.of(new Status()));
			case OVERZICHT -> bare(keyword, value, Built.of(new Digest()));
			case HELP -> bare(keyword, value, Built.of(new Help()));
		};
	}

	/**
	 * The decision on the complaint or on the appeal that a decision keyword stands for.
	 */
	private static ChairCommand decision(Keyword keyword) {
		return switch (keyword) {
			case GEGROND -> new Decide(Assessment.GEGROND);
			case DEELS_GEGROND -> new Decide(Assessment.DEELS_GEGROND);
			case ONGEGROND -> new Decide(Assessment.ONGEGROND);
			case BEROEP_GEGROND -> new AppealUpheld();
			case BEROEP_ONGEGROND -> new AppealDismissed();
			default -> throw new IllegalArgumentException("not a decision: " + keyword);
		};
	}

	private static Built missing(Keyword keyword, String what) {
		return Built.refused(keyword.dutch() + " heeft " + what + " nodig, bijvoorbeeld: " + keyword.usage() + ".");
	}

	private static Built bare(Keyword keyword, String value, Built built) {
		if (!value.isEmpty()) {
			return Built
				.refused(keyword.dutch() + " neemt geen waarde op dezelfde regel; zet tekst onder de commando's.");
		}
		return built;
	}

	private static Built question(Keyword keyword, String text, ChairCommand command) {
		return text.isEmpty()
				? Built.refused(keyword.dutch() + " heeft een vraag nodig: zet die als tekst onder de commando's.")
				: Built.of(command);
	}

	private static Built argued(String text, ChairCommand command) {
		return text.isEmpty() ? Built.refused("Een beslissing zonder argumenten wordt niet verstuurd.")
				: Built.of(command);
	}

	private static Built valueOrText(Keyword keyword, String value, String text, String what,
			Function<String, ChairCommand> command) {
		String chosen = value.isEmpty() ? text : value;
		return chosen.isEmpty()
				? Built.refused(keyword.dutch() + " zonder tekst: zet " + what + " achter het commando of eronder.")
				: Built.of(command.apply(chosen));
	}

	private static Built employee(String value) {
		int open = value.lastIndexOf('<');
		String name = value;
		String email = null;
		if (isNameAndEmail(value, open)) {
			name = value.substring(0, open).strip();
			email = value.substring(open + 1, value.length() - 1).strip();
			if (!EMAIL.matcher(email).matches()) {
				return Built.refused("MEDEWERKER: '" + email + "' is geen geldig e-mailadres.");
			}
		}
		if (name.contains("<") || name.contains(">") || name.contains("@")) {
			return Built.refused("MEDEWERKER: schrijf eerst de naam en dan het adres tussen < >, bijvoorbeeld: "
					+ Keyword.MEDEWERKER.usage() + ".");
		}
		return name.isEmpty() ? missing(Keyword.MEDEWERKER, "een naam")
				: Built.of(new ChairCommand.SetEmployee(name, email));
	}

	/**
	 * Whether the value is {@code name <address>}: it ends in {@code >}, and the last
	 * {@code <} opens the address, which holds no {@code >}. Plain string code: the
	 * pattern {@code (.*?)\s*<([^<>]*)>} it replaces was quadratic in a run of spaces.
	 * The value is one line of the command block, so it holds no line break.
	 */
	private static boolean isNameAndEmail(String value, int open) {
		return open >= 0 && value.endsWith(">") && value.indexOf('>', open) == value.length() - 1;
	}

	private static Built aroseOn(String value) {
		LocalDate date = date(value);
		return (date != null) ? Built.of(new SetAroseOn(date))
				: Built.refused("DATUM-ONTSTAAN heeft een geldige datum JJJJ-MM-DD nodig, bijvoorbeeld: 2026-03-01.");
	}

	private static Built extension(Keyword keyword, String value) {
		Term term = term(value);
		if (term == null) {
			return Built.refused(keyword.dutch() + " heeft een geldige datum JJJJ-MM-DD of 'n weken' (1 tot en met "
					+ MAX_WEEKS + ") nodig.");
		}
		return Built.of((keyword == Keyword.VERLENG) ? new Extend(term) : new AppealExtend(term));
	}

	private static Term term(String value) {
		Matcher weeks = WEEKS.matcher(value);
		if (weeks.matches()) {
			int n = Integer.parseInt(weeks.group(1));
			return (n >= 1 && n <= MAX_WEEKS) ? Term.weeks(n) : null;
		}
		LocalDate date = date(value);
		return (date != null) ? Term.until(date) : null;
	}

	private static LocalDate date(String value) {
		if (!DATE.matcher(value).matches()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
