package nl.klachten.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import nl.klachten.register.RegisterBackup;
import nl.klachten.register.RegisterSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * {@code backup FILE [--force]} (CONTRACT §1): a consistent copy of the register by
 * SQLite's online backup, safe while the processor runs ({@link RegisterBackup}); FILE is
 * created 0600 and an existing FILE is replaced only with {@code --force}. Starts nothing
 * but one SQLite connection.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
		description = "Copies the register consistently to FILE (0600), also while the processor runs.")
class BackupCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "the copy to write; must not exist unless --force")
	Path file;

	@Option(names = "--force", description = "replace FILE when it exists")
	boolean force;

	@CommandLine.Unmatched
	List<String> springArgs = new ArrayList<>();

	@CommandLine.Mixin
	TenantOption tenant = new TenantOption();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		RegisterSettings settings = Binder.get(ReadOnlyContext.environment(this.springArgs, this.tenant.id))
			.bindOrCreate("complaints.register", RegisterSettings.class);
		if (settings.postgresql()) {
			throw new IllegalStateException("the register is the PostgreSQL database " + settings.shownUrl()
					+ ": back it up with pg_dump (backup copies a SQLite register)");
		}
		Path register = settings.file();
		RegisterBackup.copy(register, this.file, this.force);
		this.spec.commandLine().getOut().println("backup of " + register + " written to " + this.file.toAbsolutePath());
		return 0;
	}

}
