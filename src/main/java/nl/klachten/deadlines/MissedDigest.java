package nl.klachten.deadlines;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** At start-up: a digest missed while the processor was down is sent now, and never twice for one day. */
@Component
@ConditionalOnProperty(name = "complaints.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class MissedDigest implements ApplicationRunner {

	private final DigestSender digest;

	MissedDigest(DigestSender digest) {
		this.digest = digest;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.digest.sendMissed();
	}

}
