/**
 * Health and metrics for the operator (CONTRACT §3 {@code management.server.port}): the
 * Actuator health components {@code imap}, {@code smtp}, {@code register} and
 * {@code digest}, and the {@code complaints_*} meters that Prometheus scrapes. Counters
 * are incremented where things happen through {@link nl.klachten.committee.EventCounter},
 * so the capabilities know nothing of Micrometer; gauges read the register
 * ({@link nl.klachten.register.Vitals}). Nothing here holds a name, an address, a subject
 * or a host: counts, times, kinds and reason codes only (R8).
 */
package nl.klachten.metrics;
