package nl.klachten.deadlines;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the daily digest goes (CONTRACT §3 {@code complaints.digest.cron} / {@code zone})
 * and whether the members get it too ({@code complaints.digest.members}, default only the
 * chair).
 */
@Validated
@ConfigurationProperties("complaints.digest")
public record DigestSettings(@DefaultValue("0 0 8 * * *") @NotBlank String cron,
		@DefaultValue("Europe/Amsterdam") @NotNull ZoneId zone, @DefaultValue("false") boolean members) {
}
