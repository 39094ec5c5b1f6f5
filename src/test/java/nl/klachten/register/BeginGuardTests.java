package nl.klachten.register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite busy (issue 13): a BEGIN that fails because another writer holds the lock past
 * the busy timeout must not leave its pooled connection believing it is in a transaction.
 * Without {@link BeginGuard} the next transaction on that connection skips its BEGIN and
 * commits every statement on its own, so a rollback keeps half of the work; with it, the
 * rollback keeps nothing.
 */
class BeginGuardTests {

	@TempDir
	Path dir;

	private HikariDataSource pool;

	@AfterEach
	void close() {
		if (this.pool != null) {
			this.pool.close();
		}
	}

	@Test
	void shouldRollBackTheWholeNextTransactionAfterABeginFailedOnTheLock() throws Exception {
		DataSource dataSource = new BeginGuard(pool(Duration.ofMillis(200)));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE t (v INTEGER)");
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + this.dir.resolve("register.db"));
				Statement statement = other.createStatement()) {
			statement.execute("BEGIN IMMEDIATE");
			assertThatThrownBy(() -> transactions.executeWithoutResult((s) -> jdbc.update("INSERT INTO t VALUES (0)")))
				.isInstanceOf(org.springframework.transaction.CannotCreateTransactionException.class);
			statement.execute("ROLLBACK");
		}

		assertThatThrownBy(() -> transactions.executeWithoutResult((s) -> {
			jdbc.update("INSERT INTO t VALUES (1)");
			throw new IllegalStateException("the mail's failure");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(jdbc.queryForObject("SELECT count(*) FROM t", Integer.class)).isZero();
	}

	@Test
	void shouldGuardTheRegistersDataSource() throws Exception {
		Files.createDirectories(this.dir.resolve("r"));
		DataSource dataSource = new RegisterConfiguration().dataSource(new RegisterSettings(
				this.dir.resolve("r/register.db").toString(), Duration.ofSeconds(1), null, null, null));
		try {
			// under the register's NUL filter (NulFreeText)
			assertThat(dataSource.isWrapperFor(BeginGuard.class)).isTrue();
		}
		finally {
			((java.io.Closeable) dataSource).close();
		}
	}

	/** One connection, so the transaction after the failed BEGIN runs on the same one. */
	private HikariDataSource pool(Duration busyTimeout) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:sqlite:" + this.dir.resolve("register.db") + "?journal_mode=WAL&busy_timeout="
				+ busyTimeout.toMillis() + "&synchronous=NORMAL&foreign_keys=true&transaction_mode=IMMEDIATE");
		config.setMaximumPoolSize(1);
		this.pool = new HikariDataSource(config);
		return this.pool;
	}

}
