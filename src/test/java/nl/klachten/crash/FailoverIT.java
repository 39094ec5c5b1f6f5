package nl.klachten.crash;

import nl.klachten.PostgresRegisterCustomizerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link FailoverRun} on GreenMail in the test JVM (issue 16): three processes, three
 * tenants, one PostgreSQL register. {@link FailoverRealServerIT} is the same run on
 * Dovecot and Postfix.
 */
@EnabledIfSystemProperty(named = PostgresRegisterCustomizerFactory.PROPERTY, matches = ".+")
class FailoverIT {

	@Test
	void killingAnyProcessLosesAndDuplicatesNothingAndAnotherTakesTheLead() throws Exception {
		try (FailoverRun run = new FailoverRun(new FuzzServers.InJvm(FailoverRun.mailboxes()))) {
			run.run();
		}
	}

}
