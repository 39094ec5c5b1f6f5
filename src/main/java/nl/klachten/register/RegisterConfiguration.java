package nl.klachten.register;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The register: the SQLite file by default, or a PostgreSQL database
 * ({@code complaints.register.url}, issue 16). SQLite's pragmas go in the URL so every
 * pooled connection has them (STACK.md pitfall 4); {@code transaction_mode=IMMEDIATE}
 * takes the write lock at BEGIN, so concurrent writers (the processor and an admin
 * command) queue instead of failing on a lock upgrade. The busy timeout is
 * {@code complaints.register.busy-timeout}; a BEGIN that fails on it leaves the pooled
 * connection as it was ({@link BeginGuard}). PostgreSQL transactions keep the same order
 * ({@link PostgresWriteLock}).
 */
@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {

	@Bean
	DataSource dataSource(RegisterSettings settings) {
		if (settings.postgresql()) {
			return new NulFreeText(PostgresWriteLock.dataSource(settings));
		}
		Path file = settings.file();
		OwnerOnlyDirectory.ensure(file.getParent());
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=" + settings.busyTimeout().toMillis()
				+ "&synchronous=NORMAL" + "&foreign_keys=true&transaction_mode=IMMEDIATE");
		config.setMaximumPoolSize(4);
		config.setPoolName("register");
		HikariDataSource dataSource = new HikariDataSource(config);
		DataFiles.restrictIfPresent(file);
		return new NulFreeText(new BeginGuard(dataSource));
	}

	@Bean
	DataFiles dataFiles(RegisterSettings settings) {
		OwnerOnlyDirectory.ensure(settings.dataDirectory());
		return new DataFiles(settings.dataDirectory());
	}

	/**
	 * This process among those on the register: the only one on SQLite, one of several on
	 * PostgreSQL ({@link PostgresInstances}), its leads spread with the other tenants' of
	 * this process ({@link LeadShare}, the host's when it serves several).
	 */
	@Bean
	Instances instances(RegisterSettings settings, ObjectProvider<LeadShare> share) {
		return settings.postgresql() ? new PostgresInstances(settings, share.getIfAvailable(LeadShare::alone))
				: Instances.single();
	}

	@Bean
	RegisterMigrations registerMigrations(RegisterSettings settings, DataSource dataSource) {
		return new RegisterMigrations(settings, dataSource);
	}

}
