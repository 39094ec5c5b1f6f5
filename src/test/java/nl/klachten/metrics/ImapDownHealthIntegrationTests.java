package nl.klachten.metrics;

import nl.klachten.Application;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static nl.klachten.MailFixtures.CHAIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code imap} DOWN on the management port when the mail server goes away, and the whole
 * health with it, still without host or address. A class of its own because it stops this
 * class's GreenMail: in {@link HealthMetricsIntegrationTests} it had to be the last test
 * to run.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.main.web-application-type=servlet", "management.server.port=0" })
class ImapDownHealthIntegrationTests extends MailIntegrationTest {

	@LocalManagementPort
	int port;

	@Test
	void shouldReportImapDownWhenTheMailServerIsGone() {
		ManagementPort management = new ManagementPort(this.port);
		greenMail.stop();
		JsonNode health = await().atMost(WAIT)
			.until(() -> ManagementPort.json(management.get("/actuator/health").body()),
					(body) -> "DOWN".equals(body.get("components").get("imap").get("status").asString()));
		assertThat(health.get("status").asString()).isEqualTo("DOWN");
		assertThat(health.get("components").get("imap").get("details").get("failedReadsInRow").asInt())
			.isGreaterThanOrEqualTo(3);
		assertThat(health.toString()).doesNotContain("127.0.0.1").doesNotContainIgnoringCase(CHAIR);
	}

}
