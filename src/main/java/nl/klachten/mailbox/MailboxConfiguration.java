package nl.klachten.mailbox;

import java.time.Clock;

import javax.net.ssl.SSLSocketFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connections to the mail server. With no IMAP host configured the embedded GreenMail
 * server starts first and the chair's demo account is used (CONTRACT §2). Admin commands
 * run without any of this ({@code complaints.pipeline.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class MailboxConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedMailServer embeddedMailServer(MailboxSettings settings, EmbeddedSettings embedded) {
		return settings.embedded() ? new EmbeddedMailServer(embedded) : null;
	}

	@Bean
	MailEndpoints mailEndpoints(MailboxSettings settings, EmbeddedSettings embedded,
			ObjectProvider<EmbeddedMailServer> server, Clock clock) {
		EmbeddedMailServer local = server.getIfAvailable();
		if (local == null) {
			MailboxSecurity.require(settings);
			SSLSocketFactory trust = TrustStore.socketFactory(settings);
			return AccessTokens.attach(settings, settings.imap().withSocketFactory(trust),
					settings.smtp().withSocketFactory(trust), clock);
		}
		String password = embedded.passwordOf(settings.address());
		return new MailEndpoints(
				settings.imap().withEndpoint("127.0.0.1", local.imapPort(), settings.address(), password),
				settings.smtp().withEndpoint("127.0.0.1", local.smtpPort(), null, null));
	}

	/**
	 * One log of IMAP problems for the intake and the IDLE connection, so a problem is
	 * told once.
	 */
	@Bean
	ProblemLog imapProblems(MailEndpoints endpoints) {
		return new ProblemLog(MailProblem.Service.IMAP, endpoints.imap());
	}

	@Bean
	ProblemLog smtpProblems(MailEndpoints endpoints) {
		return new ProblemLog(MailProblem.Service.SMTP, endpoints.smtp());
	}

	/**
	 * A problem waiting does not cure (a refused login, an unknown host, an untrusted
	 * certificate, a missing inbox folder) stops start-up with its one line; a server
	 * that is down for a moment is retried in the background, where reading retries with
	 * backoff and filing creates the folders.
	 */
	@Bean(destroyMethod = "close")
	ImapMailbox imapMailbox(MailEndpoints endpoints, MailboxSettings settings, ProblemLog imapProblems) {
		ImapMailbox mailbox = new ImapMailbox(endpoints.imap(), settings);
		try {
			mailbox.ensureFolders();
		}
		catch (MailboxException ex) {
			if (MailProblem.permanent(ex)) {
				mailbox.close();
				throw new IllegalStateException(ConnectionProblem.certificate(ex, "IMAP", endpoints.imap())
					.orElseGet(() -> MailProblem.describe(ex, MailProblem.Service.IMAP, endpoints.imap())));
			}
			imapProblems.failed(ex);
		}
		return mailbox;
	}

	@Bean
	MailSignal mailSignal(ReadLimits limits) {
		return new MailSignal(limits.pollInterval());
	}

	@Bean
	@ConditionalOnProperty(name = "complaints.mailbox.imap.idle", havingValue = "true", matchIfMissing = true)
	IdleWatcher idleWatcher(MailEndpoints endpoints, MailSignal signal, ProblemLog imapProblems) {
		return new IdleWatcher(endpoints.imap(), signal, imapProblems);
	}

	@Bean
	InboxReader inboxReader(ImapMailbox mailbox, MailSignal signal, ReadLimits limits, ProblemLog imapProblems,
			Clock clock) {
		return new InboxReader(mailbox, signal, limits, imapProblems, clock);
	}

	@Bean
	NoticeFolder noticeFolder(MailEndpoints endpoints, MailboxSettings settings, ProblemLog imapProblems) {
		return new NoticeFolder(endpoints.imap(), settings.noticesFolder(), imapProblems);
	}

	@Bean
	SmtpTransport smtpTransport(MailEndpoints endpoints, MailboxSettings settings, ProblemLog smtpProblems) {
		return new SmtpTransport(endpoints.smtp(), settings.address(), smtpProblems);
	}

}
