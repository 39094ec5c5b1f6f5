package nl.klachten.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import nl.klachten.mailbox.InboxReader;
import nl.klachten.outbound.SmtpServerState;
import nl.klachten.register.Vitals;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When each health component turns DOWN (README "Health and metrics"), on a fixed clock
 * and the figures as the register and the inbox reader give them.
 */
class HealthRulesTests {

	private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final HealthSettings SETTINGS = new HealthSettings(3, Duration.ofMinutes(10), Duration.ofHours(1),
			Duration.ofHours(1));

	@Test
	void shouldReportImapUpWhenTheLastReadSucceeded() {
		assertThat(imap(0, Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.UP);
		assertThat(imap(2, Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void shouldReportImapDownWhenThreeReadsInARowFailed() {
		Health health = imap(3, Duration.ofSeconds(5));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("failedReadsInRow", 3)
			.containsEntry("lastError", "ConnectException");
	}

	@Test
	void shouldReportImapDownWhenNothingWasReadForTooLong() {
		assertThat(imap(0, Duration.ofMinutes(11)).getStatus()).isEqualTo(Status.DOWN);
	}

	/**
	 * Issue 13: reads go on, but mail the server will not let us file keeps the inbox
	 * full.
	 */
	@Test
	void shouldReportImapDownWhenThreeFilingsInARowFailed() {
		InboxReader.Reads reads = new InboxReader.Reads(NOW, 0, 0, null);
		Health two = new ImapHealth(() -> reads, () -> new nl.klachten.mailbox.PendingFilings.State(4,
				NOW.minusSeconds(60), 2, "CommandFailedException"), SETTINGS, () -> true, () -> true)
			.health();
		assertThat(two.getStatus()).isEqualTo(Status.UP);
		assertThat(two.getDetails()).containsEntry("mailsWaitingToBeFiled", 4)
			.containsEntry("lastFilingError", "CommandFailedException")
			.containsEntry("filingFailingSince", "2026-12-01T09:29:00Z");
		Health three = new ImapHealth(() -> reads, () -> new nl.klachten.mailbox.PendingFilings.State(4,
				NOW.minusSeconds(60), 3, "CommandFailedException"), SETTINGS, () -> true, () -> true)
			.health();
		assertThat(three.getStatus()).isEqualTo(Status.DOWN);
		Health standby = new ImapHealth(() -> reads, () -> new nl.klachten.mailbox.PendingFilings.State(4,
				NOW.minusSeconds(60), 3, "CommandFailedException"), SETTINGS, () -> false, () -> true)
			.health();
		assertThat(standby.getStatus()).as("another process on the register reads the inbox (issue 16)")
			.isEqualTo(Status.UP);
		assertThat(standby.getDetails()).containsEntry("role", "standby");
		Health cutOff = new ImapHealth(() -> reads,
				() -> new nl.klachten.mailbox.PendingFilings.State(0, null, 0, null), SETTINGS, () -> false,
				() -> false)
			.health();
		assertThat(cutOff.getStatus()).as("a standby that cannot check the lead would never take over")
			.isEqualTo(Status.DOWN);
		assertThat(imap(0, Duration.ofSeconds(5)).getDetails()).doesNotContainKey("mailsWaitingToBeFiled");
	}

	@Test
	void shouldReportSmtpDownWhenAMailWaitedOverAnHour() {
		assertThat(smtp(NOW.minus(Duration.ofMinutes(59))).getStatus()).isEqualTo(Status.UP);
		Health late = smtp(NOW.minus(Duration.ofMinutes(61)));
		assertThat(late.getStatus()).isEqualTo(Status.DOWN);
		assertThat(late.getDetails()).containsEntry("outboxDepth", 2L)
			.containsEntry("oldestWaitingSeconds", 61 * 60L)
			.containsEntry("failedRecipients", 1L);
	}

	@Test
	void shouldReportSmtpUpWhenNothingWaits() {
		Health health = new SmtpHealth(() -> new Vitals.OutboxFigures(0, null, 0, null), SETTINGS, CLOCK).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("lastSent", "none").containsEntry("oldestWaitingSeconds", 0L);
	}

	/**
	 * Issue 13: an unreachable SMTP server with mail waiting is DOWN at once, with since
	 * when and the next try.
	 */
	@Test
	void shouldReportSmtpDownWhileTheServerCannotBeReachedAndMailWaits() {
		SmtpServerState.Figures down = new SmtpServerState.Figures(NOW.minusSeconds(60), NOW.plusSeconds(20), 3);
		Health health = new SmtpHealth(() -> new Vitals.OutboxFigures(2, NOW.minusSeconds(60), 0, null), () -> down,
				SETTINGS, CLOCK)
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("server", "unreachable")
			.containsEntry("unreachableSince", NOW.minusSeconds(60).toString())
			.containsEntry("nextTry", NOW.plusSeconds(20).toString())
			.containsEntry("failedTries", 3);
		Health idle = new SmtpHealth(() -> new Vitals.OutboxFigures(0, null, 0, null), () -> down, SETTINGS, CLOCK)
			.health();
		assertThat(idle.getStatus()).as("nothing waits for it").isEqualTo(Status.UP);
	}

	@Test
	void shouldReportDigestDownWhenTodaysIsLateByOverAnHour() {
		assertThat(digest(Optional.of(NOW.minus(Duration.ofMinutes(59)))).getStatus()).isEqualTo(Status.UP);
		Health late = digest(Optional.of(NOW.minus(Duration.ofMinutes(90))));
		assertThat(late.getStatus()).isEqualTo(Status.DOWN);
		assertThat(late.getDetails()).containsEntry("lastSentDay", "2026-11-30")
			.containsEntry("dueSince", "2026-12-01T08:00:00Z");
	}

	@Test
	void shouldReportDigestUpWhenTodaysWentOrIsNotDue() {
		assertThat(digest(Optional.empty()).getStatus()).isEqualTo(Status.UP);
	}

	private static Health imap(int failures, Duration sinceSuccess) {
		InboxReader.Reads reads = new InboxReader.Reads(NOW.minus(sinceSuccess), sinceSuccess.toNanos(), failures,
				failures == 0 ? null : "ConnectException");
		return new ImapHealth(() -> reads, SETTINGS).health();
	}

	private static Health smtp(Instant oldestWaiting) {
		return new SmtpHealth(() -> new Vitals.OutboxFigures(2, oldestWaiting, 1, NOW.minusSeconds(30)), SETTINGS,
				CLOCK)
			.health();
	}

	private static Health digest(Optional<Instant> dueSince) {
		return new DigestHealth(() -> dueSince, () -> Optional.of(LocalDate.parse("2026-11-30")), SETTINGS, CLOCK)
			.health();
	}

}
