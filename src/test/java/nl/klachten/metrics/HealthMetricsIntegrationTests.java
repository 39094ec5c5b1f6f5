package nl.klachten.metrics;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Health and metrics on the management port (CONTRACT §3 {@code management.server.port}):
 * the components {@code imap}, {@code smtp}, {@code register} and {@code digest}, the
 * {@code complaints_*} meters counting what the pipeline did, no personal data in either,
 * the port on loopback only ({@code imap} DOWN when the mail server goes away:
 * {@link ImapDownHealthIntegrationTests}). It starts a web server, on a random management
 * port. The counts are taken from where they stood and the clock is put back after the
 * deadline test, so the tests run in any order.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.main.web-application-type=servlet", "management.server.port=0" })
class HealthMetricsIntegrationTests extends MailIntegrationTest {

	private static final String TEXT = "text/plain; charset=UTF-8";

	private static final String MARKER = "Kwikstaart";

	@LocalManagementPort
	int port;

	@Test
	void shouldCountWhatHappenedAndReportHealthWithoutPersonalData() {
		String before = get("/actuator/prometheus").body();
		Filed filed = fileComplaint("Onderwerp " + MARKER, "Mijn klacht over de " + MARKER + "laan.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");
		String refused = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(notification), "GEGRONDD\n\nArgument.\n", refused,
				replyHeaders(messageId(notification)), TEXT));
		awaitReplyTo(CHAIR, refused);
		String accepted = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(notification), "NOTITIE\n\nGebeld.\n", accepted,
				replyHeaders(messageId(notification)), TEXT));
		awaitReplyTo(CHAIR, accepted);
		deliver(greenMail, aMail(uniqueSender(), "Afwezig", "Ik ben er niet.", newMessageId(),
				"Auto-Submitted: auto-replied\r\n", TEXT));

		String metrics = await().atMost(WAIT)
			.until(() -> get("/actuator/prometheus").body(),
					// the intake counts mails read when their batch ends, after it routed
					// them
					(body) -> added(before, body, "complaints_mails_ignored_total{reason=\"auto-submitted\"}") >= 1
							&& added(before, body, "complaints_commands_accepted_total") >= 1
							&& added(before, body, "complaints_mails_read_total") >= 4);
		assertThat(added(before, metrics, "complaints_mails_read_total")).isGreaterThanOrEqualTo(4);
		assertThat(added(before, metrics, "complaints_cases_registered_total")).isEqualTo(1);
		assertThat(added(before, metrics, "complaints_acknowledgements_sent_total")).isEqualTo(1);
		assertThat(added(before, metrics, "complaints_commands_refused_total")).isEqualTo(1);
		assertThat(added(before, metrics, "complaints_mails_ignored_total{reason=\"command-refused\"}")).isEqualTo(1);
		assertThat(added(before, metrics, "complaints_notices_placed_total{kind=\"chair-notification\"}"))
			.isGreaterThanOrEqualTo(1);
		assertThat(metrics).contains("complaints_outbox_depth ")
			.contains("complaints_deadlines_breached{deadline=\"decision\"} 0.0")
			.contains("complaints_deadlines_breached{deadline=\"acknowledgement\"} 0.0");

		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode components = ManagementPort.json(health.body()).get("components");
		assertThat(ManagementPort.json(health.body()).get("status").asString()).isEqualTo("UP");
		assertThat(components.propertyNames()).containsExactlyInAnyOrder("imap", "smtp", "register", "digest");
		for (String name : new String[] { "imap", "smtp", "register", "digest" }) {
			assertThat(components.get(name).get("status").asString()).as(name).isEqualTo("UP");
		}
		assertThat(components.get("imap").get("details").get("lastSuccessfulRead").asString()).isNotEqualTo("none");
		assertThat(components.get("smtp").get("details").get("lastSent").asString()).isNotEqualTo("none");
		assertThat(components.get("register").get("details").get("schemaVersion").asString()).isNotEqualTo("none");
		for (String body : new String[] { metrics, health.body() }) {
			assertThat(body).doesNotContainIgnoringCase(MARKER)
				.doesNotContainIgnoringCase(filed.sender())
				.doesNotContainIgnoringCase(CHAIR)
				.doesNotContain(messageId(filed.ack()));
		}
	}

	@Test
	void shouldListenOnLoopbackOnly() throws IOException {
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		Optional<InetAddress> outside = nonLoopbackAddress();
		assumeThat(outside).as("a non-loopback address on this machine").isPresent();
		try (Socket socket = new Socket()) {
			assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), this.port), 2000))
				.isInstanceOf(ConnectException.class);
		}
	}

	@Test
	void shouldCountDecisionsPastTheirDueDate() {
		fileComplaint("Storing", "Mijn internet werkt niet.");
		// no test here decides a case: 60 days on, every case in the register is past its
		// decision date
		long cases = this.jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
		Instant now = this.clock.instant();
		this.clock.advance(Duration.ofDays(60));
		try {
			await().atMost(WAIT).until(() -> breachedDecisions(), (breached) -> breached == cases);
		}
		finally {
			this.clock.set(now);
		}
		await().atMost(WAIT).until(() -> breachedDecisions(), (breached) -> breached == 0);
	}

	private double breachedDecisions() {
		return value(get("/actuator/prometheus").body(), "complaints_deadlines_breached{deadline=\"decision\"}");
	}

	private HttpResponse<String> get(String path) {
		return new ManagementPort(this.port).get(path);
	}

	/**
	 * How much a sample grew from one Prometheus text to the next (absent counts as 0).
	 */
	private static double added(String before, String after, String sample) {
		return value(after, sample) - Math.max(0, value(before, sample));
	}

	/**
	 * The value of one sample line of the Prometheus text ({@code name{tags} value}), or
	 * -1 when absent.
	 */
	private static double value(String metrics, String sample) {
		return metrics.lines()
			.filter((line) -> line.startsWith(sample + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
			.findFirst()
			.orElse(-1);
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!network.isUp() || network.isLoopback()) {
				continue;
			}
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
					return Optional.of(address);
				}
			}
		}
		return Optional.empty();
	}

}
