package nl.klachten.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.register.Retention;
import nl.klachten.register.Retention.PurgeCandidate;
import nl.klachten.register.Retention.PurgeResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code purge [--as-of YYYY-MM-DD] [--dry-run]} (CONTRACT §1, R20): purges the cases
 * whose retention ended before that day (default today) from the register and the data
 * directory. The command runs without the mail server, so the copies in the IMAP folders
 * are left pending and the running processor deletes them on its next purge. Prints
 * references and counts only, never personal data.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
		description = "Purges cases handled more than the retention term ago (R20).")
class PurgeCommand implements Callable<Integer> {

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
		Optional<LocalDate> given = this.asOf.day();
		try (ConfigurableApplicationContext context = ComplaintsCli.register(this.springArgs, this.tenant.id)) {
			LocalDate day = given
				.orElseGet(() -> context.getBean(DeadlinePolicy.class).today(context.getBean(Clock.class).instant()));
			Retention retention = context.getBean(Retention.class);
			PrintWriter out = this.spec.commandLine().getOut();
			if (this.asOf.dryRun) {
				dryRun(out, retention, day);
			}
			else {
				purge(out, retention, day);
			}
			out.flush();
		}
		return 0;
	}

	private static void dryRun(PrintWriter out, Retention retention, LocalDate day) {
		List<PurgeCandidate> due = retention.due(day);
		PurgeResult result = retention.purge(day, true);
		out.printf("Would purge as of %s: %d case(s), %d mail(s)%n", day, result.cases(), result.mails());
		for (PurgeCandidate candidate : due) {
			out.printf("  %s  handled %s, kept until %s%n", candidate.reference(), candidate.handledOn(),
					candidate.retainedUntil());
		}
	}

	private static void purge(PrintWriter out, Retention retention, LocalDate day) {
		PurgeResult result = retention.purge(day, false);
		out.printf("Purged as of %s: %d case(s), %d mail(s), %d file(s)%n", day, result.cases(), result.mails(),
				result.files());
		result.references().forEach((reference) -> out.println("  " + reference));
		int pending = retention.pendingImapDeletes().size();
		if (pending > 0) {
			out.printf("%d mail(s) to delete from the IMAP folders on the processor's next purge%n", pending);
		}
	}

}
