/**
 * The command line of CONTRACT §1: run, export, show.
 */
package nl.klachten.cli;
