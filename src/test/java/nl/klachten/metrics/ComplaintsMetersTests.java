package nl.klachten.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters' tags are codes from fixed sets, never free text (R8: nothing personal in
 * metrics).
 */
class ComplaintsMetersTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ComplaintsMeters meters = new ComplaintsMeters(this.registry);

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "processing-failed:IOException|processing-failed", "mime-error:MimeException|mime-error",
					"limit:mime-depth|limit", "auto-submitted|auto-submitted", "Klacht van jan@example.org|other",
					"'   '|other" })
	void shouldTagWithTheReasonCodeOnlyWhenTheReasonCarriesMore(String reason, String tag) {
		this.meters.quarantined(reason);
		assertThat(this.registry.get("complaints.mails.quarantined").tag("reason", tag).counter().count()).isEqualTo(1);
	}

	@Test
	void shouldCountAcknowledgementsAmongTheMailsSentWhenTheKindIsAcknowledgement() {
		this.meters.mailSent("acknowledgement");
		this.meters.mailSent("decision");
		assertThat(this.registry.get("complaints.acknowledgements.sent").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("complaints.mails.sent").tag("kind", "decision").counter().count()).isEqualTo(1);
	}

	@Test
	void shouldShowEveryUntaggedCounterAtZeroWhenNothingHappenedYet() {
		assertThat(this.registry.get("complaints.commands.refused").counter().count()).isZero();
		assertThat(this.registry.get("complaints.mails.read").counter().count()).isZero();
	}

}
