/**
 * The two daily jobs: the chair's deadline digest (R8, R10; {@code DigestBuilder}
 * composes it from the register's {@code DigestData}, {@code DigestSender} sends it once
 * a day on its {@code DailySchedule}, also from the {@code digest} command) and the
 * nightly purge of R20 ({@code RetentionJob}: the register first, then the IMAP copies).
 * The deadline arithmetic itself is {@code committee.DeadlinePolicy}, pure
 * {@code java.time} with the current time always passed in.
 */
package nl.klachten.deadlines;
