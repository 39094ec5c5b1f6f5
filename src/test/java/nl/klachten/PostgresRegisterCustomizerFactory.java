package nl.klachten;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs the application's register on PostgreSQL instead of SQLite when the tests are
 * given {@code -Dcomplaints.test.postgresql=jdbc:postgresql://127.0.0.1:5432/DB}
 * ({@code scripts/postgres env}; the {@code postgresql} execution of the failsafe plugin,
 * issue 16). Every test context gets a schema of its own in that database, which Flyway
 * creates, so a context starts on an empty register as it does on a new SQLite file.
 * Without the property nothing changes.
 */
public class PostgresRegisterCustomizerFactory implements ContextCustomizerFactory {

	/** The test property naming the database. */
	public static final String PROPERTY = "complaints.test.postgresql";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		String url = System.getProperty(PROPERTY);
		return url == null || url.isBlank() ? null : new Customizer(url);
	}

	/** A PostgreSQL register for one context, in a schema named for it alone. */
	public static Map<String, Object> register(String database) {
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
		return Map.of("complaints.register.url", database + "?currentSchema=" + schema, "complaints.register.username",
				"complaints", "complaints.register.password", "complaints");
	}

	private record Customizer(String database) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("postgresql-register", register(this.database)));
		}

	}

}
