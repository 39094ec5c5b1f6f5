package nl.klachten.cli;

import java.nio.file.Path;
import java.util.List;

import nl.klachten.register.ConstructedYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin commands that start the application ({@code purge}, {@code digest}) open no
 * port: the management server (health and metrics) belongs to {@code run} alone, so an
 * admin command next to a running processor never collides with its port 8081.
 */
class AdminContextPortIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void shouldStartNoWebServerWhenAnAdminCommandOpensTheRegister() {
		ConstructedYear.build(this.dir.resolve("register.db"));
		try (ConfigurableApplicationContext context = ComplaintsCli
			.register(List.of("--complaints.register.path=" + this.dir.resolve("register.db")), null)) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(context.getEnvironment().getProperty("local.management.port")).isNull();
		}
	}

}
