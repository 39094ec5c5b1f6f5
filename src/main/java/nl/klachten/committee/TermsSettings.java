package nl.klachten.committee;

import java.time.Period;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The regulation's terms (CONTRACT §3 {@code complaints.terms.*}), in calendar periods.
 */
@Validated
@ConfigurationProperties("complaints.terms")
public record TermsSettings(@NotNull ZoneId zone, @NotNull Period acknowledge, @NotNull Period handling,
		@NotNull Period appeal, @NotNull Period submissionWindow, @NotNull Period retention) {
}
