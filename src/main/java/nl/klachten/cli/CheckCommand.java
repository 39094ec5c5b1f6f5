package nl.klachten.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import nl.klachten.mailbox.MailboxCheck;
import nl.klachten.mailbox.MailboxSettings;
import nl.klachten.register.RegisterCheck;
import nl.klachten.register.RegisterSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code check} (CONTRACT §1): the configuration, the IMAP and SMTP logins, the folders
 * and the register, without starting the processor. Every item is one line on stdout,
 * {@code ok ...} or the problem (what, where, how to fix); exit 0 only when every line is
 * {@code ok}. With no IMAP host the embedded server is named, not started. When the
 * configuration does not bind, the servers are not tried: their settings are not known.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Checks the configuration, the IMAP and SMTP logins, the folders and the register.")
class CheckCommand implements Callable<Integer> {

	@CommandLine.Unmatched
	List<String> springArgs = new ArrayList<>();

	@CommandLine.Mixin
	TenantOption tenant = new TenantOption();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		List<String> lines = lines(ReadOnlyContext.environment(this.springArgs, this.tenant.id));
		lines.forEach(out::println);
		out.flush();
		return lines.stream().allMatch((line) -> line.startsWith("ok ")) ? 0 : 1;
	}

	static List<String> lines(ConfigurableEnvironment environment) {
		List<String> lines = new ArrayList<>(SettingsProblem.check(environment));
		if (!lines.equals(List.of("ok configuration"))) {
			return lines;
		}
		Binder binder = Binder.get(environment);
		lines.addAll(MailboxCheck.check(binder.bindOrCreate("complaints.mailbox", MailboxSettings.class)));
		lines.add(RegisterCheck.check(binder.bindOrCreate("complaints.register", RegisterSettings.class)));
		return lines;
	}

}
