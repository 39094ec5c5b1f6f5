package nl.klachten.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.klachten.commands.ParsedCommands.Commands;
import nl.klachten.commands.ParsedCommands.Refusal;

/**
 * Property-based fuzzing of the command grammar of CONTRACT §5 (issue 9):
 * {@link CommandParser} on arbitrary text never throws, finishes in bounded time, and
 * gives commands only for a block of keyword lines at the top. The number of tries is
 * {@code jqwik.tries.default} (pom.xml, scripts/fuzz).
 */
class CommandFuzzTests {

	private static final Duration HANG_BOUND = Duration.ofSeconds(5);

	private static final List<String> WORDS = Arrays.stream(Keyword.values())
		.flatMap((k) -> java.util.stream.Stream.of(k.dutch(), k.english()))
		.distinct()
		.toList();

	private final CommandParser parser = new CommandParser();

	@Property
	void shouldGiveCommandsOrARefusalWhenTextIsArbitrary(@ForAll("mails") String text) {
		ParsedCommands parsed = assertTimeoutPreemptively(HANG_BOUND, () -> this.parser.parse(text));

		int lines = text.split("\\R", -1).length;
		if (parsed instanceof Refusal refusal) {
			assertThat(refusal.number()).isBetween(0, lines);
			assertThat(refusal.reason()).isNotBlank();
			assertThat(refusal.line()).isNotNull();
		}
		else {
			Commands commands = (Commands) parsed;
			assertThat(commands.commands()).isNotEmpty().allSatisfy((line) -> {
				assertThat(line.command()).isNotNull();
				assertThat(line.number()).isBetween(1, lines);
			});
			assertThat(commands.commands()).extracting(CommandLine::number).isSorted().doesNotHaveDuplicates();
			assertThat(commands.text()).isNotNull();
		}
	}

	// CONTRACT §5: the block starts at the first non-blank line; a first line that is no
	// keyword refuses the mail
	@Property
	void shouldGiveNoCommandWhenFirstLineIsNotAKeyword(@ForAll @IntRange(max = 3) int blanks,
			@ForAll("notKeywordLines") String first, @ForAll("mails") String rest) {
		String text = "\n".repeat(blanks) + first + "\n" + rest;

		ParsedCommands parsed = assertTimeoutPreemptively(HANG_BOUND, () -> this.parser.parse(text));

		assertThat(parsed).isInstanceOf(Refusal.class);
		assertThat(((Refusal) parsed).number()).isEqualTo(blanks + 1);
		assertThat(((Refusal) parsed).line()).isEqualTo(first.strip());
	}

	@Provide
	Arbitrary<String> mails() {
		Arbitrary<String> keywordLine = Combinators
			.combine(Arbitraries.of("", "*", "**", "_", " "), Arbitraries.of(WORDS).map(CommandFuzzTests::randomCase),
					Arbitraries.of("", ":", " ", ": ", "* "), value())
			.as((lead, word, sep, v) -> lead + word + sep + v);
		Arbitrary<String> line = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, keywordLine),
				net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(80)), net.jqwik.api.Tuple.of(1,
						Arbitraries.of("", " ", "> STATUS", "-- ", "\u00a0HELP", "STATUS\u2028HELP")));
		return line.list().ofMaxSize(12).map((lines) -> String.join("\n", lines));
	}

	private static Arbitrary<String> value() {
		return Arbitraries.oneOf(Arbitraries.strings().all().excludeChars('\n', '\r').ofMaxLength(60),
				Arbitraries.of("Piet Jansen <piet@example.org>", "2 weken", "2026-12-31", "31-12-2026", "0 dagen",
						"-1 weken", "99999999999 weken", "2026-02-30", "<a@b>", "Piet <"),
				Arbitraries.strings().withChars(" *_<@").ofMinLength(100).ofMaxLength(3_000));
	}

	@Provide
	Arbitrary<String> notKeywordLines() {
		Arbitrary<String> word = Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('A', 'Z')
			.withCharRange('0', '9')
			.withChars('-')
			.ofMinLength(1)
			.ofMaxLength(20)
			.filter((w) -> Keyword.of(w).isEmpty());
		Arbitrary<String> tail = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80);
		return Arbitraries.oneOf(Combinators.combine(word, tail).as((w, t) -> w + " " + t),
				Arbitraries.of(WORDS).map((w) -> "> " + w), Arbitraries.of(WORDS).map((w) -> w + "x"),
				Arbitraries.of(WORDS).map((w) -> "1" + w));
	}

	private static String randomCase(String word) {
		StringBuilder mixed = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			mixed.append(((word.hashCode() >> (i % 31)) & 1) == 0 ? c : Character.toLowerCase(c));
		}
		return mixed.toString();
	}

}
