package nl.klachten.register;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.klachten.PostgresRegisterCustomizerFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processes on one PostgreSQL register (issue 16): one leads the mailbox at a time,
 * another takes the lead when it stops or its session ends, registers in other schemas do
 * not wait for each other, and the outbox leases of a stopped process are released while
 * those of live processes are kept.
 */
@EnabledIfSystemProperty(named = PostgresRegisterCustomizerFactory.PROPERTY, matches = ".+")
class InstancesIntegrationTests {

	@TempDir
	Path dir;

	private final List<PostgresInstances> opened = new java.util.ArrayList<>();

	@AfterEach
	void close() {
		this.opened.forEach(PostgresInstances::close);
	}

	@Test
	void shouldLetOneProcessLeadAndAnotherTakeOverWhenItStops() {
		RegisterSettings register = register();
		PostgresInstances a = instances(register);
		PostgresInstances b = instances(register);
		assertThat(a.tick()).isTrue();
		assertThat(b.tick()).as("the mailbox has a live leader").isFalse();
		assertThat(a.tick()).as("the leader keeps the lead").isTrue();
		assertThat(b.tick()).as("still one lead").isFalse();
		assertThat(a.stopped(b.id())).isFalse();
		assertThat(b.stopped(a.id())).isFalse();
		assertThat(a.stopped(a.id())).isFalse();
		assertThat(a.stopped(null)).as("a lease taken before owners were written").isTrue();
		assertThat(a.stopped("4711-0badcafe")).as("no process runs as this id").isTrue();

		String leader = a.id();
		a.close();
		assertThat(b.stopped(leader)).isTrue();
		assertThat(b.tick()).as("the lead is free once its holder stopped").isTrue();
	}

	/**
	 * Two processes serving two tenants: the first up takes both leads, and when the
	 * second joins, the first hands one on, so each leads one; never two leaders of one
	 * tenant.
	 */
	@Test
	void shouldSpreadTheLeadsOfSeveralTenantsOverTheProcesses() throws Exception {
		RegisterSettings alpha = tenant(register(), "alpha");
		RegisterSettings beta = tenant(register(), "beta");
		LeadShare first = new LeadShare(2);
		LeadShare second = new LeadShare(2);
		PostgresInstances alpha1 = instances(alpha, first);
		PostgresInstances beta1 = instances(beta, first);
		assertThat(alpha1.tick()).as("alone, the first process leads every tenant").isTrue();
		assertThat(beta1.tick()).isTrue();
		PostgresInstances alpha2 = instances(alpha, second);
		PostgresInstances beta2 = instances(beta, second);
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		boolean spread = false;
		while (!spread && System.nanoTime() < deadline) {
			boolean a1 = alpha1.tick();
			boolean b1 = beta1.tick();
			boolean a2 = alpha2.tick();
			boolean b2 = beta2.tick();
			assertThat(a1 && a2).as("two leaders of alpha").isFalse();
			assertThat(b1 && b2).as("two leaders of beta").isFalse();
			spread = (a1 || b1) && (a2 || b2) && (a1 != b1) && (a2 != b2);
			Thread.sleep(250);
		}
		assertThat(spread).as("each process leads one tenant").isTrue();
		assertThat(first.held()).isEqualTo(1);
		assertThat(second.held()).isEqualTo(1);
		Thread.sleep(LeadShare.PATIENCE.toMillis() + 1000);
		assertThat(List.of(alpha1.tick(), beta1.tick(), alpha2.tick(), beta2.tick())).as("and it stays so")
			.containsExactlyInAnyOrder(true, true, false, false);
	}

	/** The same register, named as a tenant's. */
	private static RegisterSettings tenant(RegisterSettings register, String id) {
		return new RegisterSettings(register.path(), register.busyTimeout(), register.url(), register.username(),
				register.password(), id);
	}

