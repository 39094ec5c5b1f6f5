package nl.klachten.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The time bound and the Throwable hand-back of {@link ParseWorker}, with parsers made
 * slow or broken on purpose.
 */
class ParseWorkerTests {

	private static final byte[] MAIL = "Subject: s\r\n\r\ntekst\r\n".getBytes(StandardCharsets.US_ASCII);

	private ParseWorker worker;

	@AfterEach
	void stop() {
		if (this.worker != null) {
			this.worker.destroy();
		}
	}

	@Test
	void shouldThrowTimeLimitAndInterruptTheParseWhenItTakesLongerThanTheBudget() throws Exception {
		CountDownLatch interrupted = new CountDownLatch(1);
		this.worker = new ParseWorker(new MimeParser() {
			@Override
			public ParseResult parse(byte[] raw) {
				try {
					Thread.sleep(10_000);
				}
				catch (InterruptedException ex) {
					interrupted.countDown();
				}
				return super.parse(raw);
			}
		}, 0);
		long started = System.nanoTime();
		assertThatThrownBy(() -> this.worker.parse(MAIL, Duration.ofMillis(200))).isInstanceOf(TimeLimitExceeded.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(interrupted.await(2, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void shouldHandBackTheErrorWhenTheParseOverflowsTheStack() {
		this.worker = new ParseWorker(new MimeParser() {
			@Override
			public ParseResult parse(byte[] raw) {
				throw new StackOverflowError();
			}
		}, 0);
		assertThatThrownBy(() -> this.worker.parse(MAIL, Duration.ofSeconds(5))).isInstanceOf(StackOverflowError.class);
	}

	@Test
	void shouldReturnTheResultWhenTheParseIsWithinTheBudget() {
		this.worker = new ParseWorker(new MimeParser(), 0);
		assertThat(this.worker.parse(MAIL, Duration.ofSeconds(5))).isInstanceOf(ParseResult.Parsed.class);
	}

	@Test
	void shouldStopReadingWhenTheParseThreadIsInterrupted() {
		Thread.currentThread().interrupt();
		try {
			assertThat(new MimeParser().parse(MAIL)).isInstanceOf(ParseResult.Unparseable.class);
		}
		finally {
			Thread.interrupted();
		}
	}

}
