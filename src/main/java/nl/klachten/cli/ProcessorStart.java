package nl.klachten.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code run}: the processor for one provider, one tenant ({@code --tenant}), or every
 * configured tenant in one process ({@link TenantHost}).
 */
final class ProcessorStart {

	private ProcessorStart() {
	}

	/**
	 * Starts the processor, or says in one line why not. A taken embedded port is found
	 * before anything starts; any other start-up failure is caught here, and Spring
	 * Boot's own report of it (the "APPLICATION FAILED TO START" block, or the stack
	 * trace) is switched off, so the operator reads one line: a wrong configuration value
	 * as {@link SettingsProblem} words it, a mail server that refuses the login or cannot
	 * be found as the mailbox's start words it.
	 * {@code --logging.level.org.springframework.boot.SpringApplication=ERROR} brings the
	 * full report back. The management server (health and metrics) listens on
	 * {@code management.server.port}, on 127.0.0.1 only.
	 */
	static int start(List<String> springArgs, String tenant, PrintWriter err) {
		ConfigurableEnvironment all;
		List<String> ids;
		boolean host;
		ConfigurableEnvironment environment;
		Map<String, ConfigurableEnvironment> tenants;
		try {
			all = ReadOnlyContext.environment(springArgs);
			ids = Tenants.ids(all);
			host = ids.size() > 1 && tenant == null;
			tenants = host ? Tenants.environments(all) : Map.of();
			environment = host ? all : Tenants.environment(all, TenantOption.choose(ids, tenant));
		}
		catch (IllegalArgumentException ex) {
			err.println("complaints: " + ex.getMessage());
			return (ex instanceof TenantOption.TenantChoice) ? 2 : 1;
		}
		EmbeddedPorts ports = host ? EmbeddedPorts.ofTenants(tenants.values()) : EmbeddedPorts.of(environment);
		Optional<String> taken = ports.taken();
		if (taken.isPresent()) {
			err.println("complaints: " + taken.get());
			return 1;
		}
		List<String> args = new ArrayList<>();
		args.add(ComplaintsCli.Run.SERVLET);
		args.addAll(springArgs);
		try {
			if (host) {
				TenantHost.start(args, all, tenants);
			}
			else {
				if (Tenants.isTenant(environment)) {
					environment.getPropertySources()
						.addFirst(new MapPropertySource("run", Map.of("spring.main.web-application-type", "servlet")));
				}
				ComplaintsCli.application(environment, springArgs)
					.web(WebApplicationType.SERVLET)
					.properties("logging.level.org.springframework.boot.SpringApplication=OFF",
							"logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF")
					.run(Tenants.isTenant(environment) ? new String[0] : args.toArray(String[]::new));
			}
		}
		catch (TenantFailed ex) {
			RuntimeException cause = (RuntimeException) ex.getCause();
			err.println("complaints: the processor did not start: tenant " + ex.tenant() + ": "
					+ SettingsProblem.describe(cause).orElseGet(() -> ports.explain(cause)));
			return 1;
		}
		catch (RuntimeException ex) {
			err.println("complaints: " + SettingsProblem.describe(ex)
				.map((line) -> "the processor did not start: " + line)
				.orElseGet(() -> ports.explain(ex)));
			return 1;
		}
		return ComplaintsCli.KEEP_RUNNING;
	}

}
