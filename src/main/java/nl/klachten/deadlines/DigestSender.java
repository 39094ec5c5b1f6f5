package nl.klachten.deadlines;

import nl.klachten.committee.DeadlinePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.MessageId;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.ComposedMail;
import nl.klachten.outbound.Letter;
import nl.klachten.outbound.MailComposer;
import nl.klachten.commands.DigestRequests;
import nl.klachten.mailbox.InboxReader;
import nl.klachten.mailbox.MailboxSettings;
import nl.klachten.mailbox.PendingFilings;
import nl.klachten.register.DigestData;
import nl.klachten.register.RegisterCreation;
import nl.klachten.register.SentMail;
import nl.klachten.register.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the daily digest (D7) and queues it in the outbox for the chair (and the members
 * when {@code complaints.digest.members=true}). The scheduled digest goes once a day,
 * when the clock says its time has come (see {@link #sendIfDue()}): the day is recorded
 * in {@code digest_run} in the same transaction as the outbox row. OVERZICHT and
 * {@code digest} send on demand, whatever went before. What goes in it is
 * {@link DigestAssembler}'s, how the template sees it {@link DigestView}'s.
 */
@Component
public class DigestSender implements DigestRequests {

	private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

	static final String PURPOSE = "daily-digest";

	private final DigestData data;

	private final DigestAssembler assembler;

	private final CaseMailer mailer;

	private final MailComposer composer;

	private final CommitteeSettings committee;

	private final DigestSettings settings;

	private final TransactionTemplate transaction;

	private final RegisterCreation register;

	private final SentMail sentMail;

	private final DailySchedule schedule;

	private final UnfiledMail unfiled;

	private final Clock clock;

	DigestSender(DigestData data, Retention retention, DeadlinePolicy policy, CaseMailer mailer, MailComposer composer,
			CommitteeSettings committee, DigestSettings settings, RegisterCreation register, SentMail sentMail,
			PlatformTransactionManager transactions, Clock clock) {
		this.sentMail = sentMail;
		this.data = data;
		this.assembler = new DigestAssembler(data, retention, policy, settings.zone(), clock);
		this.mailer = mailer;
		this.composer = composer;
		this.committee = committee;
		this.settings = settings;
		this.register = register;
		this.schedule = new DailySchedule(settings.cron(), settings.zone());
		this.unfiled = new UnfiledMail(settings.zone());
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Today in the digest's zone. */
	@Override
	public LocalDate today() {
		return this.schedule.day(this.clock.instant());
	}

	/** The scheduled digest, queued once for {@code day}; empty when it already went. */
	public Optional<String> sendIfDue(LocalDate day) {
		return this.transaction.execute((status) -> {
			if (this.data.hasRun(day)) {
				return Optional.<String>empty();
			}
			MessageId messageId = queue(day);
			this.data.recordRun(day, this.clock.instant(), messageId);
			return Optional.of(messageId.value());
		});
	}

	/**
	 * The schedule, asked every few seconds and once at start-up: today's digest when its
	 * time has passed, it has not gone yet, and the processor could have sent it, that is
	 * the register existed before the digest time. So a processor that was down at 08:00
	 * catches up when it comes back, and a fresh install sends nothing before its first
	 * digest time.
	 */
	public Optional<String> sendIfDue() {
		Instant now = this.clock.instant();
		LocalDate today = this.schedule.day(now);
		return duePassed(now, today).isEmpty() ? Optional.empty() : sendIfDue(today);
	}

	/**
	 * When today's scheduled digest became due, if it has not gone yet though it could
	 * have (the same conditions as {@link #sendIfDue()}): the health check reports a
	 * digest that is late.
	 */
	public Optional<Instant> dueAndUnsent() {
		Instant now = this.clock.instant();
		LocalDate today = this.schedule.day(now);
		return duePassed(now, today).filter((due) -> !this.data.hasRun(today));
	}

	/** Today's digest time, once it has passed, when the register existed before it. */
	private Optional<Instant> duePassed(Instant now, LocalDate today) {
		return this.schedule.dueOn(today).filter((due) -> !due.isAfter(now) && this.register.createdAt().isBefore(due));
	}

	/**
	 * In the running processor: the digest tells the chair about mail the server would
	 * not let us file.
	 */
	@Autowired(required = false)
	void unfiledMail(InboxReader reader, MailboxSettings mailbox) {
		unfiledMail(reader::filings, mailbox.processedFolder());
	}

	void unfiledMail(Supplier<PendingFilings.State> filings, String processedFolder) {
		this.unfiled.watch(filings, processedFolder);
	}

	/**
	 * OVERZICHT and {@code digest}: queued now, even when the day's digest already went.
	 */
	@Override
	public String sendNow(LocalDate day) {
		return Objects.requireNonNull(this.transaction.execute((status) -> queue(day))).value();
	}

	/** The text of the digest as of {@code asOf}, for {@code digest --dry-run}. */
	public String render(LocalDate asOf) {
		Letter letter = new Letter(PURPOSE, recipients(), null, null, List.of(),
				this.unfiled.addTo(DigestView.model(this.assembler.build(asOf))));
		return this.composer.text(letter);
	}

	private MessageId queue(LocalDate day) {
		Digest digest = this.assembler.build(day);
		ComposedMail mail = this.mailer.sendUnfiled(
				new Letter(PURPOSE, recipients(), null, null, List.of(), this.unfiled.addTo(DigestView.model(digest))));
		this.sentMail.listed(mail.messageId(),
				digest.sections()
					.stream()
					.flatMap((section) -> section.lines().stream())
					.map(Digest.Line::reference)
					.filter((reference) -> !reference.isEmpty())
					.toList());
		if (digest.failedLines() > 0) {
			log.warn("Digest for {} queued with {} lines that could not be built", day, digest.failedLines());
		}
		return mail.messageId();
	}

	private List<String> recipients() {
		List<String> to = new ArrayList<>();
		to.add(this.committee.chair().email());
		if (this.settings.members()) {
			this.committee.members()
				.stream()
				.map(CommitteeSettings.Person::email)
				.filter((email) -> email != null && !email.isBlank())
				.forEach(to::add);
		}
		return to;
	}

}
