package nl.klachten.cli;

import java.util.ServiceLoader;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream provider the processor names (issue 15) is the one Jakarta Mail's own scan
 * finds, and an operator's {@code -D} wins.
 */
class MailProvidersTests {

	private String before;

	@BeforeEach
	void remember() {
		this.before = System.getProperty(MailProviders.STREAM_PROVIDER);
		System.clearProperty(MailProviders.STREAM_PROVIDER);
	}

	@AfterEach
	void restore() {
		if (this.before == null) {
			System.clearProperty(MailProviders.STREAM_PROVIDER);
		}
		else {
			System.setProperty(MailProviders.STREAM_PROVIDER, this.before);
		}
	}

	@Test
	void shouldNameTheProviderTheScanFinds() {
		assertThat(ServiceLoader.load(StreamProvider.class).findFirst()).get()
			.extracting((provider) -> provider.getClass().getName())
			.isEqualTo(MailProviders.ANGUS);
		MailProviders.pin();
		assertThat(System.getProperty(MailProviders.STREAM_PROVIDER)).isEqualTo(MailProviders.ANGUS);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailProviders.ANGUS);
	}

	@Test
	void shouldLeaveTheOperatorsChoiceAlone() {
		System.setProperty(MailProviders.STREAM_PROVIDER, "com.example.OwnProvider");
		MailProviders.pin();
		assertThat(System.getProperty(MailProviders.STREAM_PROVIDER)).isEqualTo("com.example.OwnProvider");
	}

}
