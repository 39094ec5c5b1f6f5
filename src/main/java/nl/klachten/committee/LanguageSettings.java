package nl.klachten.committee;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * CONTRACT §3 {@code complaints.language.default}: the language of mail to a complainant
 * whose complaint's language is not recognised. Only {@code nl} and {@code en} bind.
 *
 * @param fallback the key {@code default}, a Java keyword
 */
@Validated
@ConfigurationProperties("complaints.language")
public record LanguageSettings(@Name("default") @DefaultValue("nl") @NotNull Language fallback) {
}
