package nl.klachten.cli;

import java.util.List;

import nl.klachten.commands.CommandsSettings;
import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.LanguageSettings;
import nl.klachten.committee.TermsSettings;
import nl.klachten.deadlines.DigestSettings;
import nl.klachten.intake.IntakeSettings;
import nl.klachten.intake.MailLimits;
import nl.klachten.mailbox.EmbeddedSettings;
import nl.klachten.mailbox.MailboxSettings;
import nl.klachten.metrics.HealthSettings;
import nl.klachten.outbound.OutboxSettings;
import nl.klachten.register.ReferenceSettings;
import nl.klachten.register.RegisterSettings;
import nl.klachten.config.ClockConfiguration;
import nl.klachten.config.DeadlinesConfiguration;
import nl.klachten.deadlines.DigestSender;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.MailComposer;
import nl.klachten.outbound.TemplateConfiguration;
import nl.klachten.register.ReadOnlyRegister;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The small context of the commands that change nothing ({@code export}, {@code show},
 * {@code report}, {@code digest --dry-run}): the register read-only
 * ({@link ReadOnlyRegister}), the settings, and for the digest the composer and the
 * digest itself. No auto-configuration, Flyway, pool, mail server or pipeline, so a
 * command answers in well under two seconds where the whole application took ten.
 * <p>
 * Configuration is read the Spring Boot way, so the same keys and defaults hold (CONTRACT
 * §3): {@code --complaints.x=y} arguments, then the environment
 * ({@code COMPLAINTS_REGISTER_PATH}), then {@code application.yml} and its
 * {@code mailbox-config/} import, bound with Boot's {@link Binder} into the same settings
 * records, the ones {@code @ConfigurationPropertiesScan} finds ({@link #SETTINGS}; they
 * are not validated here: that is the processor's start-up check). Beans are made on
 * first use, so {@code export} never loads the mail classes.
 */
final class ReadOnlyContext {

	private ReadOnlyContext() {
	}

	static AnnotationConfigApplicationContext open(List<String> springArgs, String tenant) {
		ConfigurableEnvironment environment = environment(springArgs, tenant);
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.setEnvironment(environment);
		registerSettings(context, Binder.get(environment));
		context.register(ReadOnlyRegister.class, ClockConfiguration.class, DeadlinesConfiguration.class,
				TemplateConfiguration.class, MailComposer.class, CaseMailer.class, DigestSender.class);
		context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
		context.refresh();
		return context;
	}

	/**
	 * The configuration of the tenant a command works on ({@link TenantOption#choose}).
	 * Command-line arguments first, then the environment, then the config files, as
	 * Spring Boot orders them. Logging is set up first ({@link QuietLogging}), before
	 * anything can log.
	 */
	static ConfigurableEnvironment environment(List<String> springArgs, String tenant) {
		ConfigurableEnvironment environment = environment(springArgs);
		return Tenants.environment(environment, TenantOption.choose(Tenants.ids(environment), tenant));
	}

	/**
	 * The configuration of every tenant, before one is chosen ({@link Tenants}).
	 */
	static ConfigurableEnvironment environment(List<String> springArgs) {
		QuietLogging.apply();
		StandardEnvironment environment = new StandardEnvironment();
		if (!springArgs.isEmpty()) {
			environment.getPropertySources()
				.addFirst(new SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
		}
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, null);
		return environment;
	}

	/**
	 * The application's {@code @ConfigurationProperties} records, as
	 * {@code @ConfigurationPropertiesScan} finds them in the running processor. Named
	 * here, not scanned: scanning read every class of the jar, a fifth of a command's
	 * start (issue 15). {@code ReadOnlyContextTests} scans and fails when a record is
	 * missing.
	 */
	static final List<Class<?>> SETTINGS = List.of(CommandsSettings.class, CommitteeSettings.class,
			LanguageSettings.class, TermsSettings.class, DigestSettings.class, IntakeSettings.class, MailLimits.class,
			EmbeddedSettings.class, MailboxSettings.class, HealthSettings.class, OutboxSettings.class,
			ReferenceSettings.class, RegisterSettings.class);

	/** Every settings record, bound when first asked for. */
	private static void registerSettings(AnnotationConfigApplicationContext context, Binder binder) {
		for (Class<?> type : SETTINGS) {
			register(context, binder, type);
		}
	}

	private static <T> void register(AnnotationConfigApplicationContext context, Binder binder, Class<T> type) {
		ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
		String prefix = properties.prefix().isEmpty() ? properties.value() : properties.prefix();
		context.registerBean(type, () -> binder.bindOrCreate(prefix, type));
	}

}
