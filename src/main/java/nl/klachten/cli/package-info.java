/**
 * The command line of CONTRACT §1: run, export, show, digest, purge, report, backup, check. The
 * commands that only read open the register read-only in a small context
 * ({@link nl.klachten.cli.ReadOnlyContext}), without starting the application; {@code backup} and
 * {@code check} start nothing either.
 */
package nl.klachten.cli;
