package nl.klachten.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * One row per limit of {@link MailLimits}: just under it passes, just over it names the
 * limit.
 */
class LimitScanTests {

	private static final MailLimits SMALL = new MailLimits(5, 10, 20, DataSize.ofBytes(1000), DataSize.ofBytes(2000),
			DataSize.ofBytes(5000));

	static Stream<Arguments> shapes() {
		return Stream.of(
				arguments("depth 4 (top message + 4 multiparts = 5)",
						HostileMime.nestedMultipart(4, "a@example.org", "d4@x"), null),
				arguments("depth 5", HostileMime.nestedMultipart(5, "a@example.org", "d5@x"), "mime-depth"),
				arguments("depth 5,000", HostileMime.nestedMultipart(5000, "a@example.org", "d@x"), "mime-depth"),
				arguments("10 parts", HostileMime.manyParts(10), null),
				arguments("11 parts", HostileMime.manyParts(11), "parts"),
				arguments("14 + 6 header fields", HostileMime.manyHeaders(14), null),
				arguments("15 + 6 header fields", HostileMime.manyHeaders(15), "header-count"),
				arguments("header of 900 bytes", HostileMime.longHeader(900), null),
				arguments("header of 1,200 bytes", HostileMime.longHeader(1200), "header-length"),
				arguments("line of 1,990 bytes", HostileMime.longLine(1990), null),
				arguments("line of 2,010 bytes", HostileMime.longLine(2010), "line-length"),
				arguments("content of 4,500 bytes", contentOf(4500), null),
				arguments("content of 5,500 bytes", contentOf(5500), "decoded-size"),
				arguments("no MIME at all", "garbage without headers".getBytes(StandardCharsets.US_ASCII), null),
				arguments("empty", new byte[0], null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void shouldNameTheLimitWhenAMailExceedsIt(String shape, byte[] mail, String limit) {
		Optional<String> exceeded = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> LimitScan.exceeded(mail, SMALL));
		assertThat(exceeded).isEqualTo(Optional.ofNullable(limit));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void shouldStayWithinTheDefaultsWhenTheMailIsNotDeeplyNested(String shape, byte[] mail, String limit) {
		boolean deep = shape.equals("depth 5,000");
		assertThat(LimitScan.exceeded(mail, MailLimits.defaults()))
			.isEqualTo(deep ? Optional.of("mime-depth") : Optional.empty());
	}

	/** The corpus without its hostile category, which is made to cross the limits. */
	static java.util.stream.Stream<String> ordinaryFiles() {
		return MimeCorpus.files().stream().filter((file) -> !file.startsWith("hostile/"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ordinaryFiles")
	void shouldPassEveryCorpusFileWhenLimitsAreTheDefaults(String file) {
		assertThat(LimitScan.exceeded(MimeCorpus.bytes(file), MailLimits.defaults())).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void shouldQuarantineAsLimitWhenTheParserIsGivenAMailOverALimit(String shape, byte[] mail, String limit) {
		ParseResult result = new MimeParser(SMALL).parse(mail);
		if (limit != null) {
			assertThat(result).isEqualTo(new ParseResult.Unparseable("limit:" + limit));
		}
		else if (result instanceof ParseResult.Unparseable unparseable) {
			assertThat(unparseable.reason()).doesNotStartWith("limit:");
		}
	}

	private static byte[] contentOf(int bytes) {
		String line = "x".repeat(99) + "\n";
		return ("Content-Type: text/plain\r\nSubject: s\r\n\r\n" + line.repeat(bytes / 100))
			.getBytes(StandardCharsets.US_ASCII);
	}

}
