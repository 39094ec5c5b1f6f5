package nl.klachten.mailbox;

/** The IMAP and SMTP servers actually used: configured ones, or the embedded server's. */
public record MailEndpoints(MailboxSettings.Server imap, MailboxSettings.Server smtp) {
}
