package nl.klachten.outbound;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrapping of plain-text mail after rendering (CONTRACT §4): a table of the rules,
 * then properties over arbitrary text (no line wider than 76 unless it holds one
 * unbreakable word, the same words in the same order, wrapping twice changes nothing).
 */
class PlainTextTests {

	private static final String LONG_URL = "https://klachten.example.org/" + "a".repeat(90);

	static Stream<Arguments> lines() {
		return Stream.of(Arguments.of("a short line stays", "short line", List.of("short line")),
				Arguments.of("exactly 76 columns stays", "x".repeat(70) + " yyyyy", List.of("x".repeat(70) + " yyyyy")),
				Arguments.of("a blank line stays", "", List.of("")),
				Arguments.of("a signature separator stays", "-- ", List.of("-- ")),
				Arguments.of("prose breaks at the last space that fits",
						"Wij hebben uw klacht beoordeeld. Ons standpunt: uw klacht is gegrond en wij bieden excuses aan.",
						List.of("Wij hebben uw klacht beoordeeld. Ons standpunt: uw klacht is gegrond en wij",
								"bieden excuses aan.")),
				Arguments.of("a quoted line is never touched", "> " + "woord ".repeat(20),
						List.of("> " + "woord ".repeat(20))),
				Arguments.of("a URL longer than the width stands whole on its own line",
						"Zie " + LONG_URL + " voor meer", List.of("Zie", LONG_URL, "voor meer")),
				Arguments.of("an indented line keeps its indent and indents its continuation",
						"  " + "woord ".repeat(15).strip(),
						List.of("  " + "woord ".repeat(12).strip(), "    " + "woord ".repeat(3).strip())),
				Arguments.of("a list item continues under its text",
						"- KK-2026-0001  1 december 2026  " + "naam ".repeat(12).strip(),
						List.of("- KK-2026-0001  1 december 2026  " + "naam ".repeat(8).strip(),
								"  " + "naam ".repeat(4).strip())),
				Arguments.of("a labelled table row continues under its value",
						"Onderwerp:           " + "lang ".repeat(14).strip(),
						List.of("Onderwerp:           " + "lang ".repeat(11).strip(),
								" ".repeat(21) + "lang ".repeat(3).strip())),
				Arguments.of("an indented two-column row continues under its second column",
						"  VRAAG-KLAGER + vraag als tekst     mailt de klager uw tekst; de aanhef zetten wij erboven",
						List.of("  VRAAG-KLAGER + vraag als tekst     mailt de klager uw tekst; de aanhef",
								"                                     zetten wij erboven")),
				Arguments.of("prose with two spaces after a full stop does not hang",
						"Hallo.  " + "woord ".repeat(14).strip(),
						List.of("Hallo.  " + "woord ".repeat(11).strip(), "woord ".repeat(3).strip())),
				Arguments.of("a paragraph wrapped wider by its sender flows on instead of leaving a lone fragment",
						"Op 3 november is mijn internetaansluiting geïnstalleerd, maar de monteur is na een uur\n"
								+ "vertrokken zonder dat de verbinding werkte. Sindsdien heb ik drie keer gebeld.",
						List.of("Op 3 november is mijn internetaansluiting geïnstalleerd, maar de monteur is",
								"na een uur vertrokken zonder dat de verbinding werkte. Sindsdien heb ik drie",
								"keer gebeld.")),
				Arguments.of("a long line before a labelled row, a list item or a blank line does not flow into it",
						"woord ".repeat(14).strip() + "\nNaam: Jan de Vries\n" + "woord ".repeat(14).strip()
								+ "\n- een punt\n" + "woord ".repeat(14).strip() + "\n\nklaar",
						List.of("woord ".repeat(12).strip(), "woord woord", "Naam: Jan de Vries",
								"woord ".repeat(12).strip(), "woord woord", "- een punt", "woord ".repeat(12).strip(),
								"woord woord", "", "klaar")),
				Arguments.of("code points are counted, not UTF-16 units", "😀".repeat(70) + " éé " + "ü".repeat(3),
						List.of("😀".repeat(70) + " éé", "üüü")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lines")
	void shouldWrapLineWhenRuleApplies(String rule, String line, List<String> expected) {
		assertThat(PlainText.wrap(line).split("\n", -1)).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lines")
	void shouldLeaveWrappedLineWhenWrappedAgain(String rule, String line, List<String> expected) {
		String once = PlainText.wrap(line);
		assertThat(PlainText.wrap(once)).isEqualTo(once);
	}

	@org.junit.jupiter.api.Test
	void shouldKeepLineEndingsAndBlankLinesWhenTextHasSeveralLines() {
		String text = "Geachte X,\r\n\r\n" + "woord ".repeat(20).strip() + "\r\n\r\nGroet\r\n";
		assertThat(PlainText.wrap(text)).isEqualTo("Geachte X,\r\n\r\n" + "woord ".repeat(12).strip() + "\r\n"
				+ "woord ".repeat(8).strip() + "\r\n\r\nGroet\r\n");
	}

	@Property
	void shouldFitWidthWhenLineIsNotOneUnbreakableWord(@ForAll("texts") String text) {
		for (String line : PlainText.wrap(text).split("\n", -1)) {
			if (PlainText.columns(line) > PlainText.WIDTH && !line.startsWith(">")) {
				assertThat(line.strip()).as("an over-wide line is one word").doesNotContain(" ");
			}
		}
	}

	@Property
	void shouldKeepWordsInOrderWhenWrapped(@ForAll("texts") String text) {
		assertThat(words(PlainText.wrap(text))).isEqualTo(words(text));
	}

	@Property
	void shouldChangeNothingWhenWrappedTwice(@ForAll("texts") String text) {
		String once = PlainText.wrap(text);
		assertThat(PlainText.wrap(once)).isEqualTo(once);
	}

	@Property
	void shouldLeaveQuotedAndShortLinesWhenWrapped(@ForAll("texts") String text) {
		String[] lines = text.split("\n", -1);
		// a short line of prose right after prose may receive the rest of a broken line
		// before it
		List<String> kept = java.util.stream.IntStream.range(0, lines.length)
			.filter((i) -> lines[i].startsWith(">") || PlainText.columns(lines[i]) <= PlainText.WIDTH
					&& (i == 0 || !PlainText.isProse(lines[i - 1]) || !PlainText.isProse(lines[i])))
			.mapToObj((i) -> lines[i])
			.toList();
		assertThat(Arrays.asList(PlainText.wrap(text).split("\n", -1))).containsAll(kept);
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.split("[ \n]+")).filter((w) -> !w.isEmpty()).toList();
	}

	@Provide
	Arbitrary<String> texts() {
		Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
				Arbitraries.strings().withChars("éü😀-:>*.1").ofMinLength(1).ofMaxLength(5),
				Arbitraries.strings().alpha().ofMinLength(70).ofMaxLength(120), Arbitraries.of("-", "*", "1.", ">"));
		Arbitrary<String> gap = Arbitraries.of(" ", " ", " ", "  ", "     ");
		Arbitrary<String> line = Combinators
			.combine(Arbitraries.of("", "  ", "    ", "> ", "- ", "Label:   "),
					Combinators.combine(word, gap).as(String::concat).list().ofMaxSize(40))
			.as((start, parts) -> start + String.join("", parts));
		return line.list().ofMaxSize(12).map((lines) -> String.join("\n", lines));
	}

}
