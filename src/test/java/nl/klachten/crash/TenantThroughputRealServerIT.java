package nl.klachten.crash;

import nl.klachten.PostgresRegisterCustomizerFactory;
import nl.klachten.realstack.RealServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The throughput of 1, 2 or 3 processes serving three tenants on Dovecot and Postfix
 * (issue 16; {@link FailoverRun#measure}): a measurement, run by hand, never in CI and
 * never a timed test. {@code -Dfailover.throughput=true -Dfailover.instances=N
 * -Dfailover.mails=600} with the register's {@code -Dcomplaints.test.postgresql=…}.
 */
@EnabledIfSystemProperty(named = PostgresRegisterCustomizerFactory.PROPERTY, matches = ".+")
@EnabledIfSystemProperty(named = "failover.throughput", matches = "true")
class TenantThroughputRealServerIT {

	@Test
	void measureTheThroughputOfTheProcesses() throws Exception {
		RealServers.assumeRunning();
		try (FailoverRun run = new FailoverRun(new FuzzServers.RealStack())) {
			run.measure();
		}
	}

}
