/**
 * The mail server: the IMAP intake connection (batch FETCH with BODY.PEEK, bulk UID
 * MOVE), the IDLE watcher that signals new mail, SMTP sending over one connection, the
 * embedded GreenMail server of the out-of-the-box run, and the one-line words for a
 * server that fails (MailProblem), told once per problem (ProblemLog) and by
 * {@code check} (MailboxCheck).
 */
package nl.klachten.mailbox;
