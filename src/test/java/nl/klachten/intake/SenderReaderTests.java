package nl.klachten.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict sender (issue 9, CONTRACT §5): exactly one From with exactly one strict
 * address, a Sender that agrees; everything else is a sender that is never the chair,
 * never answered. One row a From (and Sender); the expected strict address, or null when
 * the sender is not strict.
 */
class SenderReaderTests {

	static final String CHAIR = "ncjansen@klikklaar.com";

	static Stream<Arguments> rows() {
		return Stream.of(
				// strict
				row("Jan de Vries <jan@example.org>", null, "jan@example.org", "Jan de Vries"),
				row("jan@example.org", null, "jan@example.org", ""),
				row("<Jan@Example.org>", null, "jan@example.org", ""),
				row("\"Vries, Jan de\" <jan@example.org>", null, "jan@example.org", "Vries, Jan de"),
				row("=?UTF-8?B?TcO8bGxlciwgSsO2cmc=?= <J.Mueller@example.com>", null, "j.mueller@example.com",
						"Müller, Jörg"),
				row("jan@example.org (Jan)", null, "jan@example.org", ""),
				row("Jan <jan@example.org> (thuis)", null, "jan@example.org", "Jan"),
				row("NCJansen <NCJansen@klikklaar.com>", "NCJansen@klikklaar.com", CHAIR, "NCJansen"),
				row("\"Jan <chair@klikklaar.com>\" <jan@example.org>", null, "jan@example.org",
						"Jan <chair@klikklaar.com>"),
				// not strict: the attacks of issue 9
				row("<\"kenny@klikklaar.com,x\"@evil.example>", null, null, null),
				row("=?utf-8?q?ncjansen@klikklaar.com?=", null, null, null),
				row("=?utf-8?q?ncjansen?=@klikklaar.com", null, null, null),
				row("Voorzitter <NCJansen@\u212Alikklaar.com>", null, null, null),
				row("\u212Aenny@klikklaar.com", null, null, null),
				row("ncjansen@klikklaar.com, attacker@evil.example", null, null, null),
				row("Voorzitter <ncjansen@klikklaar.com>, attacker@evil.example", null, null, null),
				row("commissie: ncjansen@klikklaar.com;", null, null, null),
				row("commissie: ncjansen@klikklaar.com, attacker@evil.example;", null, null, null),
				row("ncjansen@klikklaar.com.", null, null, null), row("ncjansen.@klikklaar.com", null, null, null),
				row("ncjansen@klikklaar.com <attacker@evil.example>", null, null, null),
				row("=?utf-8?q?=3Cncjansen@klikklaar.com=3E?= <attacker@evil.example>", null, null, null),
				row("=?utf-8?q?_<ncjansen@klikklaar.com>?= <attacker@evil.example>", null, null, null),
				row("Voorzitter <ncjansen@klikklaar.com> <attacker@evil.example>", null, null, null),
				row("Voorzitter <ncjansen@klikklaar.com>attacker@evil.example", null, null, null),
				row("\"Voorzitter <ncjansen@klikklaar.com>", null, null, null),
				row("(Voorzitter <ncjansen@klikklaar.com>", null, null, null),
				row("Voorzitter <ncjansen@klikklaar.com\u0000>", null, null, null),
				row("Voorzitter < ncjansen @klikklaar.com>", null, null, null),
				row("ncjansen@klikklaar.com", "attacker@evil.example", null, null),
				row("ncjansen@klikklaar.com", "=?utf-8?q?ncjansen@klikklaar.com?=", null, null),
				row("ncjansen@klikklaar.com", "", null, null));
	}

	static Arguments row(String from, String sender, String strict, String name) {
		return Arguments.of(from, sender, strict, name);
	}

	@ParameterizedTest(name = "From: {0} / Sender: {1}")
	@MethodSource("rows")
	void shouldBeStrictOnlyWhenFromIsOneStrictMailbox(String from, String sender, String strict, String name) {
		Sender read = SenderReader.read(List.of(from), sender == null ? List.of() : List.of(sender));

		if (strict == null) {
			// the address may still read as the chair's (a group, a Sender naming someone
			// else): the flag decides
			assertThat(read == null || !read.strict()).as("strict").isTrue();
		}
		else {
			assertThat(read).isNotNull();
			assertThat(read.strict()).as("strict").isTrue();
			assertThat(read.address()).isEqualTo(strict);
			assertThat(read.name()).isEqualTo(name);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("twoFroms")
	void shouldNotBeStrictWhenMailHasTwoFromHeaders(List<String> froms) {
		Sender read = SenderReader.read(froms, List.of());

		assertThat(read).isNotNull();
		assertThat(read.strict()).isFalse();
	}

	static Stream<List<String>> twoFroms() {
		return Stream.of(List.of("ncjansen@klikklaar.com", "attacker@evil.example"),
				List.of("ncjansen@klikklaar.com", "ncjansen@klikklaar.com"));
	}

	@ParameterizedTest(name = "[{0}]")
	@MethodSource("unreadable")
	void shouldGiveNoSenderWhenFromHoldsNoAddress(List<String> froms) {
		assertThat(SenderReader.read(froms, List.of())).isNull();
	}

	static Stream<List<String>> unreadable() {
		return Stream.of(List.of(), List.of("Klantenservice Webshop"), List.of(""), List.of("=?utf-8?q?chair?="));
	}

}
