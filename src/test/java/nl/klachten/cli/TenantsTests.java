package nl.klachten.cli;

import java.util.List;
import java.util.Map;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.register.RegisterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tenants of CONTRACT §7 and what each one sees of the configuration (issue 16): its
 * own keys in place of the top-level ones, the rest inherited, never another provider's
 * identity (mail servers, committee), and a register of its own.
 */
class TenantsTests {

	@Test
	void shouldLeaveTheConfigurationOfOneProviderAsItIs() {
		ConfigurableEnvironment environment = environment(Map.of("complaints.mailbox.address", "chair@a.example"));

		assertThat(Tenants.ids(environment)).isEmpty();
		assertThat(TenantOption.choose(List.of(), null)).isEqualTo("default");
		assertThat(Tenants.environment(environment, "default")).isSameAs(environment);
		assertThat(Tenants.isTenant(environment)).isFalse();
	}

	@Test
	void shouldNameTheChoicesWhenSeveralTenantsAndNoneIsChosen() {
		assertThatThrownBy(() -> TenantOption.choose(List.of("alpha", "beta"), null))
			.isInstanceOf(TenantOption.TenantChoice.class)
			.hasMessage("there are 2 tenants: name one with --tenant (alpha, beta)");
		assertThatThrownBy(() -> TenantOption.choose(List.of("alpha", "beta"), "gamma"))
			.isInstanceOf(TenantOption.TenantChoice.class)
			.hasMessage("no tenant gamma (the tenants: alpha, beta)");
		assertThatThrownBy(() -> TenantOption.choose(List.of(), "alpha"))
			.hasMessage("no tenant alpha (the tenants: default)");
		assertThat(TenantOption.choose(List.of("alpha"), null)).isEqualTo("alpha");
		assertThat(TenantOption.choose(List.of("alpha", "beta"), "beta")).isEqualTo("beta");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "Alpha|must be lower case letters", "1st|must be lower case letters",
					"a-b|must be lower case letters", "../x|must be lower case letters",
					"abcdefghijabcdefghijabcdefghijk|must be lower case letters" })
	void shouldRefuseATenantIdThatCannotNameASchemaOrDirectory(String id, String message) {
		ConfigurableEnvironment environment = environment(Map.of("complaints.tenants[0].id", id));

		assertThatThrownBy(() -> Tenants.ids(environment))
			.hasMessageStartingWith("complaints.tenants[0].id " + message);
	}

	@Test
	void shouldRefuseATenantConfiguredTwiceOrWithoutId() {
		assertThatThrownBy(() -> Tenants
			.ids(environment(Map.of("complaints.tenants[0].id", "alpha", "complaints.tenants[1].id", "alpha"))))
			.hasMessage("complaints.tenants[1].id: the tenant alpha is configured twice");
		assertThatThrownBy(() -> Tenants.ids(environment(Map.of("complaints.tenants[0].reference.prefix", "AL"))))
			.hasMessageStartingWith("complaints.tenants[0].id must be");
	}

	/** Two tenants reading one mailbox would take each other's mail. */
	@Test
	void shouldRefuseTwoTenantsOnOneMailbox() {
		assertThatThrownBy(() -> Tenants.ids(environment(Map.of("complaints.tenants[0].id", "alpha",
				"complaints.tenants[0].mailbox.address", "Chair@Shared.example", "complaints.tenants[1].id", "beta",
				"complaints.tenants[1].mailbox.address", "chair@shared.example"))))
			.hasMessage("complaints.tenants[1].mailbox: the tenants alpha and beta both read"
					+ " chair@shared.example; each tenant needs a mailbox of its own");
		// two addresses (plus-addressing, an alias) on one IMAP account
		assertThatThrownBy(() -> Tenants
			.ids(environment(Map.of("complaints.tenants[0].id", "alpha", "complaints.tenants[0].mailbox.address",
					"chair+a@shared.example", "complaints.tenants[0].mailbox.imap.host", "imap.shared.example",
					"complaints.tenants[0].mailbox.imap.username", "chair", "complaints.tenants[1].id", "beta",
					"complaints.tenants[1].mailbox.address", "chair+b@shared.example",
					"complaints.tenants[1].mailbox.imap.host", "IMAP.shared.example",
					"complaints.tenants[1].mailbox.imap.username", "Chair"))))
			.hasMessage("complaints.tenants[1].mailbox: the tenants alpha and beta both read"
					+ " chair at imap.shared.example; each tenant needs a mailbox of its own");
	}

	@Test
	void shouldRefuseATenantNamedAfterAFolderOfTheData() {
		assertThatThrownBy(() -> Tenants.ids(environment(Map.of("complaints.tenants[0].id", "mail"))))
			.hasMessage("complaints.tenants[0].id: mail names a folder of the register's data");
	}

	/**
	 * Trust is the provider's own: the top level's authserv-id, insecure-mail permission
	 * and trust store do not reach a tenant.
	 */
	@Test
	void shouldNotLetATenantInheritTheTopLevelTrust() {
		ConfigurableEnvironment beta = Tenants.environment(
				environment(Map.of("complaints.tenants[0].id", "beta", "complaints.commands.trusted-authserv-id",
						"mx.klikklaar.com", "complaints.mailbox.allow-insecure", "true",
						"complaints.mailbox.trust-store", "/etc/k.p12", "complaints.commands.trust-expiry", "P30D")),
				"beta");

		assertThat(beta.getProperty("complaints.commands.trusted-authserv-id")).isNull();
		assertThat(beta.getProperty("complaints.mailbox.allow-insecure")).isNull();
		assertThat(beta.getProperty("complaints.mailbox.trust-store")).isNull();
		assertThat(beta.getProperty("complaints.commands.trust-expiry")).isEqualTo("P30D");
	}

	/**
	 * A list is taken whole from the highest place that gives it, as Spring binds it: a
	 * shorter list over a longer one leaves nothing of the longer behind, and a tenant
	 * list given on the command line is not merged by position with the file's.
	 */
	@Test
	void shouldTakeAListWholeFromOnePlace() {
		StandardEnvironment all = new StandardEnvironment();
		all.getPropertySources()
			.addFirst(new MapPropertySource("file", Map.of("complaints.register.path", "data/register.db",
					"complaints.tenants[0].id", "alpha", "complaints.tenants[0].mailbox.imap.password", "alpha-pw",
					"complaints.tenants[0].committee.members[0].email", "a@alpha.example",
					"complaints.tenants[0].committee.members[1].email", "b@alpha.example", "complaints.tenants[1].id",
					"beta", "complaints.tenants[1].mailbox.imap.password", "beta-pw")));
		all.getPropertySources()
			.addFirst(new MapPropertySource("command line", Map.of("complaints.tenants[0].id", "beta",
					"complaints.tenants[0].committee.members[0].email", "c@beta.example")));

		assertThat(Tenants.ids(all)).containsExactly("beta");
		ConfigurableEnvironment beta = Tenants.environment(all, "beta");
		assertThat(beta.getProperty("complaints.mailbox.imap.password")).as("not alpha's, by position").isNull();
		assertThat(beta.getProperty("complaints.committee.members[0].email")).isEqualTo("c@beta.example");
		assertThat(beta.getProperty("complaints.committee.members[1].email")).isNull();
	}

	/** Secrets come in as placeholders, resolved from the environment. */
	@Test
	void shouldResolveATenantsPlaceholders() {
		ConfigurableEnvironment all = environment(Map.of("complaints.tenants[0].id", "alpha",
				"complaints.tenants[0].mailbox.imap.password", "${ALPHA_PW}", "ALPHA_PW", "s3cret"));

		assertThat(Tenants.environment(all, "alpha").getProperty("complaints.mailbox.imap.password"))
			.isEqualTo("s3cret");
	}

	/**
	 * A tenant that gives no committee or mail server of its own gets none: it never
	 * inherits the top-level provider's, whose addresses would then command its cases.
	 */
	@Test
	void shouldGiveATenantItsOwnKeysAndNeverTheTopLevelIdentity() {
		ConfigurableEnvironment all = environment(
				Map.ofEntries(Map.entry("complaints.mailbox.address", "top@k.example"),
						Map.entry("complaints.mailbox.display-name", "Top"),
						Map.entry("complaints.mailbox.imap.password", "top-secret"),
						Map.entry("complaints.mailbox.processed-folder", "Klachten/Verwerkt"),
						Map.entry("complaints.committee.provider", "Top"),
						Map.entry("complaints.committee.members[0].name", "Top member"),
						Map.entry("complaints.committee.members[0].email", "member@k.example"),
						Map.entry("complaints.terms.handling", "P28D"), Map.entry("complaints.reference.prefix", "KK"),
						Map.entry("complaints.tenants[0].id", "alpha"),
						Map.entry("complaints.tenants[0].mailbox.address", "chair@alpha.example"),
						Map.entry("complaints.tenants[0].committee.provider", "Alpha"),
						Map.entry("complaints.tenants[0].reference.prefix", "AL"),
						Map.entry("complaints.tenants[1].id", "beta"),
						Map.entry("complaints.tenants[1].terms.handling", "P42D"),
						Map.entry("complaints.tenants[1].mailbox.imap.host", "imap.beta.example")));

		ConfigurableEnvironment alpha = Tenants.environment(all, "alpha");
		ConfigurableEnvironment beta = Tenants.environment(all, "beta");

		assertThat(Tenants.isTenant(alpha)).isTrue();
		assertThat(alpha.getProperty("complaints.mailbox.address")).isEqualTo("chair@alpha.example");
		assertThat(alpha.getProperty("complaints.mailbox.display-name")).isNull();
		assertThat(alpha.getProperty("complaints.mailbox.imap.password")).isNull();
		assertThat(alpha.getProperty("complaints.mailbox.processed-folder")).isEqualTo("Klachten/Verwerkt");
		assertThat(alpha.getProperty("complaints.committee.provider")).isEqualTo("Alpha");
		assertThat(Binder.get(alpha).bindOrCreate("complaints.committee", CommitteeSettings.class).members())
			.isNullOrEmpty();
		assertThat(alpha.getProperty("complaints.reference.prefix")).isEqualTo("AL");
		assertThat(alpha.getProperty("complaints.terms.handling")).isEqualTo("P28D");
		assertThat(alpha.getProperty("complaints.tenants[1].id")).isNull();
		assertThat(alpha.getProperty("complaints.register.tenant")).isEqualTo("alpha");

		assertThat(beta.getProperty("complaints.mailbox.address")).isNull();
		assertThat(beta.getProperty("complaints.committee.provider")).isNull();
		assertThat(beta.getProperty("complaints.terms.handling")).isEqualTo("P42D");
		assertThat(beta.getProperty("complaints.reference.prefix")).as("a prefix is the provider's own").isNull();
		assertThat(beta.getProperty("complaints.mailbox.imap.host")).isEqualTo("imap.beta.example");
	}

	/** Environment variables name a tenant's keys as well: COMPLAINTS_TENANTS_0_… */
	@Test
	void shouldReadATenantFromEnvironmentVariablesAndMaskTheTopLevelOnesThere() {
		StandardEnvironment all = new StandardEnvironment();
		all.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new org.springframework.core.env.SystemEnvironmentPropertySource(
							StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("COMPLAINTS_TENANTS_0_ID", "alpha", "COMPLAINTS_TENANTS_0_MAILBOX_IMAP_PASSWORD",
									"alpha-pw", "COMPLAINTS_MAILBOX_SMTP_PASSWORD", "top-pw",
									"COMPLAINTS_MAILBOX_DISPLAYNAME", "Top", "COMPLAINTS_REGISTER_PATH",
									"data/register.db")));

		ConfigurableEnvironment alpha = Tenants.environment(all, "alpha");

		assertThat(alpha.getProperty("complaints.mailbox.imap.password")).isEqualTo("alpha-pw");
		assertThat(alpha.getProperty("complaints.mailbox.smtp.password")).isNull();
		assertThat(alpha.getProperty("complaints.mailbox.display-name")).isNull();
		assertThat(alpha.getProperty("complaints.mailbox.displayname")).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"jdbc:postgresql://127.0.0.1/c|jdbc:postgresql://127.0.0.1/c?currentSchema=complaints_alpha",
			"jdbc:postgresql://127.0.0.1/c?currentSchema=prod|jdbc:postgresql://127.0.0.1/c?currentSchema=prod_alpha",
			"jdbc:postgresql://127.0.0.1/c?ssl=true&currentSchema=prod&x=1|jdbc:postgresql://127.0.0.1/c?ssl=true&currentSchema=prod_alpha&x=1" })
	void shouldPutEachTenantInASchemaOfItsOwn(String url, String tenantUrl) {
		RegisterSettings top = new RegisterSettings("/srv/complaints/data/register.db",
				java.time.Duration.ofSeconds(30), url, "c", "pw");

		RegisterSettings alpha = top.tenant("alpha");

		assertThat(alpha.url()).isEqualTo(tenantUrl);
		assertThat(alpha.dataDirectory()).hasToString("/srv/complaints/data/alpha");
		assertThat(alpha.tenant()).isEqualTo("alpha");
		assertThat(alpha.username()).isEqualTo("c");
	}

	@Test
	void shouldPutEachTenantsSqliteFileInADirectoryOfItsOwnAndKeepTheRegisterForDefault() {
		RegisterSettings top = new RegisterSettings("/srv/complaints/data/register.db",
				java.time.Duration.ofSeconds(30), null, null, null);

		assertThat(top.tenant("alpha").file()).hasToString("/srv/complaints/data/alpha/register.db");
		assertThat(top.tenant("alpha").url()).isNull();
		assertThat(top.tenant("default").file()).isEqualTo(top.file());
		assertThat(top.tenant("default").tenant()).isEqualTo("default");
	}

	private static ConfigurableEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		environment.getPropertySources()
			.addLast(new MapPropertySource("defaults", Map.of("complaints.register.path", "data/register.db")));
		return environment;
	}

}
