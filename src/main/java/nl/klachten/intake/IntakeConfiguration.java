package nl.klachten.intake;

import nl.klachten.mailbox.ReadLimits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Intake's settings as the mailbox reads them: the dependency points from intake to mailbox. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	ReadLimits readLimits(IntakeSettings settings) {
		return new ReadLimits(settings.batchSize(), settings.maxMessageSize().toBytes(),
				settings.batchBytes().toBytes(), settings.pollInterval());
	}

}
