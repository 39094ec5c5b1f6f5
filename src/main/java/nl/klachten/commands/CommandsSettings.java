package nl.klachten.commands;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may change a case by mail (CONTRACT §5).
 *
 * @param trustedAuthservId the {@code Authentication-Results} authserv-id whose dkim or
 * dmarc pass counts, or null to ignore the header. The receiving server must remove
 * headers that claim its authserv-id from outside (RFC 8601 §5), or anyone could forge a
 * pass.
 * @param ownReceivedHeaders how many {@code Received:} headers the own servers add above
 * their {@code Authentication-Results} (0: only those above the first {@code Received:}
 * count, as the contract says; a Postfix that adds its own {@code Received:} before the
 * milter's result needs 1)
 * @param trustExpiry how long a mail the processor sent proves that a reply to it comes
 * from its recipient (the command's and the complainant's proof)
 */
@ConfigurationProperties("complaints.commands")
public record CommandsSettings(String trustedAuthservId, @DefaultValue("0") int ownReceivedHeaders,
		@DefaultValue("P90D") Duration trustExpiry) {
}
