package nl.klachten.outbound;

import java.time.Clock;

import nl.klachten.mailbox.SmtpTransport;
import nl.klachten.register.Outbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox sender exists only where mail is sent: not for admin commands. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class OutboundConfiguration {

	@Bean
	OutboxSender outboxSender(Outbox outbox, SmtpTransport smtp, CaseMailer mailer, OutboxSettings settings,
			Clock clock) {
		return new OutboxSender(outbox, smtp, new AcknowledgementCeiling(outbox, mailer, settings), clock);
	}

}
