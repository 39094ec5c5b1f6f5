package nl.klachten.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import nl.klachten.deadlines.DigestSender;
import nl.klachten.register.CaseFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code digest [--as-of YYYY-MM-DD] [--dry-run]} (CONTRACT §1): the deadline digest as
 * of that day. With {@code --dry-run} its text goes to stdout, read from the register
 * opened read-only without starting the application; otherwise it is queued in the
 * outbox, which the running processor delivers.
 */
@Command(name = "digest", mixinStandardHelpOptions = true,
		description = "Builds the deadline digest as of a day and sends it, or prints it with --dry-run.")
class DigestCommand implements Callable<Integer> {

	private static final Logger log = LoggerFactory.getLogger(DigestCommand.class);

	@CommandLine.Mixin
	AsOfDay asOf;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Unmatched
	List<String> springArgs = new ArrayList<>();

	@CommandLine.Mixin
	TenantOption tenant = new TenantOption();

	@Override
	public Integer call() {
		Optional<LocalDate> day = this.asOf.day();
		try (ConfigurableApplicationContext context = this.asOf.dryRun
				? ReadOnlyContext.open(this.springArgs, this.tenant.id)
				: ComplaintsCli.register(this.springArgs, this.tenant.id)) {
			DigestSender sender = context.getBean(DigestSender.class);
			LocalDate asOfDay = day.orElseGet(sender::today);
			if (this.asOf.dryRun) {
				PrintWriter out = this.spec.commandLine().getOut();
				long start = System.nanoTime();
				out.print(sender.render(asOfDay));
				out.flush();
				long millis = (System.nanoTime() - start) / 1_000_000;
				// counts only: no case data in the log (R8)
				log.info("Digest over {} cases in {} ms", context.getBean(CaseFiles.class).count(), millis);
			}
			else {
				sender.sendNow(asOfDay);
				PrintWriter err = this.spec.commandLine().getErr();
				err.println(
						"Overzicht van " + asOfDay + " staat in de wachtrij; de draaiende verwerker verstuurt het.");
				err.flush();
			}
		}
		return 0;
	}

}
