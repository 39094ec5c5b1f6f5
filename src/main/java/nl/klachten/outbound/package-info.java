/**
 * Outgoing mail: FreeMarker templates rendered into multipart text+HTML mail with the
 * contract's headers, and the outbox sender with retry and backoff.
 */
package nl.klachten.outbound;
