package nl.klachten.outbound;

import java.time.Clock;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.EventCounter;
import nl.klachten.mailbox.MailboxException;
import nl.klachten.mailbox.MailboxSettings;
import nl.klachten.mailbox.NoticeFolder;
import nl.klachten.mailbox.SmtpTransport;
import nl.klachten.register.Complaints;
import nl.klachten.register.Instances;
import nl.klachten.register.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox sender exists only where mail is sent: not for admin commands. When the
 * chair reads the intake mailbox, the notices folder is created at start, so the chair
 * can point a mail client (or a phone's notifications) at it before the first notice
 * arrives.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class OutboundConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OutboundConfiguration.class);

	@Bean
	OutboxSender outboxSender(Outbox outbox, NoticeFolder noticeFolder, CaseMailer mailer, OutboxSettings settings,
			CommitteeSettings committee, MailboxSettings mailbox, Complaints complaints,
			PlatformTransactionManager transactions, Clock clock, ObjectProvider<EventCounter> counter,
			SmtpServerState server, OutboxConnections lanes, Instances instances) {
		EventCounter events = counter.getIfAvailable(() -> EventCounter.NONE);
		NoticeRoute route = new NoticeRoute(committee.chair().email(), mailbox.address());
		if (route.enabled()) {
			prepare(noticeFolder);
		}
		OutboxRetry retry = new OutboxRetry(outbox, clock);
		RegisterPause pause = new RegisterPause();
		UnrecordedMails unrecorded = new UnrecordedMails(outbox, pause);
		OutcomeRecorder outcomes = new OutcomeRecorder(outbox, new TransactionTemplate(transactions), retry,
				new RefusalNotice(mailer, complaints), unrecorded, events, clock);
		NoticeDelivery notices = new NoticeDelivery(lanes.notices(), outbox, retry, clock, events);
		OutboxSender sender = new OutboxSender(outbox, route, new NoticePlacing(notices, lanes, unrecorded),
				new SmtpDelivery(outbox, lanes, server, outcomes, pause, clock, instances),
				new AcknowledgementCeiling(outbox, mailer, settings), pause, unrecorded, lanes, clock);
		// left leases are released by the pipeline's lead check, at start and every few
		// seconds (issue 16): never by a command's context beside a running processor
		return sender;
	}

	/** A bean of its own: a lifecycle that closes the kept connections when we stop. */
	@Bean
	OutboxConnections outboxConnections(OutboxSettings settings, SmtpTransport smtp, NoticeFolder noticeFolder) {
		return new OutboxConnections(settings.connections(), smtp, noticeFolder);
	}

	@Bean
	SmtpServerState smtpServerState(Clock clock) {
		return new SmtpServerState(clock);
	}

	private static void prepare(NoticeFolder folder) {
		try {
			folder.prepare();
		}
		catch (MailboxException ex) {
			// the server may be down for a moment (told once by the IMAP problem log);
			// the first notice creates the folder
			log.debug("Notices folder not prepared at start ({}); it is created with the first notice",
					ex.getCause() == null ? ex.getClass().getSimpleName() : ex.getCause().getClass().getSimpleName());
		}
	}

}
