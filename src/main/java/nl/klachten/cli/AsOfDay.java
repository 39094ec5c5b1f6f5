package nl.klachten.cli;

import java.time.LocalDate;
import java.util.Optional;

import picocli.CommandLine.Option;

/**
 * The {@code --as-of YYYY-MM-DD} and {@code --dry-run} options that {@code digest} and
 * {@code purge} share. Picocli converts the date; a malformed one is a usage error (exit
 * 2).
 */
class AsOfDay {

	@Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "the day (default: today)")
	LocalDate asOf;

	@Option(names = "--dry-run", description = "show what would happen; send and change nothing")
	boolean dryRun;

	/** The day given, or empty for today. */
	Optional<LocalDate> day() {
		return Optional.ofNullable(this.asOf);
	}

}
