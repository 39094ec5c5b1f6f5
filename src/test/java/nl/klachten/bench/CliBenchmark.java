package nl.klachten.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The admin commands' wall time on a register of N cases (issue 11: "well under 2 s" for the
 * read-only ones), JVM start included: each run is {@code scripts/complaints ...} as an operator
 * types it, with its output thrown away. Builds the register with {@link BenchRegister}, runs
 * every command once to warm the file cache, then R times, and prints the median and the maximum.
 * A command that exits with another code than expected fails the benchmark, so a fast error is
 * never counted as a fast answer. Not a test: run it with {@code scripts/benchmark --cli}.
 */
public final class CliBenchmark {

	private CliBenchmark() {
	}

	private record Case(String label, int exit, List<String> args) {
	}

	public static void main(String[] args) throws Exception {
		int cases = 1000;
		int runs = 5;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--cases" -> cases = Integer.parseInt(args[++i]);
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				default -> {
					System.err.println("usage: CliBenchmark [--cases N] [--runs R]");
					System.exit(2);
				}
			}
		}
		Path script = Path.of("scripts", "complaints").toAbsolutePath();
		Path dir = Files.createTempDirectory("bench-cli-");
		Path db = dir.resolve("register.db");
		long t0 = System.nanoTime();
		BenchRegister.create(db, cases);
		System.out.printf("register of %d cases built in %.1f s (%s, %d kB)%n", cases, seconds(t0), db,
				Files.size(db) / 1024);
		String register = "--complaints.register.path=" + db;
		String middle = String.format("KK-2026-%04d", Math.max(1, cases / 2));
		List<Case> commands = List.of(new Case("export --format json", 0, List.of("export", "--format", "json", register)),
				new Case("export --format csv", 0, List.of("export", "--format", "csv", register)),
				new Case("show " + middle, 0, List.of("show", middle, register)),
				new Case("show KK-2099-9999 (unknown)", 1, List.of("show", "KK-2099-9999", register)),
				new Case("digest --dry-run", 0, List.of("digest", "--dry-run", "--as-of", "2026-11-30", register)),
				new Case("report --year 2026", 0, List.of("report", "--year", "2026", register)),
				new Case("export --fromat json (typo)", 2, List.of("export", "--fromat", "json", register)));
		System.out.println();
		System.out.printf("| command (%d cases, %d runs)               | median | max |%n", cases, runs);
		System.out.println("|-------------------------------------------|--------|-----|");
		int exit = 0;
		for (Case command : commands) {
			try {
				run(script, dir, command); // warm-up, not counted
				List<Double> times = new ArrayList<>();
				for (int r = 0; r < runs; r++) {
					times.add(run(script, dir, command));
				}
				Collections.sort(times);
				double median = (times.get((runs - 1) / 2) + times.get(runs / 2)) / 2;
				System.out.printf("| %-41s | %.2f s | %.2f s |%n", command.label(), median, times.get(runs - 1));
			}
			catch (IllegalStateException ex) {
				System.err.println("benchmark FAILED: " + ex.getMessage());
				exit = 1;
			}
		}
		System.exit(exit);
	}

	/** One run; seconds from start to exit. */
	private static double run(Path script, Path dir, Case command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>();
		line.add(script.toString());
		line.addAll(command.args());
		Path err = dir.resolve("stderr.txt");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(err.toFile())
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(command.label() + " did not end within 120 s");
		}
		double took = seconds(start);
		if (process.exitValue() != command.exit()) {
			throw new IllegalStateException(command.label() + " exited " + process.exitValue() + ", expected "
					+ command.exit() + ": " + Files.readString(err, StandardCharsets.UTF_8).strip());
		}
		return took;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