	@Test
	void shouldLoseTheLeadWhenItsSessionEndsAndLetAnotherTakeIt() throws Exception {
		RegisterSettings register = register();
		PostgresInstances a = instances(register);
		PostgresInstances b = instances(register);
		assertThat(a.tick()).isTrue();
		assertThat(b.tick()).isFalse();
		// the server ends a's session, as it does a silent one's after its idle timeout
		try (Connection admin = DriverManager.getConnection(register.url(), "complaints", "complaints");
				PreparedStatement terminate = admin.prepareStatement(
						"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
			terminate.setString(1, InstanceSessions.APPLICATION + a.id());
			try (var rs = terminate.executeQuery()) {
				assertThat(rs.next() && rs.getInt(1) == 1).as("a's session found and ended").isTrue();
			}
		}
		assertThat(a.tick()).as("a sees that it lost the session, and with it the lead").isFalse();
		assertThat(b.tick()).as("b takes the free lead").isTrue();
		assertThat(a.tick()).isFalse();
	}

	/**
	 * A frozen leader: the server ends its silent session after the idle timeout, another
	 * process takes the lead, and the frozen one no longer counts itself leader, before
	 * it even learns that its session ended. A live leader's session outlasts that
	 * timeout.
	 */
	@Test
	void shouldHandTheLeadOnWhenTheLeaderFallsSilentAndKeepItWhileItPings() throws Exception {
		RegisterSettings register = register();
		PostgresInstances a = instances(register);
		PostgresInstances b = instances(register);
		assertThat(a.tick()).isTrue();
		Thread.sleep(PostgresInstances.SILENCE.plusSeconds(2).toMillis());
		assertThat(b.tick()).as("a pinged all along: its session and lead live").isFalse();
		assertThat(a.leads()).isTrue();

		a.freeze();
		await().atMost(PostgresInstances.SILENCE.plusSeconds(10)).pollInterval(Duration.ofMillis(500)).until(b::tick);
		assertThat(a.leads()).as("a's last ping is too old to lead on").isFalse();
		assertThat(b.stopped(a.id())).as("a's session, with its id lock, ended").isTrue();
	}

	@Test
	void shouldLeaseOnlyRowsStillDueAndNeverARowAnotherProcessLeased() {
		RegisterSettings register = register();
		JdbcClient jdbc = migrated(register);
		PostgresInstances one = instances(register);
		PostgresInstances other = instances(register);
		Instant now = Instant.parse("2026-11-30T07:01:00Z");
		long pending = insert(jdbc, "pending", now.minusSeconds(1).toEpochMilli(), null, null);
		long later = insert(jdbc, "pending", now.plusSeconds(60).toEpochMilli(), null, null);
		long expired = insert(jdbc, "sending", now.toEpochMilli(), now.minusSeconds(1).toEpochMilli(), "4711-0badcafe");
		long sent = insert(jdbc, "sent", now.toEpochMilli(), null, null);
		List<Long> all = List.of(pending, later, expired, sent);

		List<Long> first = new OutboxDrain(jdbc, one).lease(all, now, now.plus(Duration.ofMinutes(15)));
		List<Long> second = new OutboxDrain(jdbc, other).lease(all, now, now.plus(Duration.ofMinutes(15)));

		assertThat(first).containsExactlyInAnyOrder(pending, expired);
		assertThat(second).as("read as due by both, leased by the first").isEmpty();
		assertThat(jdbc.sql("SELECT lease_owner FROM outbox WHERE id = ?").param(pending).query(String.class).single())
			.isEqualTo(one.id());
	}

	@Test
	void shouldNotWaitForTheProcessesOfAnotherRegister() {
		PostgresInstances a = instances(register());
		PostgresInstances other = instances(register());
		assertThat(a.tick()).isTrue();
		assertThat(other.tick()).as("the same mailbox name in another register's schema").isTrue();
	}

	@Test
	void shouldReleaseTheLeasesOfStoppedProcessesAndKeepThoseOfLiveOnes() {
		RegisterSettings register = register();
		JdbcClient jdbc = migrated(register);
		PostgresInstances leader = instances(register);
		PostgresInstances live = instances(register);
		PostgresInstances killed = instances(register);
		leader.tick();
		live.tick();
		killed.tick();
		Map<String, Long> rows = new java.util.LinkedHashMap<>();
		for (String owner : new String[] { leader.id(), live.id(), killed.id(), null }) {
			rows.put(String.valueOf(owner), lease(jdbc, owner));
		}
		killed.close();

		int released = new OutboxDrain(jdbc, leader).releaseLeases();

		assertThat(released).isEqualTo(2);
		assertThat(status(jdbc, rows.get(leader.id()))).isEqualTo("sending");
		assertThat(status(jdbc, rows.get(live.id()))).as("a live process's lease").isEqualTo("sending");
		assertThat(status(jdbc, rows.get(killed.id()))).as("a stopped process's lease").isEqualTo("pending");
		assertThat(status(jdbc, rows.get("null"))).as("a lease without an owner").isEqualTo("pending");
	}

	private static JdbcClient migrated(RegisterSettings register) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(register.url(), "complaints", "complaints");
		FluentConfiguration flyway = Flyway.configure().dataSource(dataSource);
		new RegisterMigrations(register, null).customize(flyway);
		flyway.load().migrate();
		return JdbcClient.create(dataSource);
	}

