package nl.klachten.mailbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import nl.klachten.mailbox.MailboxSettings.Security;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS by default and the loopback rule (CONTRACT §3), on the settings as Spring Boot
 * binds them.
 */
class MailboxSecurityTests {

	private static MailboxSettings bind(String... keysAndValues) {
		Map<String, String> map = new java.util.HashMap<>(Map.of("complaints.mailbox.address", "NCJansen@klikklaar.com",
				"complaints.mailbox.display-name", "Klachtencommissie", "complaints.mailbox.processed-folder",
				"Klachten/Verwerkt", "complaints.mailbox.quarantine-folder", "Klachten/Quarantaine"));
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put("complaints.mailbox." + keysAndValues[i], keysAndValues[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(map)).bind("complaints.mailbox", MailboxSettings.class)
			.get();
	}

	@Test
	void shouldDefaultToTlsAndItsPortsWhenAHostIsConfigured() {
		MailboxSettings settings = bind("imap.host", "imap.example.org", "smtp.host", "smtp.example.org");
		assertThat(settings.imap().security()).isEqualTo(Security.tls);
		assertThat(settings.imap().port()).isEqualTo(993);
		assertThat(settings.smtp().security()).isEqualTo(Security.tls);
		assertThat(settings.smtp().port()).isEqualTo(465);
		assertThat(MailboxSecurity.problems(settings)).isEmpty();
	}

	@Test
	void shouldKeepAGivenPortAndSecurity() {
		MailboxSettings settings = bind("imap.host", "imap.example.org", "imap.port", "1143", "imap.security",
				"starttls", "smtp.host", "smtp.example.org", "smtp.security", "starttls");
		assertThat(settings.imap().port()).isEqualTo(1143);
		assertThat(settings.imap().security()).isEqualTo(Security.starttls);
		assertThat(settings.smtp().port()).isEqualTo(587);
	}

	@Test
	void shouldStayPlainForTheEmbeddedServer() {
		MailboxSettings settings = bind();
		assertThat(settings.embedded()).isTrue();
		assertThat(settings.imap().security()).isEqualTo(Security.none);
		assertThat(MailboxSecurity.problems(settings)).isEmpty();
	}

	@Test
	void shouldRefuseNoneForAHostThatIsNotLoopbackInOneLine() {
		MailboxSettings settings = bind("imap.host", "imap.example.org", "imap.security", "none", "smtp.host",
				"127.0.0.1", "smtp.security", "none");
		assertThat(MailboxSecurity.problems(settings)).containsExactly(
				"complaints.mailbox.imap.security=none would send the password in clear text to imap.example.org, "
						+ "which is not a loopback host: set complaints.mailbox.imap.security to tls or starttls "
						+ "(or complaints.mailbox.allow-insecure=true to accept it)");
		assertThatThrownBy(() -> MailboxSecurity.require(settings)).isInstanceOf(MailboxSettingsException.class)
			.hasMessageStartingWith("complaints.mailbox.imap.security=none")
			.hasMessageNotContaining("\n");
	}

	@Test
	void shouldRefuseNoneForSmtpToo() {
		MailboxSettings settings = bind("imap.host", "localhost", "imap.security", "none", "smtp.host",
				"smtp.example.org", "smtp.security", "none");
		assertThat(MailboxSecurity.problems(settings)).singleElement()
			.asString()
			.startsWith(
					"complaints.mailbox.smtp.security=none would send the password in clear text to smtp.example.org");
	}

	@Test
	void shouldAcceptNoneEverywhereWhenAllowedInsecure() {
		MailboxSettings settings = bind("imap.host", "imap.example.org", "imap.security", "none", "smtp.host",
				"smtp.example.org", "smtp.security", "none", "allow-insecure", "true");
		assertThat(MailboxSecurity.problems(settings)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "127.0.0.1,true", "127.1.2.3,true", "localhost,true", "LOCALHOST,true", "::1,true", "[::1],true",
			"0:0:0:0:0:0:0:1,true", "128.0.0.1,false", "127.0.0.256,false", "localhost.example.org,false",
			"imap.example.org,false", "10.0.0.1,false", "::2,false", "127.0.0.1.nip.io,false" })
	void shouldTellLoopbackHostsByTheirText(String host, boolean loopback) {
		assertThat(MailboxSecurity.loopback(host)).isEqualTo(loopback);
	}

	@Test
	void shouldNameAnUnreadableTrustStoreInOneLine(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("trust.p12"), "not a key store");
		MailboxSettings settings = bind("imap.host", "imap.example.org", "trust-store", file.toString(),
				"trust-store-password", "secret");
		assertThatThrownBy(() -> TrustStore.socketFactory(settings)).isInstanceOf(MailboxSettingsException.class)
			.hasMessageStartingWith("complaints.mailbox.trust-store=" + file + " cannot be read (")
			.hasMessageEndingWith(
					"): give a readable PKCS12 or JKS file and its complaints.mailbox.trust-store-password")
			.hasMessageNotContaining("\n")
			.hasMessageNotContaining("secret");
	}

	@Test
	void shouldUseTheJvmTrustStoreWhenNoneIsConfigured() {
		assertThat(TrustStore.socketFactory(bind("imap.host", "imap.example.org"))).isNull();
	}

	@Test
	void shouldNotPrintTheTrustStorePassword() {
		assertThat(bind("trust-store", "/x.p12", "trust-store-password", "secret").toString()).doesNotContain("secret");
	}

}
