package nl.klachten.cli;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every key of a configuration with the value Spring Boot would bind ({@link Tenants}):
 * the highest source that has a key wins; a list is taken whole from the highest source
 * that has any element of it, never merged by index with a lower one (Boot's binding
 * rule, so that a shorter list given over a longer one leaves no element behind); a key
 * given with and without dashes, or as an environment variable, is one key; placeholders
 * are resolved against the whole configuration, environment variables included.
 */
final class FlatConfiguration {

	private FlatConfiguration() {
	}

	static Map<ConfigurationPropertyName, Object> of(ConfigurableEnvironment environment) {
		Map<ConfigurationPropertyName, Object> flat = new LinkedHashMap<>();
		Set<ConfigurationPropertyName> claimedLists = new HashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			Set<ConfigurationPropertyName> lists = new HashSet<>();
			iterable.stream().forEach((name) -> {
				Set<ConfigurationPropertyName> roots = listsOf(name);
				if (roots.stream().anyMatch(claimedLists::contains) || flat.containsKey(name)) {
					return;
				}
				ConfigurationProperty property = iterable.getConfigurationProperty(name);
				Object value = (property == null) ? null : property.getValue();
				if (value != null) {
					lists.addAll(roots);
					flat.put(name, (value instanceof String text) ? environment.resolvePlaceholders(text) : value);
				}
			});
			claimedLists.addAll(lists);
		}
		return flat;
	}

	/**
	 * The lists a key is an element of: {@code a.b[0].c[1]} is in {@code a.b} and
	 * {@code a.b[0].c}.
	 */
	private static Set<ConfigurationPropertyName> listsOf(ConfigurationPropertyName name) {
		Set<ConfigurationPropertyName> roots = new HashSet<>();
		for (int i = 1; i < name.getNumberOfElements(); i++) {
			if (name.isNumericIndex(i)) {
				roots.add(name.chop(i));
			}
		}
		return roots;
	}

}
