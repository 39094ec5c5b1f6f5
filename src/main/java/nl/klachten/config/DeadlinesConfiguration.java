package nl.klachten.config;

import nl.klachten.committee.TermsSettings;
import nl.klachten.committee.DeadlinePolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one deadline policy, from the configured terms; the policy itself stays free of
 * Spring. Public for the command line's read-only context, which imports it.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlinesConfiguration {

	@Bean
	DeadlinePolicy deadlinePolicy(TermsSettings terms) {
		return new DeadlinePolicy(terms);
	}

}
