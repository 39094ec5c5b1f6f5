package nl.klachten.mailbox;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which mails one read takes: at most the count, at most the bytes, always at least one;
 * spooled mail costs nothing.
 */
class ImapMailboxBatchTests {

	@ParameterizedTest(name = "sizes {0}, max {1}, batch-bytes {2}: {3} mails")
	@CsvSource(delimiter = ';',
			value = { "3000 3000 3000; 200; 4000; 1", "3000 3000 3000; 200; 6000; 2", "5000 10; 200; 4000; 1",
					"10 10 10 10; 3; 4000; 3", "100 900 3000; 200; 1000; 2", "30000 3000 30000 10; 200; 4000; 4",
					"; 200; 4000; 0" })
	void shouldCutTheBatchByCountAndBytes(String sizes, int max, long batchBytes, int expected) {
		List<long[]> entries = Arrays.stream(sizes == null ? new String[0] : sizes.split(" "))
			.map((size) -> new long[] { 0, Long.parseLong(size) })
			.toList();
		assertThat(ImapMailbox.batch(entries, max, 20_000, batchBytes)).hasSize(expected);
	}

}
