package nl.klachten.intake;

import java.time.Instant;

/**
 * How many mails a sender sent since a moment: what the acknowledgement limit counts. The
 * register answers it ({@code InboundLog::countFrom}); a test answers it with a number.
 */
@FunctionalInterface
interface RecentMails {

	int countFrom(String sender, Instant since);

}
