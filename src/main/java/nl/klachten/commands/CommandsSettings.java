package nl.klachten.commands;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Command trust (CONTRACT §5): the {@code Authentication-Results} authserv-id whose dkim or dmarc
 * pass counts, or null to ignore the header. The receiving server must remove headers that claim
 * its authserv-id from outside (RFC 8601 §5), or anyone could forge a pass.
 */
@ConfigurationProperties("complaints.commands")
public record CommandsSettings(String trustedAuthservId) {
}
