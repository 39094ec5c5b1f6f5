package nl.klachten.commands;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT §5: a first line that is only a greeting is skipped. A greeting is short,
 * starts with a greeting word and says nothing else; a line that only starts like one is
 * no greeting, so its command is refused as unknown rather than read from the middle of a
 * sentence.
 */
class GreetingTests {

	@ParameterizedTest(name = "\"{0}\" is a greeting")
	@ValueSource(strings = { "Beste commissie,", "Beste NC Jansen,", "beste Kenny", "Hallo", "Hallo,", "HALLO!",
			"Dag Kenny,", "Dag allemaal", "Dear committee,", "Dear all", "Goedemorgen", "Goedemorgen allen,", "Hoi",
			"hoi Kenny,", "Hi", "Hi there,", "Hello", "Hello team,", "Goedemiddag,", "Geachte commissie,",
			"  Beste commissie,  ", "**Beste commissie,**", "Beste mevr. Jansen," })
	void shouldSkipTheLineWhenItIsOnlyAGreeting(String line) {
		assertThat(Greeting.is(line)).isTrue();
	}

	@ParameterizedTest(name = "\"{0}\" is not a greeting")
	@ValueSource(strings = { "Beste klager heeft gelijk GEGROND", "Dag 3 was het al mis", "Dag 3 was het...",
			"Hallo, de klacht is terecht.", "Hallo daar, hoe gaat het?", "Beste commissie, zie hieronder mijn oordeel",
			"Hoi STATUS", "Dear committee, please find", "Bestellingen kwamen te laat", "Dagelijks gaat het mis",
			"Hi Kenny, GEGROND", "Goedemorgen, verleng de termijn", "", "   ",
			"Beste commissie en leden van de directie en het bestuur van Klikklaar,",
			"Beste commissieleden en directie van het mooie bedrijf Klikklaar" })
	void shouldKeepTheLineWhenItOnlyLooksLikeAGreeting(String line) {
		assertThat(Greeting.is(line)).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Beste commissie,\n\nGEGROND", "\n\nBeste commissie,\n\n\nGEGROND", "Hallo\nGEGROND" })
	void shouldStartTheBlockAfterTheGreetingAndTheBlankLinesBelowIt(String text) {
		String[] lines = CommandParser.lines(text);
		assertThat(lines[Greeting.skip(lines)]).isEqualTo("GEGROND");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "GEGROND\nHallo", "Beste klager heeft gelijk GEGROND\nGEGROND" })
	void shouldSkipNothingWhenTheFirstLineIsNoGreeting(String text) {
		String[] lines = CommandParser.lines(text);
		assertThat(Greeting.skip(lines)).isZero();
	}

}
