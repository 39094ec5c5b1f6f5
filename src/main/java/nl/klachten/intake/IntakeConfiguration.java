package nl.klachten.intake;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.mailbox.ReadLimits;
import nl.klachten.register.InboundLog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Intake's settings as the mailbox reads them (the dependency points from intake to
 * mailbox), and the rule list of a mail's route with what it needs from the register and
 * the settings.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	ReadLimits readLimits(IntakeSettings settings) {
		return new ReadLimits(settings.batchSize(), settings.maxMessageSize().toBytes(),
				settings.batchBytes().toBytes(), settings.pollInterval());
	}

	@Bean
	MailRoutes mailRoutes(CommitteeSettings committee, InboundLog inbound, IntakeSettings settings) {
		return new MailRoutes(committee, inbound::countFrom, settings.rateLimitPerHour());
	}

}
