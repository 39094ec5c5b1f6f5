package nl.klachten.outbound;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code References} a case letter carries (CONTRACT §4, issue 11): each id once, the
 * mail it follows last (RFC 5322), and over {@value CaseThreading#MAX_REFERENCES} ids the
 * root and the latest, so the thread stays whole in a client and the header stays short.
 */
class CaseThreadingTests {

	@ParameterizedTest(name = "{0} + parent {1} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			a b c       | -  | a b c
			a b a c     | -  | a b c
			a b c       | b  | a c b
			a b         | c  | a b c
			a a         | a  | a
			-           | a  | a
			""")
	void shouldListEachIdOnceWithParentLast(String ids, String parent, String expected) {
		List<String> references = ids == null ? List.of() : List.of(ids.split(" "));
		List<String> withParent = parent == null ? references
				: java.util.stream.Stream.concat(references.stream(), java.util.stream.Stream.of(parent)).toList();

		assertThat(CaseThreading.capped(withParent, parent)).containsExactly(expected.split(" "));
	}

	@ParameterizedTest(name = "{0} ids")
	@CsvSource({ "20, 20", "21, 20", "200, 20" })
	void shouldKeepRootAndLatestWhenThreadIsLong(int count, int kept) {
		List<String> ids = IntStream.rangeClosed(1, count).mapToObj((i) -> "id" + i + "@example.org").toList();

		List<String> capped = CaseThreading.capped(ids, ids.get(ids.size() - 1));

		assertThat(capped).hasSize(kept).startsWith("id1@example.org").endsWith("id" + count + "@example.org");
		assertThat(capped.subList(1, kept)).isEqualTo(ids.subList(count - kept + 1, count));
	}

}
