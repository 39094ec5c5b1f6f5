package nl.klachten.outbound;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox's ceiling (CONTRACT §4 rate limits, issue 10): at most
 * {@code complaints.outbox.acknowledgements-per-hour} acknowledgements go out in any
 * hour. Each one goes to whatever address a mail claims, so a flood of forged complaints
 * could otherwise make the committee's domain a source of mass mail; past the ceiling
 * they wait, and the chair is told.
 */
@Validated
@ConfigurationProperties("complaints.outbox")
public record OutboxSettings(@DefaultValue("200") @Positive int acknowledgementsPerHour) {
}
