package nl.klachten.metrics;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a health component turns DOWN ({@code complaints.health.*}): the inbox after
 * {@code imap-failures} failed reads in a row or no successful read for
 * {@code imap-stale}; SMTP when a mail has waited in the outbox for {@code outbox-stale};
 * the digest when today's is late by more than {@code digest-late}.
 */
@Validated
@ConfigurationProperties("complaints.health")
public record HealthSettings(@DefaultValue("3") @Min(1) int imapFailures,
		@DefaultValue("10m") @NotNull Duration imapStale, @DefaultValue("1h") @NotNull Duration outboxStale,
		@DefaultValue("1h") @NotNull Duration digestLate) {
}
