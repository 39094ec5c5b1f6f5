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
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
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
 * except the provider's identity ({@link #OWN}: the intake address, its mail servers and
 * how far they are trusted, the committee, whose addresses give commands, the
 * {@code Authentication-Results} that count for them, and the reference prefix), which a
 * tenant never takes from the top level or from another tenant; and its own register
 * ({@link RegisterSettings#tenant}). Every capability then binds the same keys as for one
 * provider and sees no other tenant.
 */
final class Tenants {

	/** The identity of a provider: never inherited by a tenant. */
	static final List<String> OWN = List.of("complaints.committee", "complaints.mailbox.address",
			"complaints.mailbox.display-name", "complaints.mailbox.imap", "complaints.mailbox.smtp",
			"complaints.mailbox.oauth2", "complaints.mailbox.allow-insecure", "complaints.mailbox.trust-store",
			"complaints.mailbox.trust-store-password", "complaints.commands.trusted-authserv-id",
			"complaints.commands.own-received-headers", "complaints.reference.prefix", "complaints.tenants");

	private static final String TENANTS = "complaints.tenants";

	/** The folders in the register's data directory, beside the tenants' own. */
	private static final Set<String> RESERVED = Set.of("mail", "attachments");

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
						+ " at most 30 characters, not "
						+ (id == null ? "missing (a list is taken whole from one place:"
								+ " give a tenant's secrets as ${…} in the file, not as COMPLAINTS_TENANTS_N_… variables)"
								: id));
			}
			if (!seen.add(id)) {
				throw new IllegalArgumentException(key + ": the tenant " + id + " is configured twice");
			}
			if (RESERVED.contains(id)) {
				throw new IllegalArgumentException(key + ": " + id + " names a folder of the register's data");
			}
			for (String mailbox : mailboxes(entries.get(i))) {
				String other = mailboxes.putIfAbsent(mailbox, id);
				if (other != null) {
					throw new IllegalArgumentException(TENANTS + "[" + i + "].mailbox: the tenants " + other + " and "
							+ id + " both read " + mailbox + "; each tenant needs a mailbox of its own");
				}
			}
			ids.add(id);
		}
		return ids;
	}

	/**
	 * What a tenant entry reads, case folded: its intake address, and the IMAP account
	 * ({@code login at host}) it logs in to.
	 */
	private static List<String> mailboxes(Map<String, Object> entry) {
		Map<?, ?> mailbox = map(entry == null ? null : entry.get("mailbox"));
		Map<?, ?> imap = map(mailbox.get("imap"));
		String address = text(mailbox.get("address"));
		String login = text(imap.get("username"));
		List<String> read = new ArrayList<>();
		if (address != null) {
			read.add(address);
		}
		if (login != null || address != null) {
			String host = text(imap.get("host"));
			read.add((login != null ? login : address) + " at " + (host != null ? host : "the embedded server"));
		}
		return read;
	}

	private static Map<?, ?> map(Object value) {
		return (value instanceof Map<?, ?> keys) ? keys : Map.of();
	}

	private static String text(Object value) {
		return (value instanceof String text && !text.isBlank()) ? text.strip().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * The configuration as tenant {@code id} sees it, as one property source. Without
	 * {@code complaints.tenants} the environment is returned as it is: one provider's
	 * configuration is unchanged by tenants.
	 */
	static ConfigurableEnvironment environment(ConfigurableEnvironment environment, String id) {
		List<String> ids = ids(environment);
		return ids.isEmpty() ? environment : project(environment, FlatConfiguration.of(environment), ids, id);
	}

	/**
	 * Every tenant's configuration ({@link #environment}), in the configured order, the
	 * configuration read once for all of them.
	 */
	static Map<String, ConfigurableEnvironment> environments(ConfigurableEnvironment environment) {
		List<String> ids = ids(environment);
		Map<ConfigurationPropertyName, Object> all = FlatConfiguration.of(environment);
		Map<String, ConfigurableEnvironment> environments = new LinkedHashMap<>();
		ids.forEach((id) -> environments.put(id, project(environment, all, ids, id)));
		return environments;
	}

	private static ConfigurableEnvironment project(ConfigurableEnvironment environment,
			Map<ConfigurationPropertyName, Object> all, List<String> ids, String id) {
		ConfigurationPropertyName own = ConfigurationPropertyName.of(TENANTS + "[" + ids.indexOf(id) + "]");
		Map<String, Object> flat = new LinkedHashMap<>();
		Map<String, Object> tenant = new LinkedHashMap<>();
		all.forEach((name, value) -> {
			if (own.isAncestorOf(name)) {
				tenant.put("complaints." + name.subName(own.getNumberOfElements()), value);
			}
			else if (OWN.stream().noneMatch((prefix) -> under(name, prefix)) && !under(name, "spring.config")
					&& !under(name, "spring.application.json")) {
				flat.put(name.toString(), value);
			}
		});
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

}
