package nl.klachten.intake;

import java.util.Optional;

import nl.klachten.committee.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language of a complaint's text (CONTRACT §4): Dutch, English, or no answer (the
 * default then).
 */
class TextLanguageTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "none",
			textBlock = """
					Dutch complaint | Mijn wasmachine werd drie weken te laat bezorgd en de bezorger heeft haar bij de buren gezet. Ik heb vier keer gebeld maar niemand belt mij terug. | NL
					Dutch with form lines | Naam: Jan de Vries. Adres: Dorpsstraat 1. Ik heb op 3 maart een oven gekocht en die doet het niet. Graag een oplossing van u. | NL
					English complaint | My washing machine was delivered three weeks late and the driver left it with the neighbours. I have called four times but nobody calls me back. | EN
					English with Dutch names | I bought a Wasmachine WM-300 at KlikKlaar in Utrecht and it has not worked since the day it arrived, so I would like a refund. | EN
					short Dutch | Graag terugbellen. | none
					short English | Please call me back. | none
					empty | '' | none
					mixed half and half | Ik heb een oven gekocht en die doet het niet. I bought an oven and it does not work at all. | none
					German | Ich habe am Montag ein Paket bestellt, aber es ist nie angekommen. Der Kundendienst hat auf meine Nachricht nicht geantwortet. | none
					Dutch with a UUID whose hex holds English words | Mijn modem knippert rood sinds dinsdag. geheim-3a4be1a2-9a0b-4be7-a5a1-0be2a3a4a5a6 | none
					Dutch with order codes | Mijn bestelling A123 en a12b be34 de56 is niet gekomen en ik heb geen antwoord van u gehad. | NL
					French | J'ai commandé une machine à laver le mois dernier mais elle est arrivée cassée et personne ne répond à mes messages. | none
					""")
	void shouldRecogniseTheLanguageWhenTheTextSaysEnough(String name, String text, Language expected) {
		assertThat(TextLanguage.of(text)).isEqualTo(Optional.ofNullable(expected));
	}

}
