package nl.klachten.register;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The moment this register was created: recorded with the clock at the first start of the
 * processor (or of any admin command) on a fresh register, and never changed after. Daily
 * jobs use it to tell a day the processor could have served from the first day of a fresh
 * install.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RegisterCreation implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final Clock clock;

	RegisterCreation(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		createdAt();
	}

	/**
	 * When the register was created; the first call on a fresh register records now. The
	 * digest asks every few seconds, so only that first call writes.
	 */
	public Instant createdAt() {
		java.util.Optional<String> known = this.jdbc.sql("SELECT value FROM register_meta WHERE name = 'created_at'")
			.query(String.class)
			.optional();
		if (known.isPresent()) {
			return Timestamps.read(known.get());
		}
		this.jdbc.sql("INSERT INTO register_meta (name, value) VALUES ('created_at', ?) ON CONFLICT (name) DO NOTHING")
			.param(Timestamps.write(this.clock.instant()))
			.update();
		return Timestamps.read(this.jdbc.sql("SELECT value FROM register_meta WHERE name = 'created_at'")
			.query(String.class)
			.single());
	}

}
