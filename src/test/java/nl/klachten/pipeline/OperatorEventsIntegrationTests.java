package nl.klachten.pipeline;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's event log (issue 11): one line per event (registered, command applied
 * and refused, decision, appeal, mail sent) with the reference and fixed-width hashes
 * only, never the complainant's address, name, subject or text (confidential by default,
 * R8).
 */
class OperatorEventsIntegrationTests extends MailIntegrationTest {

	private static final String TEXT = "text/plain; charset=UTF-8";

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private Logger logger;

	@BeforeEach
	void listen() {
		this.logger = (Logger) LoggerFactory.getLogger("complaints.events");
		this.events.start();
		this.logger.addAppender(this.events);
	}

	@AfterEach
	void stopListening() {
		this.logger.detachAppender(this.events);
	}

	@Test
	void shouldLogEachEventWithReferenceAndHashesOnly() {
		Filed filed = fileComplaint("Geheime klachtonderwerp Zwaluw", "Mijn geheime klachttekst over de Zwaluwstraat.");
		MimeMessage notification = awaitChairMail(filed.reference(), "Nieuwe klacht");

		String typo = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(notification), "GEGRONDD\n\nZwaluw argument.\n", typo,
				replyHeaders(messageId(notification)), TEXT));
		awaitReplyTo(CHAIR, typo);
		String decision = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(notification), "GEGROND\n\nDe Zwaluw had gelijk.\n", decision,
				replyHeaders(messageId(notification)), TEXT));
		awaitReplyTo(CHAIR, decision);

		List<String> lines = await().atMost(WAIT)
			.until(this::lines, (all) -> all.stream()
				.anyMatch((line) -> line.startsWith("mail sent") && line.contains(" decision ")));
		String ref = filed.reference();
		assertThat(lines).anyMatch((line) -> line.matches("registered +" + ref + " mail [0-9a-f]{12}"))
			.anyMatch((line) -> line.matches("command no +" + ref + " mail [0-9a-f]{12} line 1: not a command"))
			.anyMatch((line) -> line.matches("command ok +" + ref + " mail [0-9a-f]{12} GEGROND"))
			.anyMatch((line) -> line.matches("decision +" + ref + " gegrond"))
			.anyMatch((line) -> line.matches("mail sent +" + ref + " outbox \\d+ acknowledgement by .+"));
		assertThat(String.join("\n", lines)).doesNotContain(filed.sender())
			.doesNotContainIgnoringCase("zwaluw")
			.doesNotContain(messageId(filed.ack()))
			.doesNotContain(decision);
	}

	private List<String> lines() {
		return List.copyOf(this.events.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
