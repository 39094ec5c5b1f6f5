package nl.klachten.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import nl.klachten.Application;
import nl.klachten.mailbox.EmbeddedMailServer;
import nl.klachten.mailbox.EmbeddedSettings;
import nl.klachten.mailbox.MailboxSettings;
import nl.klachten.register.LeadShare;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One process serving several tenants (CONTRACT §7): a host context with what the process
 * has once (the management server with health and metrics, the embedded mail server when
 * a tenant has no mail server of its own), and under it the whole application once per
 * tenant, each on its tenant's environment ({@link Tenants}) and register. A tenant's
 * context sees the host's beans, never another tenant's.
 * <ul>
 * <li>Health: the components {@code imap}, {@code smtp}, {@code register} and
 * {@code digest} each hold one entry per tenant.</li>
 * <li>Metrics: every meter a tenant's context registers carries the label {@code tenant};
 * the process's own (JVM, system) are the host's alone.</li>
 * <li>Each tenant leads its own register: on PostgreSQL one lock per tenant, spread over
 * the processes that share the register ({@link LeadShare}).</li>
 * </ul>
 */
final class TenantHost {

	private static final Logger log = LoggerFactory.getLogger(TenantHost.class);

	/** The health components each tenant's context has, by their bean names. */
	private static final List<String> COMPONENTS = List.of("imap", "smtp", "register", "digest");

	/**
	 * What a tenant's context must not bind a second time: the host has it. The host's
	 * registry binds the process's meters (JVM, system) and applies the filters; a
	 * tenant's registry only labels and forwards.
	 */
	private static final String NOT_IN_TENANTS = String.join(",",
			"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
			"org.springframework.boot.tomcat.autoconfigure.metrics.TomcatMetricsAutoConfiguration");

	private TenantHost() {
	}

	/**
	 * Starts the host and every tenant, in their configured order. A tenant that cannot
	 * start stops the whole process, its problem named with the tenant.
	 */
	static ConfigurableApplicationContext start(List<String> args, ConfigurableEnvironment all,
			Map<String, ConfigurableEnvironment> environments) {
		EmbeddedSettings embedded = Binder.get(all).bindOrCreate("complaints.embedded", EmbeddedSettings.class);
		List<String> ids = List.copyOf(environments.keySet());
		boolean needsEmbedded = environments.values().stream().anyMatch((e) -> mailbox(e).embedded());
		EmbeddedMailServer server = needsEmbedded ? new EmbeddedMailServer(embedded) : null;
		ConfigurableApplicationContext host;
		try {
			host = new SpringApplicationBuilder(Host.class).web(WebApplicationType.SERVLET).initializers((context) -> {
				GenericApplicationContext beans = (GenericApplicationContext) context;
				if (server != null) {
					beans.registerBean(EmbeddedMailServer.class, () -> server);
				}
				beans.registerBean(LeadShare.class, () -> new LeadShare(ids.size()));
			})
				.properties("logging.level.org.springframework.boot.SpringApplication=OFF",
						"logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF")
				.run(args.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			if (server != null) {
				server.close();
			}
			throw ex;
		}
		Map<String, ConfigurableApplicationContext> tenants = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, ConfigurableEnvironment> entry : environments.entrySet()) {
				tenants.put(entry.getKey(), tenant(host, entry.getKey(), entry.getValue(), embedded, server));
			}
		}
		catch (RuntimeException ex) {
			host.close();
			throw ex;
		}
		HealthContributorRegistry health = host.getBean(HealthContributorRegistry.class);
		for (String component : COMPONENTS) {
			health.registerContributor(component, CompositeHealthContributor.fromMap(tenants,
					(context) -> context.getBean(component + "HealthIndicator", HealthContributor.class)));
		}
		log.info("Serving {} tenants: {}", ids.size(), String.join(", ", ids));
		return host;
	}

	private static ConfigurableApplicationContext tenant(ConfigurableApplicationContext host, String id,
			ConfigurableEnvironment environment, EmbeddedSettings embedded, EmbeddedMailServer server) {
		Map<String, Object> own = new LinkedHashMap<>();
		own.put("spring.main.web-application-type", "none");
		own.put("spring.autoconfigure.exclude", NOT_IN_TENANTS);
		// a tenant that does not start is told in one line (ProcessorStart), not in
		// Boot's report
		own.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
		own.put("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF");
		// the tenant's threads, and so its log lines, carry its id
		own.put("spring.task.scheduling.thread-name-prefix", id + "-scheduling-");
		own.put("spring.task.execution.thread-name-prefix", id + "-task-");
		MailboxSettings mailbox = mailbox(environment);
		if (mailbox.embedded() && server != null) {
			own.put("complaints.mailbox.imap.host", "127.0.0.1");
			own.put("complaints.mailbox.imap.port", server.imapPort());
			own.put("complaints.mailbox.imap.username", mailbox.address());
			own.put("complaints.mailbox.imap.password", embedded.passwordOf(mailbox.address()));
			own.put("complaints.mailbox.imap.security", "none");
			own.put("complaints.mailbox.smtp.host", "127.0.0.1");
			own.put("complaints.mailbox.smtp.port", server.smtpPort());
			own.put("complaints.mailbox.smtp.security", "none");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("tenant " + id + " in the host", own));
		MeterRegistry meters = host.getBean(MeterRegistry.class);
		try {
			return new SpringApplicationBuilder(Application.class).parent(host)
				.web(WebApplicationType.NONE)
				.environment(environment)
				.logStartupInfo(false)
				.initializers((context) -> ((GenericApplicationContext) context).registerBean("tenantMeters",
						MeterRegistry.class, () -> tagged(meters, id), (definition) -> {
							definition.setPrimary(true);
							// closing it would close the host's registry with it
							definition.setDestroyMethodName("");
						}))
				.run();
		}
		catch (RuntimeException ex) {
			throw new TenantFailed(id, ex);
		}
	}

	/** The host's meters, each with the label {@code tenant}. */
	private static MeterRegistry tagged(MeterRegistry host, String id) {
		CompositeMeterRegistry tenant = new CompositeMeterRegistry();
		tenant.config().commonTags("tenant", id);
		tenant.add(host);
		return tenant;
	}

	static MailboxSettings mailbox(ConfigurableEnvironment environment) {
		return Binder.get(environment).bindOrCreate("complaints.mailbox", MailboxSettings.class);
	}

	/**
	 * The host: management server, metrics and health, and none of the application's
	 * beans or its register, mail and integration infrastructure. Not a
	 * {@code @Configuration}, so that the tenants' component scan, which covers this
	 * package, does not find it and take its exclusions.
	 */
	@EnableAutoConfiguration(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration",
			"org.springframework.boot.integration.autoconfigure.metrics.IntegrationMetricsAutoConfiguration",
			"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
			"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration" })
	static class Host {

	}

}
