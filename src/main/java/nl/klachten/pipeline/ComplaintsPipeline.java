package nl.klachten.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.klachten.committee.Failures;
import nl.klachten.deadlines.DigestSender;
import nl.klachten.deadlines.RetentionJob;
import nl.klachten.intake.Intake;
import nl.klachten.mailbox.Filing;
import nl.klachten.mailbox.InboxReader;
import nl.klachten.mailbox.MailBatch;
import nl.klachten.outbound.DueMail;
import nl.klachten.outbound.OutboxSender;
import nl.klachten.register.Instances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.messaging.MessagingException;

/**
 * The whole mail pipeline, in one place.
 *
 * <pre>
 *  IMAP inbox ──(IDLE signal / poll)──▶ intakeFlow: read batch ─▶ register (a transaction per mail) ─▶ file (UID MOVE)
 *                                                        │ writes cases, ignored list, quarantine
 *                                                        ▼ and the outbox, in the mail's transaction
 *  outbox table ──(poll)──────────────▶ outboundFlow: due mail ─▶ send over K kept SMTP connections ─▶ mark sent
 *                                                                 or APPEND to the chair's folder (mail for the chair alone)
 *
 *  clock (daily, digest.cron) ────────▶ deadlineDigestFlow: build the deadline digest once a day ─▶ outbox
 *  clock (nightly, 03:30) ────────────▶ retentionFlow: purge cases past retention ─▶ delete their IMAP copies
 *
 *  clock (every 2 s) ────────────────▶ leadershipFlow: take or keep the mailbox's lead (PostgreSQL: one of
 *                                        N processes reads, sends and runs the daily jobs), free the
 *                                        outbox leases of stopped processes
 *
 *  errorChannel ──────────────────────▶ failureFlow: log the failure by class name (no content); the
 *                                        batch stays in the inbox, the outbox row keeps its backoff
 *                                        (a failed filing is not an error here: InboxReader keeps it
 *                                        waiting with a backoff and reads newer mail meanwhile)
 * </pre>
 *
 * What the register step does with each mail (own mail, automatic mail, command,
 * correspondence, own domain, new complaint) is the ordered rule list of
 * {@link nl.klachten.intake.MailRoutes}.
 *
 * The daily jobs ask the application's {@code Clock} every few seconds whether their time
 * has come (not a cron trigger on the wall clock), so the digest at start-up after a
 * missed 08:00 and the scheduled one are the same step, and tests decide time by fixing
 * the clock.
 *
 * Mail is filed only after the register committed, so a crash anywhere replays the batch,
 * and the dedupe key (Message-ID with the content digest, or the digest alone) turns the
 * replay into a no-op. While the register cannot be written (busy, disk full) the intake
 * pauses and reads nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class ComplaintsPipeline {

	private static final Logger log = LoggerFactory.getLogger(ComplaintsPipeline.class);

	private static final Duration TICK = Duration.ofMillis(100);

	/** How often the daily jobs ask the clock whether their time has come. */
	private static final Duration DAILY_CHECK = Duration.ofSeconds(5);

	/**
	 * How often a process checks its lead or tries for it: a stopped leader is replaced
	 * within this (killed) or {@code PostgresInstances.SILENCE} and this (cut off).
	 */
	private static final Duration LEAD_CHECK = Duration.ofSeconds(2);

	@Bean
	IntegrationFlow intakeFlow(InboxReader inbox, Intake intake, Instances instances) {
		return IntegrationFlow
			.fromSupplier(() -> instances.leads() && intake.ready() ? inbox.nextBatch() : null,
					(e) -> e.id("intakeInbound").poller(Pollers.fixedDelay(TICK).maxMessagesPerPoll(10)))
			.handle(MailBatch.class, (batch, headers) -> intake.take(batch), (e) -> e.id("register"))
			.handle(Filing.class, (filing, headers) -> {
				inbox.file(filing);
				return null;
			}, (e) -> e.id("file"))
			.get();
	}

	@Bean
	IntegrationFlow outboundFlow(OutboxSender sender, Instances instances) {
		return IntegrationFlow
			.fromSupplier(() -> instances.leads() ? sender.due() : null,
					(e) -> e.id("outboxInbound").poller(Pollers.fixedDelay(TICK).maxMessagesPerPoll(10)))
			.handle(DueMail.class, (due, headers) -> {
				sender.send(due);
				return null;
			}, (e) -> e.id("sendMail"))
			.get();
	}

	@Bean
	IntegrationFlow deadlineDigestFlow(DigestSender digest, Instances instances) {
		return IntegrationFlow
			.fromSupplier(() -> instances.leads() ? digest.sendIfDue().orElse(null) : null,
					(e) -> e.id("digestInbound").poller(Pollers.fixedDelay(DAILY_CHECK)))
			.channel("nullChannel")
			.get();
	}

	@Bean
	IntegrationFlow retentionFlow(RetentionJob retention, Instances instances) {
		return IntegrationFlow
			.fromSupplier(() -> instances.leads() ? retention.runIfDue().orElse(null) : null,
					(e) -> e.id("retentionInbound").poller(Pollers.fixedDelay(DAILY_CHECK)))
			.channel("nullChannel")
			.get();
	}

	/**
	 * Who leads the mailbox (issue 16): taken when no live process has it, checked while
	 * held; the leader releases the outbox leases of processes that stopped.
	 */
	@Bean
	IntegrationFlow leadershipFlow(Instances instances, OutboxSender sender) {
		AtomicBoolean started = new AtomicBoolean();
		return IntegrationFlow.fromSupplier(() -> {
			// SQLite: one process, whose predecessors' leases are released once, at start
			if (instances.tick() && (instances.shared() || !started.getAndSet(true))) {
				sender.releaseLeftLeases();
			}
			return null;
		}, (e) -> e.id("leadership").poller(Pollers.fixedDelay(LEAD_CHECK))).channel("nullChannel").get();
	}

	@Bean
	PublishSubscribeChannel errorChannel() {
		return new PublishSubscribeChannel();
	}

	@Bean
	IntegrationFlow failureFlow() {
		return IntegrationFlow.from("errorChannel").handle((payload, headers) -> {
			Throwable failure = (Throwable) payload;
			// the step's own failure, not Spring Integration's wrapper around it
			log.warn("Pipeline step failed: {}",
					Failures.causes(failure instanceof MessagingException && failure.getCause() != null
							? failure.getCause() : failure));
			return null;
		}).get();
	}

}
