/**
 * The mail server: the IMAP intake connection (batch FETCH with BODY.PEEK, bulk UID MOVE), the IDLE watcher that signals new mail, SMTP sending over one connection, and the embedded GreenMail server of the out-of-the-box run.
 */
package nl.klachten.mailbox;
