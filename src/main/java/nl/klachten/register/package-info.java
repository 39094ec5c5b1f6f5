/**
 * The register (R19) in SQLite: cases, reference numbers, correspondence, the inbound log
 * (ignored list and quarantine), the outbox, and the content-addressed raw mail and
 * attachment files. All SQL lives here.
 */
package nl.klachten.register;
