package nl.klachten.metrics;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * Health and metrics on the management port (CONTRACT §3 {@code management.server.port}): the
 * components {@code imap}, {@code smtp}, {@code register} and {@code digest}, the
 * {@code complaints_*} meters counting what the pipeline did, no personal data in either, the port
 * on loopback only, and {@code imap} DOWN when the mail server goes away. The only test class that
 * starts a web server; it uses a random management port.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.main.web-application-type=servlet", "management.server.port=0" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthMetricsIntegrationTests extends MailIntegrationTest {

	private static final String TEXT = "text/plain; charset=UTF-8";

	private static final String MARKER = "Kwikstaart";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalManagementPort
	int port;

	private static Filed filed;

	@Test
	@Order(1)
	void shouldCountWhatHappenedAndReportHealthWithoutPersonalData() {
		filed = fileComplaint("Onderwerp " + MARKER, "Mijn klacht over de " + MARKER + "laan.");
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

		String metrics = await().atMost(WAIT).until(() -> get("/actuator/prometheus").body(),
				(body) -> value(body, "complaints_mails_ignored_total{reason=\"auto-submitted\"}") >= 1
						&& value(body, "complaints_commands_accepted_total") >= 1);
		assertThat(value(metrics, "complaints_mails_read_total")).isGreaterThanOrEqualTo(4);
		assertThat(value(metrics, "complaints_cases_registered_total")).isEqualTo(1);
		assertThat(value(metrics, "complaints_acknowledgements_sent_total")).isEqualTo(1);
		assertThat(value(metrics, "complaints_commands_refused_total")).isEqualTo(1);
		assertThat(value(metrics, "complaints_mails_ignored_total{reason=\"command-refused\"}")).isEqualTo(1);
		assertThat(value(metrics, "complaints_notices_placed_total{kind=\"chair-notification\"}")).isGreaterThanOrEqualTo(1);
		assertThat(metrics).contains("complaints_outbox_depth ")
			.contains("complaints_deadlines_breached{deadline=\"decision\"} 0.0")
			.contains("complaints_deadlines_breached{deadline=\"acknowledgement\"} 0.0");

		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode components = json(health.body()).get("components");
		assertThat(json(health.body()).get("status").asString()).isEqualTo("UP");
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
	@Order(2)
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
	@Order(3)
	void shouldCountDecisionsPastTheirDueDate() {
		this.clock.advance(Duration.ofDays(60));
		await().atMost(WAIT)
			.until(() -> value(get("/actuator/prometheus").body(), "complaints_deadlines_breached{deadline=\"decision\"}"),
					(breached) -> breached == 1);
	}

	@Test
	@Order(4)
	void shouldReportImapDownWhenTheMailServerIsGone() {
		greenMail.stop();
		JsonNode health = await().atMost(WAIT)
			.until(() -> json(get("/actuator/health").body()),
					(body) -> "DOWN".equals(body.get("components").get("imap").get("status").asString()));
		assertThat(health.get("status").asString()).isEqualTo("DOWN");
		assertThat(health.get("components").get("imap").get("details").get("failedReadsInRow").asInt())
			.isGreaterThanOrEqualTo(3);
		assertThat(health.toString()).doesNotContain("127.0.0.1").doesNotContainIgnoringCase(CHAIR);
	}

	private HttpResponse<String> get(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(String body) {
		return JsonMapper.builder().build().readTree(body);
	}

	/** The value of one sample line of the Prometheus text ({@code name{tags} value}), or -1 when absent. */
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
