/**
 * Cross-cutting wiring only: the {@code Clock} bean (fixed in tests) and the one
 * {@code DeadlinePolicy} built from the configured terms. Both are public so that the
 * command line's read-only context can import them without starting the application.
 */
package nl.klachten.config;
