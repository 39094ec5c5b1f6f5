package nl.klachten.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail waiting to be filed (issue 13, CONTRACT §4): tried again after a backoff that
 * doubles, left out of reads meanwhile, forgotten when the inbox's UIDVALIDITY changes,
 * cleared once filed.
 */
class PendingFilingsTests {

	private final AtomicLong ticks = new AtomicLong();

	private final PendingFilings pending = new PendingFilings(
			Clock.fixed(Instant.parse("2026-03-10T07:00:00Z"), ZoneOffset.UTC), this.ticks::get);

	private static final Filing TWO = new Filing(
			Map.of(1L, Filing.Destination.PROCESSED, 2L, Filing.Destination.QUARANTINE), 77);

	@Test
	void shouldWaitLongerAfterEveryFailureAndNotBeDueBefore() {
		assertThat(this.pending.failed(TWO, new MailboxException("x", new IllegalStateException()))).hasSeconds(1);
		assertThat(this.pending.due()).isNull();
		this.ticks.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.pending.due()).isEqualTo(TWO);
		assertThat(this.pending.failed(TWO, new MailboxException("x", null))).hasSeconds(2);
		assertThat(this.pending.failed(TWO, new MailboxException("x", null))).hasSeconds(4);
		PendingFilings.State state = this.pending.state();
		assertThat(state.waiting()).isEqualTo(2);
		assertThat(state.failuresInRow()).isEqualTo(3);
		assertThat(state.since()).isEqualTo(Instant.parse("2026-03-10T07:00:00Z"));
		assertThat(state.lastError()).isEqualTo("MailboxException");
	}

	@Test
	void shouldClearOnceFiledAndTryTheRestAtOnceWhenOtherMailWentThrough() {
		this.pending.failed(TWO, new MailboxException("x", null));
		this.pending.filed(new Filing(Map.of(3L, Filing.Destination.PROCESSED), 77));
		assertThat(this.pending.due()).as("the server files again: no need to wait").isEqualTo(TWO);
		this.pending.filed(TWO);
		assertThat(this.pending.state().waiting()).isZero();
		assertThat(this.pending.state().since()).isNull();
		assertThat(this.pending.due()).isNull();
	}

	@Test
	void shouldForgetUidsOfAnotherUidValidity() {
		this.pending.failed(TWO, new MailboxException("x", null));
		assertThat(this.pending.uidValidityIs(77)).isZero();
		assertThat(this.pending.waiting().destinations()).hasSize(2);
		assertThat(this.pending.uidValidityIs(78)).isEqualTo(2);
		assertThat(this.pending.waiting().destinations()).isEmpty();
	}

}
