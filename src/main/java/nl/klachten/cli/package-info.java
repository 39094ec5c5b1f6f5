/**
 * The command line of CONTRACT §1 and the jar's entry point ({@code ComplaintsCli.main}):
 * run, export, show, digest, purge, report, backup, check. {@code run} starts the whole
 * application ({@code nl.klachten.Application}); the commands that only read open the
 * register read-only in a small context ({@link nl.klachten.cli.ReadOnlyContext}),
 * without starting the application; {@code backup} and {@code check} start nothing
 * either.
 */
package nl.klachten.cli;
