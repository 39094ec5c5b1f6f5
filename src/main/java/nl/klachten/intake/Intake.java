package nl.klachten.intake;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import nl.klachten.committee.EventCounter;
import nl.klachten.mailbox.FetchedMail;
import nl.klachten.mailbox.Filing;
import nl.klachten.mailbox.MailBatch;
import nl.klachten.register.DataFiles;
import nl.klachten.register.RegisterFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of fetched mail into the register and says where each mail is to be
 * filed. Every mail ends in exactly one of: a case, the ignored list, or quarantine, with
 * its raw bytes kept (CONTRACT §4). The batch's raw bytes are stored first
 * ({@link RawFirst}); then each mail is parsed and is a transaction of its own, so
 * SQLite's write lock is held only for the mail's routing writes. A mail that fails
 * unexpectedly (any {@link Throwable}, {@link StackOverflowError} and
 * {@link OutOfMemoryError} included) is rolled back alone, counted, left in the inbox to
 * be tried again, and after {@code max-attempts} tries quarantined, so it never blocks
 * the mails behind it. A mail over {@link MailLimits} or its time budget is quarantined
 * at once. A fault of the register's machine ({@link RegisterFaults}: a full disk, the
 * lock held too long) stops the batch: the rest stay in the inbox, the intake pauses
 * ({@link IntakePause}). A mail read again is only filed ({@link Dedupe}); one reusing a
 * Message-ID is routed on its own and the chair told ({@link ReusedMessageIdNotice}).
 * {@link MailRoutes} decides where a mail goes, {@link RouteEffects} applies it.
 */
@Component
public class Intake {

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	private final ParseWorker parser;

	private final AttemptCounter attempts;

	private final DataFiles files;

	private final Dedupe dedupe;

	private final MailRouting routing;

	private final Quarantine quarantine;

	private final IntakeSettings settings;

	private final Clock clock;

	private final TransactionTemplate mailTransaction;

	private final EventCounter counter;

	private final IntakePause pause;

	Intake(ParseWorker parser, AttemptCounter attempts, DataFiles files, Dedupe dedupe, MailRouting routing,
			Quarantine quarantine, IntakeSettings settings, Clock clock, PlatformTransactionManager transactions,
			EventCounter counter, IntakePause pause) {
		this.parser = parser;
		this.attempts = attempts;
		this.files = files;
		this.dedupe = dedupe;
		this.routing = routing;
		this.quarantine = quarantine;
		this.settings = settings;
		this.clock = clock;
		this.mailTransaction = new TransactionTemplate(transactions);
		this.counter = counter;
		this.pause = pause;
	}

	/** False while the intake pauses after a fault of the register's machine. */
	public boolean ready() {
		return this.pause.ready();
	}

	public Filing take(MailBatch batch) {
		Map<Long, Filing.Destination> destinations = new LinkedHashMap<>();
		int read = takeAll(batch, destinations);
		boolean stopped = read < batch.mails().size();
		if (!stopped) {
			this.pause.succeeded();
		}
		this.counter.mailsRead(read);
		log.info("Intake batch: {} read, {} filed{}", read, destinations.size(),
				stopped ? ", " + (batch.mails().size() - read) + " left in the inbox" : "");
		return new Filing(destinations, batch.uidValidity());
	}

	/**
	 * Takes the batch's mails in order, until a fault of the register's machine, which
	 * pauses the intake and leaves the rest in the inbox. Returns how many mails were
	 * read.
	 */
	private int takeAll(MailBatch batch, Map<Long, Filing.Destination> destinations) {
		int read = 0;
		Map<FetchedMail, DataFiles.Stored> raws = null;
		try (AttemptCounter.Batch attempts = this.attempts.startBatch()) {
			for (FetchedMail mail : batch.mails()) {
				try {
					if (raws == null) {
						raws = RawFirst.store(this.files, batch.mails());
					}
					Optional<Filing.Destination> filed = mail.bodyMissing()
							? Optional.of(withoutBody(mail, batch.uidValidity()))
							: takeOne(mail, raws.get(mail), attempts);
					filed.ifPresent((destination) -> destinations.put(mail.uid(), destination));
				}
				catch (RuntimeException ex) {
					if (!RegisterFaults.isMachine(ex)) {
						throw ex;
					}
					this.pause.failed(ex);
					return read;
				}
				read++;
			}
		}
		return read;
	}

