package nl.klachten.commands;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code Authentication-Results} read as RFC 8601 (CONTRACT §5): header values in the
 * shapes that Gmail, Microsoft 365, Postfix with OpenDKIM/OpenDMARC and rspamd write
 * (addresses and signatures replaced), and the shapes an attacker writes to look like a
 * pass.
 */
class AuthenticationResultsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					gmail dkim pass | mx.google.com; dkim=pass header.i=@klikklaar.com header.s=sel1 header.b=AbCdEf12; spf=pass (google.com: domain of chair@klikklaar.com designates 192.0.2.10 as permitted sender) smtp.mailfrom=chair@klikklaar.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=klikklaar.com | mx.google.com | dkim | pass | header.i | @klikklaar.com
					gmail dmarc pass | mx.google.com; dkim=pass header.i=@klikklaar.com header.s=sel1 header.b=AbCdEf12; spf=pass (google.com: domain of chair@klikklaar.com designates 192.0.2.10 as permitted sender) smtp.mailfrom=chair@klikklaar.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=klikklaar.com | mx.google.com | dmarc | pass | header.from | klikklaar.com
					microsoft 365 dkim | spf=pass (sender IP is 192.0.2.20) smtp.mailfrom=klikklaar.com; dkim=pass (signature was verified) header.d=klikklaar.com;dmarc=pass action=none header.from=klikklaar.com;compauth=pass reason=100 | spf=pass | dkim | pass | header.d | klikklaar.com
					postfix opendkim | mx.klikklaar.com; dkim=pass (2048-bit key; unprotected) header.d=klikklaar.com header.i=@klikklaar.com header.a=rsa-sha256 header.s=mail header.b=Xy12Zw34 | mx.klikklaar.com | dkim | pass | header.d | klikklaar.com
					postfix opendmarc | mx.klikklaar.com; dmarc=pass (p=quarantine dis=none) header.from=klikklaar.com | mx.klikklaar.com | dmarc | pass | header.from | klikklaar.com
					rspamd | mx.klikklaar.com; dkim=pass header.d=klikklaar.com header.s=dkim header.b=AbC1; spf=pass (mx.klikklaar.com: domain of chair@klikklaar.com designates 192.0.2.30 as permitted sender) smtp.mailfrom=chair@klikklaar.com; dmarc=pass (policy=reject) header.from=klikklaar.com | mx.klikklaar.com | dkim | pass | header.d | klikklaar.com
					version and spaces around = | mx.klikklaar.com 1 ; dkim = pass header.d = klikklaar.com | mx.klikklaar.com | dkim | pass | header.d | klikklaar.com
					quoted value | mx.klikklaar.com; dkim=pass header.d="klikklaar.com" | mx.klikklaar.com | dkim | pass | header.d | klikklaar.com
					method version | mx.klikklaar.com; dkim/1=pass header.d=klikklaar.com | mx.klikklaar.com | dkim | pass | header.d | klikklaar.com
					upper case | MX.Klikklaar.COM; DKIM=PASS Header.D=klikklaar.com | mx.klikklaar.com | dkim | pass | header.d | klikklaar.com
					""")
	void shouldReadResultsWhenHeaderIsWrittenByARealServer(String shape, String header, String authservId,
			String method, String result, String property, String value) {
		AuthenticationResults read = AuthenticationResults.parse(header).orElseThrow();
		assertThat(read.authservId()).isEqualTo(authservId);
		AuthenticationResults.Result found = read.results()
			.stream()
			.filter((r) -> r.method().equals(method))
			.findFirst()
			.orElseThrow();
		assertThat(found.result()).isEqualTo(result);
		assertThat(found.property(property)).contains(value);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					encoded word in smtp.mailfrom | mx.klikklaar.com; spf=pass smtp.mailfrom=<=?us-ascii?q?dkim=3Dpass_header.d=3Dklikklaar.com_?=@evil.example>
					pass inside a comment | mx.klikklaar.com; spf=fail (dkim=pass header.d=klikklaar.com) smtp.mailfrom=x@evil.example
					nested comment | mx.klikklaar.com; spf=fail (a (dkim=pass) header.d=klikklaar.com) smtp.mailfrom=x@evil.example
					pass inside a quoted string | mx.klikklaar.com; spf=fail smtp.mailfrom="x dkim=pass header.d=klikklaar.com"@evil.example
					quoted name | mx.klikklaar.com; spf=fail "header.d=klikklaar.com"
					fail with the right domain | mx.klikklaar.com; dkim=fail header.d=klikklaar.com
					local part carrying a property | mx.klikklaar.com; spf=pass smtp.mailfrom=a.header.d=klikklaar.com@evil.example
					""")
	void shouldFindNoDkimPassForTheDomainWhenAnAttackerWroteThePass(String shape, String header) {
		AuthenticationResults read = AuthenticationResults.parse(header).orElseThrow();
		assertThat(read.results()).noneMatch((r) -> r.passes("dkim")
				&& r.property("header.d").filter("klikklaar.com"::equalsIgnoreCase).isPresent());
	}

	@Test
	void shouldReadNothingWhenTheHeaderIsOverlong() {
		assertThat(AuthenticationResults
			.parse("mx.klikklaar.com; dkim=pass header.d=klikklaar.com" + " ".repeat(AuthenticationResults.MAX_LENGTH)))
			.isEmpty();
	}

	@Test
	void shouldStayLinearWhenTheHeaderIsHostile() {
		String hostile = "mx.klikklaar.com;" + "(".repeat(5000) + "=".repeat(5000) + "\"".repeat(3000);
		assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> {
			for (int i = 0; i < 100; i++) {
				AuthenticationResults.parse(hostile);
			}
		});
	}

	@Test
	void shouldReadAuthservIdOnlyWhenThereAreNoResults() {
		Optional<AuthenticationResults> none = AuthenticationResults.parse("mx.klikklaar.com; none");
		assertThat(none).get().extracting(AuthenticationResults::authservId).isEqualTo("mx.klikklaar.com");
		assertThat(none.get().results()).isEmpty();
		assertThat(AuthenticationResults.parse("")).isEmpty();
	}

}
