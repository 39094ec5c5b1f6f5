package nl.klachten.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --as-of YYYY-MM-DD} and {@code --dry-run} options that {@code digest} and {@code purge} share. */
class AsOfDay {

	@Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "the day (default: today)")
	String asOf;

	@Option(names = "--dry-run", description = "show what would happen; send and change nothing")
	boolean dryRun;

	@CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
	CommandLine.Model.CommandSpec spec;

	/** The day given, or empty for today; a malformed date is a usage error (exit 2). */
	Optional<LocalDate> day() {
		if (this.asOf == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(this.asOf));
		}
		catch (DateTimeParseException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--as-of must be a date (YYYY-MM-DD), not: " + this.asOf);
		}
	}

}
