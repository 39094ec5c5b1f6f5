package nl.klachten.mailbox;


import javax.net.ssl.SSLSocketFactory;

import nl.klachten.intake.IntakeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connections to the mail server. With no IMAP host configured the embedded GreenMail server
 * starts first and the chair's demo account is used (CONTRACT §2). Admin commands run without
 * any of this ({@code complaints.pipeline.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class MailboxConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailboxConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedMailServer embeddedMailServer(MailboxSettings settings, EmbeddedSettings embedded) {
		return settings.embedded() ? new EmbeddedMailServer(embedded) : null;
	}

	@Bean
	MailEndpoints mailEndpoints(MailboxSettings settings, EmbeddedSettings embedded,
			ObjectProvider<EmbeddedMailServer> server) {
		EmbeddedMailServer local = server.getIfAvailable();
		if (local == null) {
			MailboxSecurity.require(settings);
			SSLSocketFactory trust = TrustStore.socketFactory(settings);
			return new MailEndpoints(settings.imap().withSocketFactory(trust), settings.smtp().withSocketFactory(trust));
		}
		String password = embedded.accounts()
			.stream()
			.filter((a) -> a.email().equalsIgnoreCase(settings.address()))
			.map(EmbeddedSettings.Account::password)
			.findFirst()
			.orElse(settings.address());
		return new MailEndpoints(settings.imap().withEndpoint("127.0.0.1", local.imapPort(), settings.address(), password),
				settings.smtp().withEndpoint("127.0.0.1", local.smtpPort(), null, null));
	}

	@Bean(destroyMethod = "close")
	ImapMailbox imapMailbox(MailEndpoints endpoints, MailboxSettings settings) {
		ImapMailbox mailbox = new ImapMailbox(endpoints.imap(), settings);
		try {
			mailbox.ensureFolders();
		}
		catch (MailboxException ex) {
			// the server may be down for a moment; reading retries with backoff and filing creates the folders
			ConnectionProblem.certificate(ex, "IMAP", endpoints.imap())
				.ifPresentOrElse(log::warn, () -> log.warn("Mail server not reachable at start ({}); retrying in the background",
						ex.getCause() == null ? ex.getClass().getSimpleName() : ex.getCause().getClass().getSimpleName()));
		}
		return mailbox;
	}

	@Bean
	MailSignal mailSignal(IntakeSettings intake) {
		return new MailSignal(intake.pollInterval());
	}

	@Bean
	@ConditionalOnProperty(name = "complaints.mailbox.imap.idle", havingValue = "true", matchIfMissing = true)
	IdleWatcher idleWatcher(MailEndpoints endpoints, MailSignal signal) {
		return new IdleWatcher(endpoints.imap(), signal);
	}

	@Bean
	InboxReader inboxReader(ImapMailbox mailbox, MailSignal signal, IntakeSettings intake) {
		return new InboxReader(mailbox, signal, intake);
	}

	@Bean
	NoticeFolder noticeFolder(MailEndpoints endpoints, MailboxSettings settings) {
		return new NoticeFolder(endpoints.imap(), settings.noticesFolder());
	}

	@Bean
	SmtpTransport smtpTransport(MailEndpoints endpoints, MailboxSettings settings) {
		return new SmtpTransport(endpoints.smtp(), settings.address());
	}

}
