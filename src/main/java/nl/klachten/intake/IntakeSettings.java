package nl.klachten.intake;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the inbox is read: mails per batch (one FETCH, one register transaction), the size
 * above which a mail goes to quarantine, how often a failing mail is tried, the polling
 * interval when the server has no IDLE (and the safety re-check when it has), and the
 * acknowledgement limit. A batch also stops at {@code batch-bytes} of mail (at least one
 * mail is always read), so a backlog of large mails never sits in memory at once;
 * {@code max-mail-time} is the work one mail may take (parse and route) before it is
 * quarantined as {@code time-limit}; {@code parse-stack-size} is the stack of the parse
 * worker threads (0: the JVM's default); {@code notices-per-case-per-hour} is how many
 * notices of new mail on one case the chair gets an hour before they are held back.
 */
@Validated
@ConfigurationProperties("complaints.intake")
public record IntakeSettings(@Min(1) int batchSize, @NotNull DataSize maxMessageSize, @Min(1) int maxAttempts,
		@NotNull Duration pollInterval, @Min(1) int rateLimitPerHour,
		@DefaultValue("32MB") @NotNull DataSize batchBytes, @DefaultValue("10s") @NotNull Duration maxMailTime,
		@DefaultValue("0B") @NotNull DataSize parseStackSize, @DefaultValue("5") @Min(1) int noticesPerCasePerHour) {
}
