package nl.klachten;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STYLE.md §5: no class of the processor over 200 lines (issue 14). Counted on the source
 * file, so a class that grows past it fails the build here rather than in a reading
 * months later; split it along its responsibilities.
 */
class ClassSizeTests {

	private static final int MAX_LINES = 200;

	@Test
	void shouldKeepEveryClassUnderTwoHundredLines() throws IOException {
		Map<String, Long> over = new TreeMap<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : (Iterable<Path>) files.filter((f) -> f.toString().endsWith(".java"))::iterator) {
				long lines;
				try (Stream<String> text = Files.lines(file)) {
					lines = text.count();
				}
				if (lines > MAX_LINES) {
					over.put(file.toString(), lines);
				}
			}
		}
		assertThat(over).as("classes over %d lines", MAX_LINES).isEmpty();
	}

	@Test
	void shouldCountTheSourcesOfTheProcessor() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/nl/klachten"))) {
			assertThat(files.filter((f) -> f.toString().endsWith(".java")).count()).isGreaterThan(100);
		}
	}

}
