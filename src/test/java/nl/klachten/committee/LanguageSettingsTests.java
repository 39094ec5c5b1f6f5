package nl.klachten.committee;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CONTRACT §3 {@code complaints.language.default}: {@code nl} unless set, {@code nl} or
 * {@code en} only.
 */
class LanguageSettingsTests {

	@ParameterizedTest
	@CsvSource({ "nl, NL", "en, EN", "EN, EN" })
	void shouldBindTheDefaultWhenItIsDutchOrEnglish(String value, Language expected) {
		assertThat(bind(Map.of("complaints.language.default", value)).fallback()).isEqualTo(expected);
	}

	@Test
	void shouldDefaultToDutchWhenNotSet() {
		assertThat(bind(Map.of()).fallback()).isEqualTo(Language.NL);
	}

	@ParameterizedTest
	@CsvSource({ "de", "banana" })
	void shouldRefuseTheDefaultWhenItIsAnotherLanguage(String value) {
		assertThatThrownBy(() -> bind(Map.of("complaints.language.default", value))).isInstanceOf(BindException.class)
			.hasMessageContaining("complaints.language.default");
	}

	private static LanguageSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("complaints.language",
				LanguageSettings.class);
	}

}
