package nl.klachten.committee;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one real-time backoff behind the inbox signal, the filing retries and the register
 * pauses (issue 13: a failing server or register is tried again after a growing wait,
 * never in a tight loop).
 */
class RealTimeBackoffTests {

	private final AtomicLong now = new AtomicLong(1_000);

	private final RealTimeBackoff backoff = new RealTimeBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5),
			this.now::get);

	@Test
	void shouldBeReadyWhileNothingFailed() {
		assertThat(this.backoff.ready()).isTrue();
		assertThat(this.backoff.failuresInRow()).isZero();
	}

	@Test
	void shouldDoubleTheWaitUpToItsMaximumWhileFailuresGoOn() {
		assertThat(this.backoff.failed()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.backoff.failed()).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.backoff.failed()).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.backoff.failed()).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.backoff.failed()).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.backoff.failuresInRow()).isEqualTo(5);
	}

	@Test
	void shouldWaitInRealTimeAfterAFailure() {
		this.backoff.failed();
		this.backoff.failed();
		assertThat(this.backoff.ready()).isFalse();
		this.now.addAndGet(Duration.ofMillis(1_999).toNanos());
		assertThat(this.backoff.ready()).isFalse();
		this.now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(this.backoff.ready()).isTrue();
	}

	@Test
	void shouldStartAgainFromTheFirstWaitAfterASuccess() {
		this.backoff.failed();
		this.backoff.failed();
		assertThat(this.backoff.succeeded()).isEqualTo(2);
		assertThat(this.backoff.ready()).isTrue();
		assertThat(this.backoff.succeeded()).isZero();
		assertThat(this.backoff.failed()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void shouldLetATryGoNowButKeepCountingFailures() {
		this.backoff.failed();
		this.backoff.tryNow();
		assertThat(this.backoff.ready()).isTrue();
		assertThat(this.backoff.failed()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void shouldNameFailuresByClassOnly() {
		RuntimeException failure = new IllegalStateException("geheim klachttekst",
				new java.io.IOException("klager@example.org"));
		assertThat(Failures.causes(failure)).isEqualTo("IllegalStateException <- IOException");
		assertThat(Failures.rootCause(failure)).isInstanceOf(java.io.IOException.class);
	}

}
