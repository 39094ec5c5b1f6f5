package nl.klachten.register;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The reference prefix (CONTRACT §3, {@code complaints.reference.prefix}). */
@Validated
@ConfigurationProperties("complaints.reference")
public record ReferenceSettings(@Pattern(regexp = "[A-Za-z]{1,10}") String prefix) {
}
