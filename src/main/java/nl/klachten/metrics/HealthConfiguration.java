package nl.klachten.metrics;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import nl.klachten.committee.TermsSettings;
import nl.klachten.deadlines.DigestSender;
import nl.klachten.mailbox.InboxReader;
import nl.klachten.outbound.SmtpServerState;
import nl.klachten.register.Instances;
import nl.klachten.register.Vitals;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health components and the register's gauges, for the running processor only (the
 * admin commands run without the pipeline and without a management server). The bean
 * names give the components their names: {@code imap}, {@code smtp}, {@code register},
 * {@code digest}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class HealthConfiguration {

	@Bean
	ImapHealth imapHealthIndicator(InboxReader reader, HealthSettings settings, Instances instances) {
		return new ImapHealth(reader::reads, reader::filings, settings, instances::leads, instances::checking);
	}

	@Bean
	SmtpHealth smtpHealthIndicator(Vitals vitals, ObjectProvider<SmtpServerState> server, HealthSettings settings,
			Clock clock) {
		SmtpServerState.Figures up = new SmtpServerState.Figures(null, null, 0);
		return new SmtpHealth(vitals::outbox,
				() -> server.getIfAvailable() == null ? up : server.getIfAvailable().figures(), settings, clock);
	}

	@Bean
	RegisterHealth registerHealthIndicator(Vitals vitals) {
		return new RegisterHealth(vitals);
	}

	@Bean
	DigestHealth digestHealthIndicator(DigestSender digest, Vitals vitals, HealthSettings settings, Clock clock) {
		return new DigestHealth(digest::dueAndUnsent, vitals::lastDigestDay, settings, clock);
	}

	@Bean
	RegisterGauges registerGauges(Vitals vitals, TermsSettings terms, Clock clock, MeterRegistry registry) {
		return new RegisterGauges(vitals, terms, clock, registry);
	}

}
