package nl.klachten.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import nl.klachten.mailbox.InboxReader;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The inbox: DOWN after {@code imap-failures} failed reads in a row, or when nothing was read for
 * {@code imap-stale} (the inbox is looked at every poll interval, so silence means the poller is
 * stuck). Details: the time of the last successful read, the failures since and the last error's
 * class; no host, no user name.
 */
class ImapHealth implements HealthIndicator {

	private final Supplier<InboxReader.Reads> reads;

	private final HealthSettings settings;

	ImapHealth(Supplier<InboxReader.Reads> reads, HealthSettings settings) {
		this.reads = reads;
		this.settings = settings;
	}

	@Override
	public Health health() {
		InboxReader.Reads reads = this.reads.get();
		boolean stale = reads.nanosSinceSuccess() > this.settings.imapStale().toNanos();
		boolean failing = reads.failuresInRow() >= this.settings.imapFailures();
		Health.Builder health = (stale || failing) ? Health.down() : Health.up();
		health.withDetail("lastSuccessfulRead", reads.lastSuccess() == null ? "none" : reads.lastSuccess().toString())
			.withDetail("secondsSinceSuccessfulRead", Duration.ofNanos(reads.nanosSinceSuccess()).toSeconds())
			.withDetail("failedReadsInRow", reads.failuresInRow());
		if (reads.lastError() != null) {
			health.withDetail("lastError", reads.lastError());
		}
		return health.build();
	}

}
