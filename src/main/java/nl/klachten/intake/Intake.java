package nl.klachten.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.klachten.commands.CommandDesk;
import nl.klachten.commands.CommandMail;
import nl.klachten.committee.Ascii;
import nl.klachten.committee.EventCounter;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.TermsSettings;
import nl.klachten.mailbox.FetchedMail;
import nl.klachten.mailbox.Filing;
import nl.klachten.mailbox.MailBatch;
import nl.klachten.register.Correspondence;
import nl.klachten.register.DataFiles;
import nl.klachten.register.InboundLog;
import nl.klachten.register.InboundRecord;
import nl.klachten.register.InboundRecord.Outcome;
import nl.klachten.register.Outbox;
import nl.klachten.register.RegisterFaults;
import nl.klachten.register.RegisteredComplaint;
import nl.klachten.threading.MailThread;
import nl.klachten.threading.Party;
import nl.klachten.threading.ReplyText;
import nl.klachten.threading.ThreadClues;
import nl.klachten.threading.ThreadResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of fetched mail into the register and says where each mail is to be filed. Every
 * mail ends in exactly one of: a case, the ignored list, or quarantine, with its raw bytes kept
 * (CONTRACT §4). Each mail is a transaction of its own: its raw bytes are stored and it is parsed
 * before the transaction begins, so SQLite's write lock is held only for the mail's routing writes
 * and an admin command or the outbox sender never waits for a whole batch. A mail that fails
 * unexpectedly (any {@link Throwable}, a {@link StackOverflowError} or {@link OutOfMemoryError}
 * included) is rolled back alone, counted, left in the inbox to be tried again, and after
 * {@code max-attempts} tries quarantined, so it never blocks the mails behind it. A mail over
 * {@link MailLimits} or its time budget is quarantined at once. A fault of the register's machine
 * ({@link RegisterFaults}: the lock held past the busy timeout, a full disk) is no mail's failure:
 * the batch stops there, the mails taken so far are filed, the rest stay in the inbox, and the
 * intake pauses ({@link IntakePause}) before it reads again.
 * <p>
 * "The same mail" is the same Message-ID from the same sender with the same content
 * ({@link ContentDigest}): read again, it is only filed; a different mail that reuses a Message-ID
 * (read before, or one of the processor's own) is routed on its own merits under a key of its own
 * and the chair is told ({@link ReusedMessageIdNotice}).
 */
@Component
public class Intake {

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	private final ParseWorker parser;

	private final AttemptCounter attempts;

	private final DataFiles files;

	private final InboundLog inbound;

	private final Outbox outbox;

	private final Correspondence correspondence;

	private final ThreadResolver threads;

	private final ComplaintRegistrar registrar;

	private final FollowUps followUps;

	private final CommandDesk commandDesk;

	private final CommitteeSettings committee;

	private final TermsSettings terms;

	private final IntakeSettings settings;

	private final Clock clock;

	private final TransactionTemplate mailTransaction;

	private final EventCounter counter;

	private final IntakePause pause;

	private final ReusedMessageIdNotice reuse;

	Intake(ParseWorker parser, AttemptCounter attempts, DataFiles files, InboundLog inbound, Outbox outbox, Correspondence correspondence,
			ThreadResolver threads, ComplaintRegistrar registrar, FollowUps followUps, CommandDesk commandDesk,
			CommitteeSettings committee, TermsSettings terms, IntakeSettings settings, Clock clock,
			PlatformTransactionManager transactions, EventCounter counter, IntakePause pause,
			ReusedMessageIdNotice reuse) {
		this.counter = counter;
		this.pause = pause;
		this.reuse = reuse;
		this.parser = parser;
		this.attempts = attempts;
		this.files = files;
		this.inbound = inbound;
		this.outbox = outbox;
		this.correspondence = correspondence;
		this.threads = threads;
		this.registrar = registrar;
		this.followUps = followUps;
		this.commandDesk = commandDesk;
		this.committee = committee;
		this.terms = terms;
		this.settings = settings;
		this.clock = clock;
		this.mailTransaction = new TransactionTemplate(transactions);
	}

	/** False while the intake pauses after a fault of the register's machine: do not read the inbox now. */
	public boolean ready() {
		return this.pause.ready();
	}

	public Filing take(MailBatch batch) {
		Map<Long, Filing.Destination> destinations = new LinkedHashMap<>();
		int read = 0;
		boolean stopped = false;
		try (AttemptCounter.Batch attempts = this.attempts.startBatch()) {
			for (FetchedMail mail : batch.mails()) {
				try {
					Optional<Filing.Destination> filed = mail.bodyMissing()
							? Optional.of(withoutBody(mail, batch.uidValidity())) : takeOne(mail, attempts);
					filed.ifPresent((destination) -> destinations.put(mail.uid(), destination));
				}
				catch (RuntimeException ex) {
					if (!RegisterFaults.isMachine(ex)) {
						throw ex;
					}
					this.pause.failed(ex);
					stopped = true;
					break;
				}
				read++;
			}
		}
		if (!stopped) {
			this.pause.succeeded();
		}
		this.counter.mailsRead(read);
		log.info("Intake batch: {} read, {} filed{}", read, destinations.size(),
				stopped ? ", " + (batch.mails().size() - read) + " left in the inbox" : "");
		return new Filing(destinations, batch.uidValidity());
	}

	/**
	 * A mail the server sent without its body (BODY[] missing or NIL): quarantined with reason
	 * {@code no-body} and what the server gave (nothing), never skipped. There is no content to key
	 * it by, so its key is its place in the inbox (UIDVALIDITY and UID), which a re-read finds again.
	 */
	private Filing.Destination withoutBody(FetchedMail read, long uidValidity) {
		FetchedMail fetched = withReceipt(read);
		return settleOnce("no-body:" + uidValidity + ":" + read.uid(), null, this.files.storeMail(fetched.raw()),
				fetched, Outcome.QUARANTINED, "no-body", null);
	}

	/**
	 * One mail: stored, parsed under its time budget on a worker ({@link ParseWorker}), then routed in
	 * its own transaction on this thread, where the rest of the budget is checked as work done
	 * ({@link WorkTime}). Whatever the parse or the route throws is this mail's failure alone, but
	 * for a fault of the register's machine, which goes up to {@link #take}.
	 */
	private Optional<Filing.Destination> takeOne(FetchedMail read, AttemptCounter.Batch attempts) {
		FetchedMail fetched = withReceipt(read);
		DataFiles.Stored raw = fetched.oversize() ? this.files.storeMail(fetched.spool())
				: this.files.storeMail(fetched.raw());
		String rawKey = "sha:" + raw.sha256();
		if (fetched.oversize()) {
			return Optional.of(settleOnce(rawKey, null, raw, fetched, Outcome.QUARANTINED, "oversize", null));
		}
		long started = System.nanoTime();
		ParseResult parsed;
		try {
			parsed = this.parser.parse(fetched.raw(), this.settings.maxMailTime());
		}
		catch (Throwable ex) {
			return failed(rawKey, null, raw, fetched, null, ex, attempts);
		}
		if (parsed instanceof ParseResult.Unparseable unparseable) {
			return Optional.of(settleOnce(rawKey, null, raw, fetched, Outcome.QUARANTINED, unparseable.reason(), null));
		}
		InboundMail mail = ((ParseResult.Parsed) parsed).mail();
		String digest = ContentDigest.of(mail, fetched.raw());
		Identity identity = identify(mail, rawKey, digest);
		if (identity.known() != null) {
			return Optional.of(destination(identity.known()));
		}
		String key = identity.key();
		long budget = this.settings.maxMailTime().toNanos() - (System.nanoTime() - started);
		try {
			return Optional.of(this.mailTransaction.execute((status) -> {
				long before = WorkTime.nanos();
				Filing.Destination destination = route(key, mail, raw, fetched, digest);
				if (identity.reused()) {
					this.reuse.tell(mail.messageId(), false);
				}
				if (WorkTime.nanos() - before > budget) {
					throw new TimeLimitExceeded();
				}
				return destination;
			}));
		}
		catch (Throwable ex) {
			return failed(key, mail, raw, fetched, digest, ex, attempts);
		}
	}

	/**
	 * What a parsed mail is to the register: the same mail as one read before ({@code known}: its
	 * outcome), or a mail to take under {@code key}, {@code reused} when another mail was read under
	 * its Message-ID. Same means the same content digest, or a row read before digests were kept
	 * (it matches any mail with its Message-ID, so a re-read right after the upgrade still dedupes).
	 * A mail without a Message-ID is keyed by its digest; the raw hash it was keyed by before is
	 * looked up too.
	 */
	private record Identity(Outcome known, String key, boolean reused) {
	}

	private Identity identify(InboundMail mail, String rawKey, String digest) {
		if (mail.messageId() == null) {
			String key = "sha:" + digest;
			Optional<Outcome> known = this.inbound.outcomeOf(rawKey).or(() -> this.inbound.outcomeOf(key));
			return new Identity(known.orElse(null), key, false);
		}
		List<InboundRecord.Seen> seen = this.inbound.withMessageId(mail.messageId());
		for (InboundRecord.Seen earlier : seen) {
			if (earlier.contentDigest() == null || earlier.contentDigest().equals(digest)) {
				return new Identity(earlier.outcome(), earlier.dedupeKey(), false);
			}
		}
		String key = "mid:" + mail.messageId();
		return seen.isEmpty() ? new Identity(null, key, false) : new Identity(null, key + "#" + digest, true);
	}

	/**
	 * A mail whose parse or route failed: over its time budget it is quarantined at once; otherwise
	 * it stays in the inbox for another try until {@code max-attempts}. A failure that is not the
	 * mail's ({@link AttemptCounter#rethrowIfNotTheMails}) goes on up and fails the batch.
	 */
	private Optional<Filing.Destination> failed(String key, InboundMail mail, DataFiles.Stored raw, FetchedMail fetched,
			String digest, Throwable ex, AttemptCounter.Batch attempts) {
		AttemptCounter.rethrowIfNotTheMails(ex);
		if (ex instanceof RuntimeException runtime && RegisterFaults.isMachine(runtime)) {
			throw runtime;
		}
		if (ex instanceof TimeLimitExceeded) {
			return Optional.of(settleOnce(key, mail, raw, fetched, Outcome.QUARANTINED, "time-limit", digest));
		}
		String error = ex.getClass().getSimpleName();
		int attempt = attempts.failed(key, error);
		log.warn("Processing mail {} failed ({}), try {} of {}", OperatorEvents.hash(key), error, attempt,
				this.settings.maxAttempts());
		if (attempt < this.settings.maxAttempts()) {
			return Optional.empty();
		}
		return Optional.of(settleOnce(key, mail, raw, fetched, Outcome.QUARANTINED, "processing-failed:" + error,
				digest));
	}

	/**
	 * A mail settled outside its routing (oversize, unparseable, failed), in a transaction of its
	 * own, unless it was settled before under that key (read again after a crash before filing). A
	 * quarantined mail that reused a Message-ID is told to the chair as a routed one would be.
	 */
	private Filing.Destination settleOnce(String key, InboundMail mail, DataFiles.Stored raw, FetchedMail fetched,
			Outcome outcome, String reason, String digest) {
		return inTransaction(() -> this.inbound.outcomeOf(key).map(Intake::destination).orElseGet(() -> {
			Filing.Destination destination = settle(key, mail, raw, fetched, null, outcome, reason, digest);
			if (mail != null && digest != null && key.equals("mid:" + mail.messageId() + "#" + digest)) {
				this.reuse.tell(mail.messageId(), false);
			}
			return destination;
		}));
	}

	private Filing.Destination inTransaction(java.util.function.Supplier<Filing.Destination> work) {
		return this.mailTransaction.execute((status) -> work.get());
	}

	/**
	 * The processor's own mail read back is ignored; a mail that only carries one of its Message-IDs
	 * (another sender, another body) is routed on its merits and the chair is told.
	 */
	private Filing.Destination route(String key, InboundMail mail, DataFiles.Stored raw, FetchedMail fetched,
			String digest) {
		Optional<Outbox.Written> own = this.outbox.written(mail.messageId());
		if (own.isPresent() && isOurs(own.get(), mail, fetched.raw())) {
			return settle(key, mail, raw, fetched, null, Outcome.IGNORED, "own-mail", digest);
		}
		Filing.Destination destination = routeOnMerits(key, mail, raw, fetched, digest);
		if (own.isPresent()) {
			log.warn("Mail {} carries one of our Message-IDs but is not our mail", OperatorEvents.hash(key));
			this.reuse.tell(mail.messageId(), true);
		}
		return destination;
	}

	/** Our mail: from the address we sent it from, with the body we wrote (trace headers aside). */
	private static boolean isOurs(Outbox.Written written, InboundMail mail, byte[] raw) {
		return mail.strictSender().filter((sender) -> Ascii.equalsIgnoreCase(sender, written.sender())).isPresent()
				&& Arrays.equals(ContentDigest.body(raw), ContentDigest.body(written.raw()));
	}

	private Filing.Destination routeOnMerits(String key, InboundMail mail, DataFiles.Stored raw, FetchedMail fetched,
			String digest) {
		Optional<String> ignored = IgnoreRules.reason(mail);
		if (ignored.isPresent()) {
			return settle(key, mail, raw, fetched, null, Outcome.IGNORED, ignored.get(), digest);
		}
		String newText = ReplyText.split(mail.text()).newText();
		MailThread thread = this.threads.resolve(new ThreadClues(mail.strictSender().orElse(""), mail.references(),
				mail.subject(), mail.text()));
		if (thread instanceof MailThread.Joined joined) {
			if (isCommand(joined.party(), newText)) {
				return command(key, mail, raw, fetched, joined.complaint(), joined.party().letterKind(), newText, digest);
			}
			long complaintId = joined.complaint().id();
			long inboundId = record(key, mail, raw, fetched, complaintId, Outcome.CASE, "correspondence", digest);
			addLetter(mail, fetched, complaintId, inboundId, joined.party().letterKind(), newText);
			this.followUps.handle(joined, mail, newText);
			return Filing.Destination.PROCESSED;
		}
		if (isOfficial(mail) && (CommandDesk.startsWithKeyword(newText) || (CommandDesk.startsLikeCommand(newText)
				&& mail.strictSender().filter(this.committee::isCommittee).isPresent()))) {
			return command(key, mail, raw, fetched, null, officialKind(mail.strictSender().orElseThrow()), newText,
					digest);
		}
		if (mail.strictSender().filter(this.committee::isOwnDomain).isPresent()) {
			return settle(key, mail, raw, fetched, null, Outcome.IGNORED, "own-domain", digest);
		}
		RegisteredComplaint possibleLink = thread instanceof MailThread.Foreign foreign ? foreign.referenced() : null;
		boolean acknowledge = withinRateLimit(mail, fetched.receivedAt());
		String reason = mail.strictSender().isEmpty() ? "new-complaint-unanswerable-sender"
				: acknowledge ? "new-complaint" : "new-complaint-rate-limited";
		ComplaintRegistrar.Registration registration = this.registrar.register(mail, fetched.receivedAt());
		RegisteredComplaint complaint = registration.complaint();
		long inboundId = record(key, mail, raw, fetched, complaint.id(), Outcome.CASE, reason, digest);
		addLetter(mail, fetched, complaint.id(), inboundId, "complaint", newText);
		this.registrar.announce(registration, mail, acknowledge, possibleLink);
		OperatorEvents.registered(complaint.reference().toString(), key);
		this.counter.caseRegistered();
		return Filing.Destination.PROCESSED;
	}

	/**
	 * The receipt time is the server's, but never later than the processor's clock: a server whose
	 * clock runs ahead (or gave no date) cannot move a submission into the future.
	 */
	private FetchedMail withReceipt(FetchedMail fetched) {
		Instant now = this.clock.instant();
		if (fetched.receivedAt() != null && !fetched.receivedAt().isAfter(now)) {
			return fetched;
		}
		return new FetchedMail(fetched.uid(), now, fetched.size(), fetched.raw(), fetched.spool(),
				fetched.bodyMissing());
	}

	/**
	 * A command mail: filed on the case the commands apply to only when they are accepted; a
	 * refused or untrusted one is kept in the ignored list (linked to the case it named), so its
	 * Message-ID never becomes a way into a case's thread (CONTRACT §5). A mail about several
	 * cases (reference lines in a reply to the digest) is read once and filed on each case with
	 * that case's part only, without its attachments.
	 */
	private Filing.Destination command(String key, InboundMail mail, DataFiles.Stored raw, FetchedMail fetched,
			RegisteredComplaint named, String kind, String newText, String digest) {
		long[] inboundId = { -1 };
		CommandDesk.Outcome outcome = this.commandDesk.handle(commandMail(mail, newText), named, (complaint, part) -> {
			if (complaint == null) {
				return;
			}
			if (inboundId[0] < 0) {
				inboundId[0] = record(key, mail, raw, fetched, complaint.id(), Outcome.CASE, "command", digest);
			}
			if (part == null) {
				addLetter(mail, fetched, complaint.id(), inboundId[0], kind, newText);
			}
			else {
				// one case's lines of a mail about several: the other cases' lines are not this case's file
				this.correspondence.add(new Correspondence.Letter(complaint.id(), Correspondence.Direction.IN,
						zoned(fetched.receivedAt()), mail.senderAddress(), String.join(", ", mail.to()), mail.subject(),
						mail.messageId(), kind, part, part, inboundId[0], null), List.of());
			}
		});
		this.counter.command(outcome.refused());
		if (inboundId[0] < 0) {
			settle(key, mail, raw, fetched, outcome.complaint() == null ? null : outcome.complaint().id(),
					Outcome.IGNORED, outcome.refused() ? "command-refused" : "command", digest);
		}
		return Filing.Destination.PROCESSED;
	}

	private String officialKind(String address) {
		if (this.committee.isCommittee(address)) {
			return Party.COMMITTEE.letterKind();
		}
		return this.committee.isManagement(address) ? Party.MANAGEMENT.letterKind() : Party.APPEALS.letterKind();
	}

	/** Every committee mail on a case is a command mail; management and appeals only when it starts with one. */
	private static boolean isCommand(Party party, String newText) {
		return party == Party.COMMITTEE
				|| ((party == Party.MANAGEMENT || party == Party.APPEALS) && CommandDesk.startsWithKeyword(newText));
	}

	private static CommandMail commandMail(InboundMail mail, String newText) {
		return new CommandMail(mail.strictSender().orElse(""), mail.messageId(), mail.references(), mail.subject(), newText,
				mail.headers()
					.placed("Authentication-Results", "Received")
					.stream()
					.map((ar) -> new CommandMail.Stamp(ar.value(), ar.below()))
					.toList());
	}

	/** Committee, management or appeals: only a sender read strictly can be (CONTRACT §5). */
	private boolean isOfficial(InboundMail mail) {
		return mail.strictSender().filter(this.committee::isOfficial).isPresent();
	}

	private boolean withinRateLimit(InboundMail mail, Instant receivedAt) {
		if (isOfficial(mail)) {
			return true;
		}
		Instant since = receivedAt.minus(Duration.ofHours(1));
		return this.inbound.countFrom(mail.senderAddress(), since) < this.settings.rateLimitPerHour();
	}

	private void addLetter(InboundMail mail, FetchedMail fetched, long complaintId, long inboundId, String kind,
			String newText) {
		List<Correspondence.StoredAttachment> attachments = mail.attachments()
			.stream()
			.map((a) -> new Correspondence.StoredAttachment(a.fileName(), a.contentType(),
					this.files.storeAttachment(a.content())))
			.toList();
		this.correspondence.add(new Correspondence.Letter(complaintId, Correspondence.Direction.IN, zoned(fetched.receivedAt()),
				mail.senderAddress(), String.join(", ", mail.to()), mail.subject(), mail.messageId(), kind, mail.text(),
				newText, inboundId, null), attachments);
	}

	private Filing.Destination settle(String key, InboundMail mail, DataFiles.Stored raw, FetchedMail fetched,
			Long complaintId, Outcome outcome, String reason, String digest) {
		record(key, mail, raw, fetched, complaintId, outcome, reason, digest);
		if (outcome == Outcome.IGNORED) {
			this.counter.ignored(reason);
		}
		else if (outcome == Outcome.QUARANTINED) {
			this.counter.quarantined(reason);
		}
		if (outcome != Outcome.CASE) {
			log.info("Mail {} {}: {}", OperatorEvents.hash(key), outcome.column(), reason);
		}
		return destination(outcome);
	}

	private long record(String key, InboundMail mail, DataFiles.Stored raw, FetchedMail fetched, Long complaintId,
			Outcome outcome, String reason, String digest) {
		return this.inbound.record(new InboundRecord(key, mail == null ? null : mail.messageId(), raw,
				zoned(fetched.receivedAt()), zoned(this.clock.instant()), mail == null ? null : mail.senderAddress(),
				mail == null ? null : mail.subject(), outcome, reason, complaintId, digest));
	}

	private static Filing.Destination destination(Outcome outcome) {
		return outcome == Outcome.QUARANTINED ? Filing.Destination.QUARANTINE : Filing.Destination.PROCESSED;
	}

	private OffsetDateTime zoned(Instant instant) {
		return instant.atZone(this.terms.zone()).toOffsetDateTime();
	}

}
