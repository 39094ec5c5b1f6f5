/**
 * Appeals (R22, R23): the complainant's {@code BEROEP}, recorded with its eight-week
 * term, the file sent to the appeals committee (by mail where configured, and always as a
 * printable letter for post), and the appeals committee's binding outcome or new term,
 * told to the complainant. {@link nl.klachten.appeals.AppealDesk} is the entry point;
 * {@link nl.klachten.appeals.AppealLetter} renders the letter as PDF.
 */
package nl.klachten.appeals;
