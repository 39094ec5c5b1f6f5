package nl.klachten.outbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether the chair's text already opens with a greeting, so the template adds none
 * (issue 11).
 */
class SalutationTests {

	@ParameterizedTest(name = "[{0}] -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Beste mevrouw Jansen,\\n\\nWanneer kwam het pakket?       | true
			Geachte heer Van der Berg,\\nWanneer?                     | true
			Dear Mr Smith,\\nWhen did it arrive?                      | true
			Hallo Anna,\\nWanneer?                                    | true
			Dag Jan,\\nWanneer?                                       | true
			BESTE KLANT,\\nWanneer?                                   | true
			'\\n\\n  Beste mevrouw Jansen\\n\\nWanneer?'                | true
			Hallo                                                     | true
			Wanneer kwam het pakket?                                  | false
			Dag 3 was de monteur er niet; wanneer kwam hij wel?       | false
			Beste oplossing lijkt ons een vergoeding. Klopt dat?      | false
			Geachte                                                   | true
			'Bestelling 12: wanneer geleverd?'                        | false
			''                                                        | false
			""")
	void shouldTellGreetingWhenTextOpensWithOne(String text, boolean greeting) {
		assertThat(Salutation.opensWithGreeting(text.replace("\\n", "\n"))).isEqualTo(greeting);
	}

}
