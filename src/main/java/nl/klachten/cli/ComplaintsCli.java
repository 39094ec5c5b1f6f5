package nl.klachten.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import nl.klachten.Application;
import nl.klachten.register.ReadOnlyRegister;
import nl.klachten.register.RegisterSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The command line of CONTRACT §1. Exit codes: 0 done, 1 failed (one line on stderr), 2
 * bad usage. Spring settings ({@code --complaints.x=y}, also {@code --spring.},
 * {@code --logging.}, {@code --management.}, {@code --server.}) pass through on every
 * command; any other unknown option is named ({@link UnknownArguments}). The commands
 * that only read open the register read-only without starting the application
 * ({@link ReadOnlyContext}).
 */
@Command(name = "complaints", mixinStandardHelpOptions = true, description = "Email-native complaints processor.",
		subcommands = { ComplaintsCli.Run.class, ExportCommand.class, ShowCommand.class, DigestCommand.class,
				PurgeCommand.class, ReportCommand.class, BackupCommand.class, CheckCommand.class })
public class ComplaintsCli implements Callable<Integer> {

	/** Returned by {@code run}: the processor is running and the JVM must stay up. */
	public static final int KEEP_RUNNING = -1;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/**
	 * The jar's entry point: {@code run} (the default) starts the pipeline and keeps
	 * running; the admin commands open the register, answer and exit.
	 */
	public static void main(String[] args) {
		MailProviders.pin();
		int exitCode = execute(args);
		if (exitCode != KEEP_RUNNING) {
			System.exit(exitCode);
		}
	}

	private static int execute(String[] args) {
		return execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
				new PrintWriter(System.err, true, StandardCharsets.UTF_8));
	}

	/**
	 * Runs one command line. Every failure is one line on {@code err}: a usage error (an
	 * unknown option, a malformed date) exits 2, a failure (no such case, no register)
	 * exits 1; no stack trace and no usage text.
	 */
	static int execute(String[] args, PrintWriter out, PrintWriter err) {
		if (args.length == 0 || UnknownArguments.isSpring(args[0]) || args[0].startsWith("--tenant")) {
			String[] withRun = new String[args.length + 1];
			withRun[0] = "run";
			System.arraycopy(args, 0, withRun, 1, args.length);
			args = withRun;
		}
		CommandLine cli = new CommandLine(new ComplaintsCli());
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((ex, line, parse) -> {
			line.getErr().println("complaints: " + oneLine(ex));
			return (ex instanceof TenantOption.TenantChoice) ? 2 : 1;
		});
		cli.setParameterExceptionHandler((ex, arguments) -> {
			ex.getCommandLine().getErr().println("complaints: " + usageLine(ex));
			return 2;
		});
		Optional<String> unknown = UnknownArguments.check(cli, args);
		if (unknown.isPresent()) {
			err.println("complaints: " + unknown.get());
			return 2;
		}
		return cli.execute(args);
	}

	@Override
	public Integer call() {
		return ProcessorStart.start(List.of(), null, this.spec.commandLine().getErr());
	}

	/**
	 * A usage error in one line. A value picocli could not convert (a date, a year) is
	 * named with the form it must have, rather than the converter's exception.
	 */
	static String usageLine(CommandLine.ParameterException ex) {
		if (ex.getCause() instanceof CommandLine.TypeConversionException
				&& ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option
				&& (option.type() == LocalDate.class || option.type() == Year.class)) {
			String form = (option.type() == LocalDate.class) ? "a date" : "four digits";
			return option.longestName() + " must be " + form + " (" + option.paramLabel() + "), not: " + ex.getValue();
		}
		return oneLine(ex);
	}

	static String oneLine(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.lines().findFirst().orElse(message);
	}

	/**
	 * Opens the register with the whole application but without the mail pipeline, for
	 * the admin commands that write ({@code purge}, {@code digest} without
	 * {@code --dry-run}). The register must exist: only the processor creates one. The
	 * commands that only read use {@link ReadOnlyContext}.
	 */
	static ConfigurableApplicationContext register(List<String> springArgs, String tenant) {
		ConfigurableEnvironment environment = ReadOnlyContext.environment(springArgs, tenant);
		RegisterSettings register = Binder.get(environment).bindOrCreate("complaints.register", RegisterSettings.class);
		if (!register.postgresql()) {
			ReadOnlyRegister.requireFile(register.file());
		}
		return application(environment, springArgs).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("complaints.pipeline.enabled=false", "logging.level.root=WARN")
			.run(Tenants.isTenant(environment) ? new String[0] : springArgs.toArray(String[]::new));
	}

	/**
	 * The application on a tenant's environment ({@link Tenants#environment}), or, with
	 * one provider, on its own configuration read from {@code springArgs} as Spring Boot
	 * reads it.
	 */
	static SpringApplicationBuilder application(ConfigurableEnvironment environment, List<String> springArgs) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(Application.class);
		return Tenants.isTenant(environment) ? builder.environment(environment) : builder;
	}

	static PrintWriter stdout() {
		return new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
	}

	@Command(name = "run", mixinStandardHelpOptions = true,
			description = "Starts the processor (the embedded mail server unless an IMAP host is configured).")
	static class Run implements Callable<Integer> {

		/**
		 * Only {@code run} is a web application, for the management server
		 * ({@code application.yml} says none, for the admin commands and the tests);
		 * given as an argument because that outranks the file.
		 */
		static final String SERVLET = "--spring.main.web-application-type=servlet";

		@CommandLine.Unmatched
		List<String> springArgs = new ArrayList<>();

		@CommandLine.Mixin
		TenantOption tenant = new TenantOption();

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			return ProcessorStart.start(this.springArgs, this.tenant.id, this.spec.commandLine().getErr());
		}

	}

}
