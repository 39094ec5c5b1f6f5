package nl.klachten.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run reports: one summary line per figure (printed together at the end, so they
 * are not lost among the progress lines), the same figures and more in
 * {@code result.json}, and whether every part finished (the exit code).
 */
final class Report {

	private final Map<String, Object> result = new LinkedHashMap<>();

	private final List<String> lines = new ArrayList<>();

	private boolean complete = true;

	/** Puts a part's figures in the result file. */
	void put(String key, Object figures) {
		this.result.put(key, figures);
	}

	/** Adds a summary line. */
	void line(String format, Object... args) {
		this.lines.add("bench: " + String.format(format, args));
	}

	/** Marks the run as not finished: it exits 1. */
	void incomplete() {
		this.complete = false;
	}

	/** Writes the result file, prints the summary; the exit code. */
	int finish(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, ResultJson.write(this.result), StandardCharsets.UTF_8);
		this.lines.forEach(System.out::println);
		System.out.println("bench: result: " + file + (this.complete ? "" : " (INCOMPLETE: a part did not finish)"));
		return this.complete ? 0 : 1;
	}

	/** A progress line, on stderr. */
	static void progress(String format, Object... args) {
		System.err.println("bench: ... " + String.format(format, args));
	}

}