	private static long insert(JdbcClient jdbc, String status, long next, Long leaseUntil, String owner) {
		return jdbc.sql("""
				INSERT INTO outbox (kind, message_id, sender, recipients, raw, created_at, next_attempt, status,
				    lease_until, lease_owner)
				VALUES ('acknowledgement', ?, 'NCJansen@klikklaar.com', 'klager@example.org', ?, '2026-11-30T07:00:00Z',
				    ?, ?, ?, ?)
				RETURNING id""")
			.params(UUID.randomUUID() + "@klachten.example.org", new byte[] { 'x' }, next, status, leaseUntil, owner)
			.query(Long.class)
			.single();
	}

	private static long lease(JdbcClient jdbc, String owner) {
		Instant now = Instant.parse("2026-11-30T07:01:00Z");
		return jdbc.sql("""
				INSERT INTO outbox (kind, message_id, sender, recipients, raw, created_at, next_attempt, status,
				    lease_until, lease_owner)
				VALUES ('acknowledgement', ?, 'NCJansen@klikklaar.com', 'klager@example.org', ?, ?, ?, 'sending', ?, ?)
				RETURNING id""")
			.params(UUID.randomUUID() + "@klachten.example.org", new byte[] { 'x' }, now.toString(), now.toEpochMilli(),
					now.plus(Duration.ofMinutes(15)).toEpochMilli(), owner)
			.query(Long.class)
			.single();
	}

	private static String status(JdbcClient jdbc, long id) {
		return jdbc.sql("SELECT status FROM outbox WHERE id = ?").param(id).query(String.class).single();
	}

	private PostgresInstances instances(RegisterSettings register) {
		return instances(register, LeadShare.alone());
	}

	private PostgresInstances instances(RegisterSettings register, LeadShare share) {
		PostgresInstances instances = new PostgresInstances(register, share);
		this.opened.add(instances);
		return instances;
	}

	/** A register of its own: a new schema in the tests' database. */
	private RegisterSettings register() {
		Map<String, Object> register = PostgresRegisterCustomizerFactory
			.register(System.getProperty(PostgresRegisterCustomizerFactory.PROPERTY));
		RegisterSettings settings = new RegisterSettings(this.dir.resolve("register.db").toString(),
				Duration.ofSeconds(5), (String) register.get("complaints.register.url"), "complaints", "complaints");
		// the schema exists before any process connects: Flyway makes it at the first
		// start
		try (Connection c = DriverManager.getConnection(settings.url().substring(0, settings.url().indexOf('?')),
				"complaints", "complaints")) {
			c.createStatement().execute("CREATE SCHEMA IF NOT EXISTS " + RegisterMigrations.schema(settings.url()));
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return settings;
	}

}
