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
 * The admin commands' wall time on a register of N cases (issue 11: "well under 2 s" for
 * the read-only ones), JVM start included: each run is {@code scripts/complaints ...} as
 * an operator types it, with its output thrown away. Builds the register with
 * {@link BenchRegister}, runs every command once to warm the file cache (and to let
 * {@code scripts/complaints} record its class-data archive), then R times, and prints the
 * median and the maximum wall time and the median CPU time (user + system, from bash's
 * {@code times}), which a busy machine inflates less; the load average is printed beside
 * them. A command that exits with another code than expected fails the benchmark, so a
 * fast error is never counted as a fast answer. {@code --script} times another launcher
 * (an older build, to compare). Not a test: run it with {@code scripts/benchmark --cli}.
 */
public final class CliBenchmark {

	private CliBenchmark() {
	}

	record Case(String label, int exit, List<String> args) {
	}

	public static void main(String[] args) throws Exception {
		int cases = 1000;
		int runs = 5;
		Path script = Path.of("scripts", "complaints").toAbsolutePath();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--cases" -> cases = Integer.parseInt(args[++i]);
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				case "--script" -> script = Path.of(args[++i]).toAbsolutePath();
				default -> {
					System.err.println("usage: CliBenchmark [--cases N] [--runs R] [--script PATH]");
					System.exit(2);
				}
			}
		}
		Path dir = Files.createTempDirectory("bench-cli-");
		Path db = dir.resolve("register.db");
		long t0 = System.nanoTime();
		BenchRegister.create(db, cases);
		System.out.printf("register of %d cases built in %.1f s (%s, %d kB)%n", cases, seconds(t0), db,
				Files.size(db) / 1024);
		String register = "--complaints.register.path=" + db;
		String middle = String.format("KK-2026-%04d", Math.max(1, cases / 2));
		List<Case> commands = List.of(
				new Case("export --format json", 0, List.of("export", "--format", "json", register)),
				new Case("export --format csv", 0, List.of("export", "--format", "csv", register)),
				new Case("show " + middle, 0, List.of("show", middle, register)),
				new Case("show KK-2099-9999 (unknown)", 1, List.of("show", "KK-2099-9999", register)),
				new Case("digest --dry-run", 0, List.of("digest", "--dry-run", "--as-of", "2026-11-30", register)),
				new Case("report --year 2026", 0, List.of("report", "--year", "2026", register)),
				new Case("export --fromat json (typo)", 2, List.of("export", "--fromat", "json", register)));
		System.out.println();
		System.out.printf("load average before: %s%n", load());
		System.out.printf("| command (%d cases, %d runs)               | median wall | max wall | median CPU |%n",
				cases, runs);
		System.out.println("|-------------------------------------------|-------------|----------|------------|");
		int exit = 0;
		for (Case command : commands) {
			try {
				run(script, dir, command); // warm-up, not counted
				List<Double> walls = new ArrayList<>();
				List<Double> cpus = new ArrayList<>();
				for (int r = 0; r < runs; r++) {
					double[] took = run(script, dir, command);
					walls.add(took[0]);
					cpus.add(took[1]);
				}
				System.out.printf("| %-41s | %.2f s | %.2f s | %.2f s |%n", command.label(), median(walls),
						Collections.max(walls), median(cpus));
			}
			catch (IllegalStateException ex) {
				System.err.println("benchmark FAILED: " + ex.getMessage());
				exit = 1;
			}
		}
		System.out.printf("load average after: %s%n", load());
		System.exit(exit);
	}

	/**
	 * One run: seconds from start to exit, and the CPU seconds it used (user + system).
	 */
	static double[] run(Path script, Path dir, Case command) throws IOException, InterruptedException {
		return run(script, dir, command, 120);
	}

	/**
	 * One run, at most {@code seconds} long: a run that takes longer is killed, with the
	 * JVM it started.
	 */
	static double[] run(Path script, Path dir, Case command, long seconds) throws IOException, InterruptedException {
		Path err = dir.resolve("stderr.txt");
		Path times = dir.resolve("times.txt");
		List<String> line = new ArrayList<>(List.of("bash", "-c",
				"\"$0\" \"$@\" >/dev/null 2>\"$ERR\"; s=$?; times >\"$TIMES\"; exit $s", script.toString()));
		line.addAll(command.args());
		ProcessBuilder builder = new ProcessBuilder(line);
		builder.environment().put("ERR", err.toString());
		builder.environment().put("TIMES", times.toString());
		builder.environment().put("LC_ALL", "C");
		long start = System.nanoTime();
		Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new IllegalStateException(command.label() + " did not end within " + seconds + " s");
		}
		double took = seconds(start);
		if (process.exitValue() != command.exit()) {
			throw new IllegalStateException(command.label() + " exited " + process.exitValue() + ", expected "
					+ command.exit() + ": " + Files.readString(err, StandardCharsets.UTF_8).strip());
		}
		return new double[] { took, childCpu(Files.readAllLines(times)) };
	}

	/**
	 * bash's {@code times}: the second line is the children's user and system time, as
	 * {@code 0m1.234s 0m0.056s}.
	 */
	private static double childCpu(List<String> times) {
		double total = 0;
		for (String part : times.get(1).trim().split("\\s+")) {
			int m = part.indexOf('m');
			total += Integer.parseInt(part.substring(0, m)) * 60
					+ Double.parseDouble(part.substring(m + 1, part.length() - 1));
		}
		return total;
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
	}

	private static String load() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "n/a";
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
