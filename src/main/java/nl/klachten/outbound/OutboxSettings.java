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
 * <p>
 * {@code complaints.outbox.connections}: how many SMTP connections the outbox keeps open
 * and sends over at once (issue 15); one case's mails always share one. 1 sends one mail
 * at a time, as before.
 */
@Validated
@ConfigurationProperties("complaints.outbox")
public record OutboxSettings(@DefaultValue("200") @Positive int acknowledgementsPerHour,
		@DefaultValue("4") @Positive int connections) {
}
