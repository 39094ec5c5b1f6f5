package nl.klachten.threading;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile bodies against every pattern of the threading package (issue 9): reply
 * splitting and reference numbers. The time bound is a hang detector, not a performance
 * figure. The attribution pattern that {@link Attribution} replaces serves as the oracle
 * on short random lines.
 */
class AdversarialReplyTextTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	private static final int MEGABYTE = 1 << 20;

	private static final Pattern OLD_ATTRIBUTION = Pattern.compile(
			"^(?=.*(\\d{1,2}[:.]\\d{2}|@))\\s*(on|op|am|le)\\s"
					+ ".{0,200}\\d.{0,200}\\s(wrote|schreef|geschreven|schrieb|geschrieben|écrit)(\\s.{0,200})?:\\s*$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	static Stream<Arguments> hostileBodies() {
		return Stream.of(Arguments.of("attribution digits and verbs", lines("op 1:11 " + " schreef 1 ".repeat(50))),
				Arguments.of("attribution digits", lines("op 12:30 " + "1 ".repeat(250))),
				Arguments.of("attribution address and tabs", lines("op @ " + "1 \t".repeat(200) + "wrote:")),
				Arguments.of("loose attribution", lines("x" + " wrote".repeat(80) + ":")),
				Arguments.of("header block", lines("From: x" + " ".repeat(490))),
				Arguments.of("separators", lines("-".repeat(499))), Arguments.of("spaces", lines(" ".repeat(499))),
				Arguments.of("one 1 MB line", "op 1:11 " + " schreef 1".repeat(MEGABYTE / 10) + ":"),
				Arguments.of("quote runs", ">".repeat(MEGABYTE)),
				Arguments.of("alternating", "a ".repeat(MEGABYTE / 2)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileBodies")
	void shouldSplitInBoundedTimeWhenBodyIsHostile(String name, String body) {
		assertTimeoutPreemptively(BOUND, () -> ReplyText.split(body));
	}

	@Test
	void shouldFindReferencesInBoundedTimeWhenTextIsHostile() {
		String text = "KK-2026-".repeat(MEGABYTE / 8) + "KK-" + "1".repeat(MEGABYTE);
		assertTimeoutPreemptively(BOUND, () -> assertThat(new ReferenceFinder("KK").find(text)).isEmpty());
	}

	@Test
	void shouldAnswerAsOldPatternWhenAttributionLineIsRandom() {
		String[] pieces = { "op ", "On ", "am", " ", "\t", "1", "12:30", "9.05", "@", "schreef", "WROTE", "écrit", ":",
				"x", "Jan", "\r", "<", "\u2028", " ".repeat(150), "a".repeat(120) };
		Random random = new Random(9);
		for (int i = 0; i < 30_000; i++) {
			StringBuilder line = new StringBuilder();
			int length = random.nextInt(14);
			for (int j = 0; j < length; j++) {
				line.append(pieces[random.nextInt(pieces.length)]);
			}
			String text = line.toString();
			assertThat(Attribution.matches(text)).as(text).isEqualTo(OLD_ATTRIBUTION.matcher(text).matches());
		}
	}

	private static String lines(String line) {
		String end = line.endsWith(":") ? ":" : "";
		String capped = line.substring(0, Math.min(line.length(), 499 - end.length())) + end;
		return (capped + "\n").repeat(MEGABYTE / 500);
	}

}
