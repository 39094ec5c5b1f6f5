package nl.klachten.deadlines;

import nl.klachten.committee.DeadlinePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.PeopleDates;
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
 * Builds the daily digest (D7) and queues it in the outbox for the chair (and the members when
 * {@code complaints.digest.members=true}). The scheduled digest goes once a day, when the clock says its
 * time has come (see {@link #sendIfDue()}): the day is recorded in {@code digest_run} in the same transaction as the outbox row. OVERZICHT and
 * {@code digest} send on demand, whatever went before.
 */
@Component
public class DigestSender implements DigestRequests {

	private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

	static final String PURPOSE = "daily-digest";

	private final DigestData data;

	private final Retention retention;

	private final DigestBuilder builder;

	private final CaseMailer mailer;

	private final MailComposer composer;

	private final CommitteeSettings committee;

	private final DigestSettings settings;

	private final TransactionTemplate transaction;

	private final RegisterCreation register;

	private final SentMail sentMail;

	private final DailySchedule schedule;

	private final Clock clock;

	/** Mail read but waiting to be filed, told in the digest; none without a running intake. */
	private volatile Supplier<PendingFilings.State> unfiled = () -> new PendingFilings.State(0, null, 0, null);

	private volatile String processedFolder = "";

	DigestSender(DigestData data, Retention retention, DeadlinePolicy policy, CaseMailer mailer, MailComposer composer,
			CommitteeSettings committee, DigestSettings settings, RegisterCreation register, SentMail sentMail,
			PlatformTransactionManager transactions, Clock clock) {
		this.sentMail = sentMail;
		this.data = data;
		this.retention = retention;
		this.builder = new DigestBuilder(policy);
		this.mailer = mailer;
		this.composer = composer;
		this.committee = committee;
		this.settings = settings;
		this.register = register;
		this.schedule = new DailySchedule(settings.cron(), settings.zone());
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Today in the digest's zone. */
	@Override
	public LocalDate today() {
		return this.schedule.day(this.clock.instant());
	}

	/** The scheduled digest: queued once for {@code day}; empty when that day already had one. */
	public Optional<String> sendIfDue(LocalDate day) {
		return this.transaction.execute((status) -> {
			if (this.data.hasRun(day)) {
				return Optional.<String>empty();
			}
			String messageId = queue(day);
			this.data.recordRun(day, this.clock.instant(), messageId);
			return Optional.of(messageId);
		});
	}

	/**
	 * The schedule, asked every few seconds and once at start-up: today's digest when its time has
	 * passed, it has not gone yet, and the processor could have sent it, that is the register
	 * existed before the digest time. So a processor that was down at 08:00 catches up when it
	 * comes back, and a fresh install sends nothing before its first digest time.
	 */
	public Optional<String> sendIfDue() {
		Instant now = this.clock.instant();
		LocalDate today = this.schedule.day(now);
		Optional<Instant> due = this.schedule.dueOn(today);
		if (due.isEmpty() || due.get().isAfter(now) || !this.register.createdAt().isBefore(due.get())) {
			return Optional.empty();
		}
		return sendIfDue(today);
	}

	/**
	 * When today's scheduled digest became due, if it has not gone yet though it could have (the
	 * same conditions as {@link #sendIfDue()}): the health check reports a digest that is late.
	 */
	public Optional<Instant> dueAndUnsent() {
		Instant now = this.clock.instant();
		LocalDate today = this.schedule.day(now);
		Optional<Instant> due = this.schedule.dueOn(today);
		if (due.isEmpty() || due.get().isAfter(now) || !this.register.createdAt().isBefore(due.get())
				|| this.data.hasRun(today)) {
			return Optional.empty();
		}
		return due;
	}

	/** In the running processor: the digest tells the chair about mail the server would not let us file. */
	@Autowired(required = false)
	void unfiledMail(InboxReader reader, MailboxSettings mailbox) {
		unfiledMail(reader::filings, mailbox.processedFolder());
	}

	void unfiledMail(Supplier<PendingFilings.State> filings, String processedFolder) {
		this.unfiled = filings;
		this.processedFolder = processedFolder;
	}

	/** OVERZICHT and {@code digest}: queued now, even when the day's digest already went. */
	@Override
	public String sendNow(LocalDate day) {
		return Objects.requireNonNull(this.transaction.execute((status) -> queue(day)));
	}

	/** The text of the digest as of {@code asOf}, for {@code digest --dry-run}; nothing is queued. */
	public String render(LocalDate asOf) {
		Letter letter = new Letter(PURPOSE, recipients(), null, null, List.of(), withUnfiled(model(build(asOf))));
		return this.composer.compose(letter).text();
	}

	private String queue(LocalDate day) {
		Digest digest = build(day);
		ComposedMail mail = this.mailer.sendUnfiled(new Letter(PURPOSE, recipients(), null, null, List.of(),
				withUnfiled(model(digest))));
		this.sentMail.listed(mail.messageId(), digest.sections()
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

	Digest build(LocalDate day) {
		Instant now = asOf(day);
		LocalDate from = day.minusDays(1);
		Optional<Instant> last = this.data.lastRunBefore(day);
		if (last.isPresent()) {
			from = last.get().atZone(this.settings.zone()).toLocalDate().minusDays(1);
		}
		List<Digest.Purge> purged = this.retention.purgedSince(from)
			.stream()
			.map((p) -> new Digest.Purge(p.reference(), p.purgedOn()))
			.toList();
		List<Digest.Purge> coming = this.retention.dueWithin(day, 30)
			.stream()
			.map((p) -> new Digest.Purge(p.reference(), p.retainedUntil()))
			.toList();
		DigestBuilder.Input input = new DigestBuilder.Input(this.data.openCases(), this.data.waitingForAnswer(),
				this.data.openAppeals(), this.data.handledWithoutMeasure(), this.data.registeredFrom(from), last,
				purged, coming, this.data.undeliveredFrom(from));
		return this.builder.build(input, now);
	}

	/** Today: now. Another day: that day at the current local time of day. */
	private Instant asOf(LocalDate day) {
		Instant now = this.clock.instant();
		ZonedDateTime local = now.atZone(this.settings.zone());
		if (local.toLocalDate().equals(day)) {
			return now;
		}
		return ZonedDateTime.of(day, LocalTime.from(local), this.settings.zone()).toInstant();
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

	static Map<String, Object> model(Digest digest) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("date", PeopleDates.date(digest.day()));
		model.put("failedLines", digest.failedLines());
		model.put("overdueCount", digest.count(Digest.Kind.OVERDUE));
		model.put("dueSoonCount", digest.count(Digest.Kind.DUE_SOON));
		model.put("extensionCount", digest.count(Digest.Kind.EXTENSION_NOTICE));
		model.put("waitingCount", digest.count(Digest.Kind.WAITING));
		model.put("newCount", digest.count(Digest.Kind.NEW));
		model.put("sections", digest.sections().stream().map(DigestSender::section).toList());
		model.put("example", example(digest));
		return model;
	}

	/**
	 * One line when mail waits to be filed: how many, since when, and the folder; they are in the
	 * register already, they only stay in the inbox.
	 */
	private Map<String, Object> withUnfiled(Map<String, Object> model) {
		PendingFilings.State state = this.unfiled.get();
		if (state.waiting() > 0 && state.since() != null) {
			model.put("unfiled", state.waiting() + (state.waiting() == 1 ? " mail kon" : " mails konden")
					+ " sinds " + PeopleDates.date(state.since().atZone(this.settings.zone())) + " niet in "
					+ this.processedFolder + " worden opgeborgen; ze zijn wel verwerkt en blijven in de inbox"
					+ " tot de mailserver het toelaat.");
		}
		return model;
	}

	private static Map<String, Object> section(Digest.Section section) {
		return Map.of("title", section.title(), "lines", section.lines().stream().map(DigestSender::line).toList());
	}

	private static Map<String, Object> line(Digest.Line line) {
		return Map.of("reference", line.reference(), "date", PeopleDates.date(line.date()), "name",
				Objects.toString(line.name(), ""), "subject", Objects.toString(line.subject(), ""), "note",
				Objects.toString(line.note(), ""), "reply", Objects.toString(line.reply(), ""), "replyText",
				Objects.toString(line.replyText(), ""));
	}

	/** The footer's reply example (CONTRACT §5): the digest's first suggestion that takes a text. */
	private static Map<String, Object> example(Digest digest) {
		return digest.sections()
			.stream()
			.flatMap((section) -> section.lines().stream())
			.filter((line) -> !line.reply().isEmpty() && !line.replyText().isEmpty())
			.findFirst()
			.<Map<String, Object>>map((line) -> Map.of("reply", line.reply(), "text", line.replyText()))
			.orElse(Map.of());
	}

}
