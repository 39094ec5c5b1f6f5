package nl.klachten.metrics;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import nl.klachten.mailbox.InboxReader;
import nl.klachten.mailbox.PendingFilings;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The inbox: DOWN after {@code imap-failures} failed reads in a row, or when nothing was
 * read for {@code imap-stale} (the inbox is looked at every poll interval, so silence
 * means the poller is stuck), or after {@code imap-failures} failed filings in a row
 * (mail is still read, but it stays in the inbox). Details: the time of the last
 * successful read, the failures since and the last error's class, and while mail waits to
 * be filed how many, since when and the last filing error's class; no host, no user name.
 * A process that stands by while another on the register leads the mailbox is UP with the
 * role {@code standby}, or DOWN when it has not been able to check the lead for 30 s.
 */
class ImapHealth implements HealthIndicator {

	private final Supplier<InboxReader.Reads> reads;

	private final Supplier<PendingFilings.State> filings;

	private final HealthSettings settings;

	private final BooleanSupplier leads;

	private final BooleanSupplier checking;

	ImapHealth(Supplier<InboxReader.Reads> reads, HealthSettings settings) {
		this(reads, () -> new PendingFilings.State(0, null, 0, null), settings, () -> true, () -> true);
	}

	ImapHealth(Supplier<InboxReader.Reads> reads, Supplier<PendingFilings.State> filings, HealthSettings settings,
			BooleanSupplier leads, BooleanSupplier checking) {
		this.checking = checking;
		this.reads = reads;
		this.filings = filings;
		this.settings = settings;
		this.leads = leads;
	}

	@Override
	public Health health() {
		if (!this.leads.getAsBoolean()) {
			// another process on the register reads the inbox (issue 16): this one waits
			// DOWN when it cannot even check the lead: it would never take over
			return (this.checking.getAsBoolean() ? Health.up() : Health.down()).withDetail("role", "standby")
				.withDetail("checksTheLead", this.checking.getAsBoolean())
				.build();
		}
		InboxReader.Reads reads = this.reads.get();
		boolean stale = reads.nanosSinceSuccess() > this.settings.imapStale().toNanos();
		boolean failing = reads.failuresInRow() >= this.settings.imapFailures();
		PendingFilings.State filings = this.filings.get();
		boolean notFiling = filings.failuresInRow() >= this.settings.imapFailures();
		Health.Builder health = (stale || failing || notFiling) ? Health.down() : Health.up();
		health.withDetail("lastSuccessfulRead", reads.lastSuccess() == null ? "none" : reads.lastSuccess().toString())
			.withDetail("secondsSinceSuccessfulRead", Duration.ofNanos(reads.nanosSinceSuccess()).toSeconds())
			.withDetail("failedReadsInRow", reads.failuresInRow());
		if (reads.lastError() != null) {
			health.withDetail("lastError", reads.lastError());
		}
		if (filings.waiting() > 0) {
			health.withDetail("mailsWaitingToBeFiled", filings.waiting())
				.withDetail("filingFailingSince", String.valueOf(filings.since()))
				.withDetail("failedFilingsInRow", filings.failuresInRow())
				.withDetail("lastFilingError", String.valueOf(filings.lastError()));
		}
		return health.build();
	}

}
