package nl.klachten.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.klachten.register.RegisterSettings;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The providers one configuration serves (CONTRACT §7): the entries of
 * {@code complaints.tenants}, or, without any, the top-level keys as the one tenant
 * {@code default}. A tenant's environment ({@link #environment}) is the configuration as
 * that tenant sees it: its own {@code complaints.tenants[N].*} keys in place of the
 * top-level ones, every other top-level key inherited (terms, folders, limits, digest)
 * except the provider's identity ({@link #OWN}: the intake address and its mail servers,
 * and the committee, whose addresses give commands), which a tenant never takes from the
 * top level or from another tenant; and its own register
 * ({@link RegisterSettings#tenant}). Every capability then binds the same keys as for one
 * provider and sees no other tenant.
 */
final class Tenants {

	/** The identity of a provider: never inherited by a tenant. */
	static final List<String> OWN = List.of("complaints.committee", "complaints.mailbox.address",
			"complaints.mailbox.display-name", "complaints.mailbox.imap", "complaints.mailbox.smtp",
			"complaints.mailbox.oauth2", "complaints.tenants");

	private static final String TENANTS = "complaints.tenants";

	private static final Bindable<List<Map<String, Object>>> ENTRIES = Bindable.of(ResolvableType
		.forClassWithGenerics(List.class, ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class)));

	private static final String PROJECTED = "the configuration of tenant ";

	private Tenants() {
	}

	/**
	 * The tenant ids in their configured order; empty when {@code complaints.tenants} is
	 * not set. An id that is missing, malformed or given twice is refused in one line.
	 */
	static List<String> ids(ConfigurableEnvironment environment) {
		List<Map<String, Object>> entries = Binder.get(environment).bind(TENANTS, ENTRIES).orElse(List.of());
		List<String> ids = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Map<String, String> mailboxes = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			Object given = entries.get(i) == null ? null : entries.get(i).get("id");
			String id = given instanceof String text ? text : null;
			String key = TENANTS + "[" + i + "].id";
			if (id == null || !RegisterSettings.TENANT.matcher(id).matches()) {
				throw new IllegalArgumentException(key + " must be lower case letters, digits and _, a letter first,"
						+ " at most 30 characters, not " + (id == null ? "missing" : id));
			}
			if (!seen.add(id)) {
				throw new IllegalArgumentException(key + ": the tenant " + id + " is configured twice");
			}
			String address = address(entries.get(i));
			String other = address == null ? null : mailboxes.putIfAbsent(address, id);
			if (other != null) {
				throw new IllegalArgumentException(TENANTS + "[" + i + "].mailbox.address: the tenants " + other
						+ " and " + id + " both read " + address + "; each tenant needs a mailbox of its own");
			}
			ids.add(id);
		}
		return ids;
	}

	/** A tenant entry's intake address, case folded; null when it gives none. */
	private static String address(Map<String, Object> entry) {
		Object mailbox = entry == null ? null : entry.get("mailbox");
		Object address = (mailbox instanceof Map<?, ?> keys) ? keys.get("address") : null;
		return (address instanceof String text && !text.isBlank()) ? text.strip().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * The tenant a command works on: {@code chosen} (from {@code --tenant}), else the
	 * only one. Without {@code complaints.tenants} that is {@code default}.
	 * @throws TenantChoice when {@code chosen} is none of them, or when there are several
	 * and none is chosen: the message names the choices
	 */
	static String choose(List<String> ids, String chosen) {
		List<String> choices = ids.isEmpty() ? List.of(RegisterSettings.DEFAULT_TENANT) : ids;
		if (chosen == null) {
			if (choices.size() > 1) {
				throw new TenantChoice("there are " + choices.size() + " tenants: name one with --tenant ("
						+ String.join(", ", choices) + ")");
			}
			return choices.get(0);
		}
		if (!choices.contains(chosen)) {
			throw new TenantChoice("no tenant " + chosen + " (the tenants: " + String.join(", ", choices) + ")");
		}
		return chosen;
	}

	/**
	 * The configuration as tenant {@code id} sees it, as one property source. Without
	 * {@code complaints.tenants} the environment is returned as it is: one provider's
	 * configuration is unchanged by tenants.
	 */
	static ConfigurableEnvironment environment(ConfigurableEnvironment environment, String id) {
		List<String> ids = ids(environment);
		if (ids.isEmpty()) {
			return environment;
		}
		ConfigurationPropertyName own = ConfigurationPropertyName.of(TENANTS + "[" + ids.indexOf(id) + "]");
		Map<String, Object> flat = new LinkedHashMap<>();
		Map<String, Object> tenant = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().forEach((name) -> {
					String key = name.toString();
					ConfigurationProperty property = iterable.getConfigurationProperty(name);
					Object value = property == null ? null : property.getValue();
					if (value == null) {
						return;
					}
					if (own.isAncestorOf(name)) {
						tenant.putIfAbsent("complaints." + name.subName(own.getNumberOfElements()), value);
					}
					else if (OWN.stream().noneMatch((prefix) -> under(name, prefix)) && !under(name, "spring.config")) {
						flat.putIfAbsent(key, value);
					}
				});
			}
		}
		tenant.remove("complaints.id");
		flat.putAll(tenant);
		RegisterSettings register = Binder.get(environment)
			.bindOrCreate("complaints.register", RegisterSettings.class)
			.tenant(id);
		flat.put("complaints.register.path", register.path());
		flat.remove("complaints.register.url");
		if (register.url() != null) {
			flat.put("complaints.register.url", register.url());
		}
		flat.put("complaints.register.tenant", id);
		// the configuration files are read already: a Spring application started on this
		// environment must not read them again, or the top-level identity would come back
		flat.put("spring.config.location", "optional:classpath:/tenants-read-no-files/");
		StandardEnvironment projected = new StandardEnvironment();
		projected.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		projected.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		projected.getPropertySources().addFirst(new MapPropertySource(PROJECTED + id, flat));
		return projected;
	}

	/** The environment is one tenant's of several, made by {@link #environment}. */
	static boolean isTenant(ConfigurableEnvironment environment) {
		return environment.getPropertySources().stream().anyMatch((source) -> source.getName().startsWith(PROJECTED));
	}

	private static boolean under(ConfigurationPropertyName name, String prefix) {
		ConfigurationPropertyName ancestor = ConfigurationPropertyName.of(prefix);
		return ancestor.equals(name) || ancestor.isAncestorOf(name);
	}

	/** A {@code --tenant} that names no tenant, or none where several are configured. */
	static final class TenantChoice extends IllegalArgumentException {

		TenantChoice(String message) {
			super(message);
		}

	}

}
