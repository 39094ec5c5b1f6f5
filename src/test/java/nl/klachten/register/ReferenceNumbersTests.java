package nl.klachten.register;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference numbers (CONTRACT §4, R6): one per complaint, no duplicates and no gaps, also
 * when two processes (here two connection pools) write the same SQLite file at once.
 */
class ReferenceNumbersTests {

	@TempDir
	Path dir;

	private final List<HikariDataSource> pools = new ArrayList<>();

	@BeforeEach
	void migrate() {
		Flyway.configure().dataSource(pool()).locations("classpath:db/migration").load().migrate();
	}

	@AfterEach
	void close() {
		this.pools.forEach(HikariDataSource::close);
	}

	@Test
	void shouldHandOutEightHundredGaplessNumbersWhenTwoPoolsWriteConcurrently() throws Exception {
		List<Writer> writers = List.of(new Writer(pool()), new Writer(pool()));
		ConcurrentLinkedQueue<Integer> sequences = new ConcurrentLinkedQueue<>();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				Writer writer = writers.get(t % 2);
				done.add(threads.submit(() -> {
					for (int i = 0; i < 200; i++) {
						sequences.add(writer.transactions.execute((status) -> writer.numbers.next(2026).sequence()));
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		Set<Integer> distinct = new TreeSet<>(sequences);
		assertThat(sequences).hasSize(800);
		assertThat(distinct)
			.isEqualTo(IntStream.rangeClosed(1, 800).boxed().collect(Collectors.toCollection(TreeSet::new)));
	}

	@Test
	void shouldNotConsumeNumberWhenTransactionRollsBack() {
		Writer writer = new Writer(pool());
		int first = writer.transactions.execute((status) -> writer.numbers.next(2026).sequence());
		int rolledBack = writer.transactions.execute((status) -> {
			int sequence = writer.numbers.next(2026).sequence();
			status.setRollbackOnly();
			return sequence;
		});
		int next = writer.transactions.execute((status) -> writer.numbers.next(2026).sequence());
		assertThat(first).isEqualTo(1);
		assertThat(rolledBack).isEqualTo(2);
		assertThat(next).isEqualTo(2);
	}

	@Test
	void shouldCountPerYearWhenYearsDiffer() {
		Writer writer = new Writer(pool());
		assertThat(writer.transactions.execute((s) -> writer.numbers.next(2025)).toString()).isEqualTo("KK-2025-0001");
		assertThat(writer.transactions.execute((s) -> writer.numbers.next(2026)).toString()).isEqualTo("KK-2026-0001");
		assertThat(writer.transactions.execute((s) -> writer.numbers.next(2026)).toString()).isEqualTo("KK-2026-0002");
	}

	/** Same URL pragmas as the production data source (RegisterConfiguration). */
	private HikariDataSource pool() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:sqlite:" + this.dir.resolve("register.db") + "?journal_mode=WAL&busy_timeout=30000"
				+ "&synchronous=NORMAL&foreign_keys=true&transaction_mode=IMMEDIATE");
		config.setMaximumPoolSize(4);
		HikariDataSource pool = new HikariDataSource(config);
		this.pools.add(pool);
		return pool;
	}

	private static final class Writer {

		final ReferenceNumbers numbers;

		final TransactionTemplate transactions;

		Writer(HikariDataSource pool) {
			this.numbers = new ReferenceNumbers(JdbcClient.create(pool), new ReferenceSettings("KK"));
			this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
		}

	}

}
