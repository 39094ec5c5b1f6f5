package nl.klachten.register;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15: the export reads the next pages of case files on another thread
 * ({@link ReadAhead}). The cases still arrive in order on the caller's thread, a failure
 * of the reader is the caller's failure, as it was thrown, and a failure of the caller
 * stops the reader before the call returns (the context then closes the connection).
 */
class ReadAheadTests {

	@Test
	void shouldHandEveryCaseInOrderOnTheCallersThreadWhenPagesAreReadAhead() {
		Thread caller = Thread.currentThread();
		List<String> seen = new ArrayList<>();

		int count = ReadAhead.forEach(pages(50, 7), (c) -> {
			assertThat(Thread.currentThread()).isSameAs(caller);
			seen.add(c.reference());
		});

		assertThat(count).isEqualTo(350);
		assertThat(seen)
			.containsExactlyElementsOf(IntStream.range(0, 350).mapToObj(ReadAheadTests::reference).toList());
	}

	@Test
	void shouldFailWithTheReadersFailureWhenReadingFailsHalfway() {
		DataAccessResourceFailureException failure = new DataAccessResourceFailureException("register unreadable");
		AtomicInteger handed = new AtomicInteger();

		assertThatThrownBy(() -> ReadAhead.forEach((each) -> {
			pages(3, 2).accept(each);
			throw failure;
		}, (c) -> handed.incrementAndGet())).isSameAs(failure);
		assertThat(handed).hasValue(6);
	}

	@Test
	void shouldStopTheReaderBeforeReturningWhenTheCallerFails() throws InterruptedException {
		AtomicBoolean readerDone = new AtomicBoolean();
		CountDownLatch reading = new CountDownLatch(1);
		Consumer<Consumer<List<CaseFile>>> endless = (each) -> {
			try {
				for (int page = 0;; page++) {
					each.accept(List.of(aCase(page)));
					reading.countDown();
				}
			}
			finally {
				readerDone.set(true);
			}
		};

		assertThatThrownBy(() -> ReadAhead.forEach(endless, (c) -> {
			await(reading);
			throw new IllegalStateException("output closed");
		})).hasMessage("output closed");
		assertThat(readerDone).isTrue();
	}

	@Test
	void shouldHandNothingWhenThereAreNoPages() {
		assertThat(ReadAhead.forEach((each) -> {
		}, (c) -> {
			throw new AssertionError("no case");
		})).isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Consumer<Consumer<List<CaseFile>>> pages(int size, int count) {
		return (each) -> {
			for (int page = 0; page < count; page++) {
				int first = page * size;
				each.accept(IntStream.range(first, first + size).mapToObj(ReadAheadTests::aCase).toList());
			}
		};
	}

	private static CaseFile aCase(int i) {
		return new CaseFile(reference(i), "in_behandeling", null, null, null, null, null, null, null, null, null, false,
				null, null, List.of(), null, null, List.of(), false, null, null, List.of(), List.of(), List.of(),
				false);
	}

	private static String reference(int i) {
		return "KK-2026-%04d".formatted(i);
	}

}
