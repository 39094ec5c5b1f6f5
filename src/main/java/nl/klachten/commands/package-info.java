/**
 * Commands by mail (CONTRACT §5): the {@link nl.klachten.commands.Keyword} table (Dutch
 * and English words, who may use each, usage and the HELP text), the
 * {@link nl.klachten.commands.ChairCommand} records, and
 * {@link nl.klachten.commands.CommandParser}, which turns the new text of a reply into a
 * command block and its text, or refuses the whole mail naming the line. It skips a
 * greeting line ({@code Greeting}) and answers a mistyped keyword with the one meant
 * ({@code NearMiss}); {@code CaseParts} splits a reply to the digest into one part per
 * reference line. The grammar is plain Java without mail or Spring types, a clock or a
 * case: checks that need the case, today's date or the sender belong to whoever applies
 * the commands ({@link nl.klachten.commands.CommandDesk}, and {@code SeveralCases} for a
 * mail about several cases).
 */
package nl.klachten.commands;
