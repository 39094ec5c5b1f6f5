package nl.klachten.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import nl.klachten.committee.TermsSettings;
import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseFileText;
import nl.klachten.register.CaseFiles;
import nl.klachten.register.CaseSummary;
import nl.klachten.register.ReferenceNumber;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code show REF}: one case file, readable (CONTRACT §1): the substance and a dated line
 * per letter; {@code --full} adds every letter in full.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = "Shows one case file: the substance and a timeline of all correspondence.")
class ShowCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "REF", description = "the reference, e.g. KK-2026-0007")
	String reference;

	@Option(names = "--full", description = "also print every letter in full")
	boolean full;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Unmatched
	List<String> springArgs = new ArrayList<>();

	@CommandLine.Mixin
	TenantOption tenant = new TenantOption();

	@Override
	public Integer call() {
		ReferenceNumber ref = ReferenceNumber.parse(this.reference)
			.orElseThrow(() -> new CommandLine.ParameterException(this.spec.commandLine(),
					"not a reference number: " + this.reference));
		try (ConfigurableApplicationContext context = ReadOnlyContext.open(this.springArgs, this.tenant.id)) {
			CaseFile file = context.getBean(CaseFiles.class)
				.find(ref)
				.orElseThrow(() -> new IllegalArgumentException("no case " + ref));
			ZoneId zone = context.getBean(TermsSettings.class).zone();
			PrintWriter out = ComplaintsCli.stdout();
			out.print(TerminalText.safe(this.full ? CaseFileText.full(file, zone) : CaseSummary.of(file, zone)));
			out.flush();
		}
		return 0;
	}

}
