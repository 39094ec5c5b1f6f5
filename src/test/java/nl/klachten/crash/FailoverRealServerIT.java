package nl.klachten.crash;

import nl.klachten.PostgresRegisterCustomizerFactory;
import nl.klachten.realstack.RealServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link FailoverRun} on the Dovecot and Postfix of {@code scripts/realstack} (issue 16):
 * three processes of the packaged jar, three tenants ({@code tenant1@klikklaar.com} …),
 * one PostgreSQL register; complaints go in through Postfix and the acknowledgements are
 * counted in the complainants' Dovecot mailboxes. Needs both: the register
 * ({@code -Dcomplaints.test.postgresql=…}, as {@code .ci/run} gives it) and the servers;
 * skipped otherwise.
 */
@EnabledIfSystemProperty(named = PostgresRegisterCustomizerFactory.PROPERTY, matches = ".+")
class FailoverRealServerIT {

	@Test
	void killingAnyProcessOnTheRealServersLosesAndDuplicatesNothing() throws Exception {
		RealServers.assumeRunning();
		try (FailoverRun run = new FailoverRun(new FuzzServers.RealStack())) {
			run.run();
		}
	}

}
