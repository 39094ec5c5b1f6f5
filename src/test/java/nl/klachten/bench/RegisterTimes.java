package nl.klachten.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The admin commands over a big register: {@code export --format json} and {@code digest
 * --dry-run}, each as an operator runs it ({@code scripts/complaints}, JVM start
 * included, output thrown away), once to warm up (which also records the command's
 * class-data archive) and then R times; the median wall time counts. A first run over 30
 * s is the only one, and a run over {@link #LIMIT} s is killed and reported as such. The
 * register of N cases ({@link BenchRegister}) is kept in
 * {@code target/bench/register-N.db} and made again when the schema's migrations are
 * newer; each run works on a copy.
 */
final class RegisterTimes {

	/** A command that takes longer is killed and reported as not finished. */
	static final long LIMIT = 300;

	/**
	 * A first run longer than this is the only one: the figure is far off the target
	 * anyway.
	 */
	private static final double SLOW = 30;

	private RegisterTimes() {
	}

	/**
	 * The median wall and CPU seconds of both commands, with the register's size and
	 * build time.
	 */
	static Map<String, Object> measure(int cases, int runs, Path dir) throws IOException, InterruptedException {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("cases", cases);
		Path kept = Path.of("target", "bench", "register-" + cases + ".db").toAbsolutePath();
		if (stale(kept)) {
			Files.deleteIfExists(kept);
			long t0 = System.nanoTime();
			BenchRegister.create(kept, cases);
			figures.put("built_s", (System.nanoTime() - t0) / 1e9);
		}
		Files.createDirectories(dir);
		Path db = Files.copy(kept, dir.resolve("register.db"), StandardCopyOption.REPLACE_EXISTING);
		figures.put("register_mb", Files.size(db) / 1e6);
		String register = "--complaints.register.path=" + db;
		time(figures, "export_json", runs, dir, List.of("export", "--format", "json", register));
		time(figures, "digest_dry_run", runs, dir, List.of("digest", "--dry-run", "--as-of", "2026-11-30", register));
		return figures;
	}

	private static void time(Map<String, Object> figures, String name, int runs, Path dir, List<String> args)
			throws IOException, InterruptedException {
		Path script = Path.of("scripts", "complaints").toAbsolutePath();
		CliBenchmark.Case command = new CliBenchmark.Case(String.join(" ", args.subList(0, args.size() - 1)), 0, args);
		List<Double> walls = new ArrayList<>();
		List<Double> cpus = new ArrayList<>();
		try {
			double[] warm = CliBenchmark.run(script, dir, command, LIMIT);
			figures.put(name + "_first_s", warm[0]);
			for (int r = 0; r < (warm[0] > SLOW ? 0 : runs); r++) {
				double[] took = CliBenchmark.run(script, dir, command, LIMIT);
				walls.add(took[0]);
				cpus.add(took[1]);
			}
			if (walls.isEmpty()) {
				walls.add(warm[0]);
				cpus.add(warm[1]);
			}
		}
		catch (IllegalStateException ex) {
			figures.put(name + "_problem", ex.getMessage());
			return;
		}
		figures.put(name + "_s", CliBenchmark.median(walls));
		figures.put(name + "_min_s", walls.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
		figures.put(name + "_cpu_s", CliBenchmark.median(cpus));
	}

	/**
	 * Missing, or older than a migration of the schema or than the class that fills it.
	 */
	private static boolean stale(Path kept) throws IOException {
		if (!Files.exists(kept)) {
			return true;
		}
		List<Path> sources = new ArrayList<>(List.of(Path.of("src/test/java/nl/klachten/bench/BenchRegister.java")));
		try (Stream<Path> migrations = Files.walk(Path.of("src/main/resources/db"))) {
			migrations.filter(Files::isRegularFile).forEach(sources::add);
		}
		for (Path source : sources) {
			if (Files.exists(source)
					&& Files.getLastModifiedTime(source).compareTo(Files.getLastModifiedTime(kept)) > 0) {
				return true;
			}
		}
		return false;
	}

}
