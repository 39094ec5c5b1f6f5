/**
 * The terms of a case in calendar dates (R7, R9, R10, R11, R20, R23): when the acknowledgement and
 * the decision are due, until when an extension may be announced, whether a complaint came late,
 * when the appeals committee must decide and when a handled case is purged. Pure arithmetic on
 * {@code java.time} values in the regulation's zone: no Spring, no JDBC, and the current time is
 * always passed in (from the {@code Clock} bean), never read here.
 */
package nl.klachten.deadlines;