	/**
	 * A mail the server sent without its body (BODY[] missing or NIL): quarantined with
	 * reason {@code no-body} and what the server gave (nothing), never skipped. There is
	 * no content to key it by, so its key is its place in the inbox (UIDVALIDITY and
	 * UID), which a re-read finds again.
	 */
	private Filing.Destination withoutBody(FetchedMail read, long uidValidity) {
		FetchedMail fetched = ReceiptTime.clamp(read, this.clock.instant());
		return this.quarantine.once(new MailEntry("no-body:" + uidValidity + ":" + read.uid(), null,
				this.files.storeMail(fetched.raw()), fetched, null), "no-body");
	}

	/**
	 * One mail: stored, then parsed under its time budget on a worker
	 * ({@link ParseWorker}). Whatever the parse throws is this mail's failure alone, but
	 * for a fault of the register's machine, which goes up to {@link #take}.
	 */
	private Optional<Filing.Destination> takeOne(FetchedMail read, DataFiles.Stored kept,
			AttemptCounter.Batch attempts) {
		FetchedMail fetched = ReceiptTime.clamp(read, this.clock.instant());
		DataFiles.Stored raw = kept != null ? kept
				: fetched.oversize() ? this.files.storeMail(fetched.spool()) : this.files.storeMail(fetched.raw());
		MailEntry stored = new MailEntry("sha:" + raw.sha256(), null, raw, fetched, null);
		if (fetched.oversize()) {
			return Optional.of(this.quarantine.once(stored, "oversize"));
		}
		long started = System.nanoTime();
		ParseResult parsed;
		try {
			parsed = this.parser.parse(fetched.raw(), this.settings.maxMailTime());
		}
		catch (Throwable ex) {
			return this.quarantine.failed(stored, ex, attempts);
		}
		if (parsed instanceof ParseResult.Unparseable unparseable) {
			return Optional.of(this.quarantine.once(stored, unparseable.reason()));
		}
		return routeParsed(stored, ((ParseResult.Parsed) parsed).mail(), started, attempts);
	}

	/**
	 * A parsed mail: only filed when it was read before ({@link Dedupe}), else routed in
	 * its own transaction on this thread, where the rest of its time budget (counted from
	 * {@code started}) is checked as work done ({@link WorkTime}). Whatever the route
	 * throws is this mail's failure.
	 */
	private Optional<Filing.Destination> routeParsed(MailEntry stored, InboundMail mail, long started,
			AttemptCounter.Batch attempts) {
		String digest = ContentDigest.of(mail, stored.fetched().raw());
		Dedupe.Identity identity = this.dedupe.identify(mail, stored.key(), digest);
		if (identity.known() != null) {
			return Optional.of(InboundRecorder.destination(identity.known()));
		}
		MailEntry entry = new MailEntry(identity.key(), mail, stored.raw(), stored.fetched(), digest);
		long budget = this.settings.maxMailTime().toNanos() - (System.nanoTime() - started);
		try {
			return Optional.of(this.mailTransaction.execute((status) -> {
				long before = WorkTime.nanos();
				Filing.Destination destination = this.routing.route(entry, identity.reused());
				if (WorkTime.nanos() - before > budget) {
					throw new TimeLimitExceeded();
				}
				return destination;
			}));
		}
		catch (Throwable ex) {
			return this.quarantine.failed(entry, ex, attempts);
		}
	}

}
