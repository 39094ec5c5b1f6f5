package nl.klachten.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.chairMails;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Limits against floods (issue 10, CONTRACT §4): the acknowledgement, which goes wherever
 * a From line points, repeats no free text but a short cleaned subject; acknowledgements
 * stop at a global ceiling per hour and wait, and the chair is told once; a sender who
 * floods one case gets the chair five notices an hour, the rest summed up in the next
 * one.
 */
class FloodIntegrationTests extends MailIntegrationTest {

	static final String TEXT = "text/plain; charset=UTF-8";

	@DynamicPropertySource
	static void ceiling(DynamicPropertyRegistry registry) {
		registry.add("complaints.outbox.acknowledgements-per-hour", () -> "3");
	}

	@Test
	void shouldEchoNoFreeTextButAShortCleanedSubjectWhenAcknowledging() {
		String victim = uniqueSender();
		String subject = "Gefeliciteerd! U wint een prijs, klik op https://evil.example/claim?id=1 "
				+ "en nog veel meer tekst ".repeat(10);
		deliver(greenMail, ("From: =?utf-8?q?Prijs_bij_evil.example?= <" + victim + ">\r\n")
				+ aComplaint(victim, subject, "Naam: Klik hier http://evil.example\nBel 0900-123.\n", newMessageId())
					.substring(aComplaint(victim, subject, "", null).indexOf("\r\n") + 2));
		MimeMessage ack = awaitMailTo(victim, "Ontvangstbevestiging");
		String text = part(ack, "text/plain");
		assertThat(text).doesNotContain("evil.example")
			.doesNotContain("Prijs")
			.doesNotContain("Klik hier")
			.doesNotContain("0900")
			.contains("[link]")
			.contains("Geachte heer/mevrouw");
		String echoed = text.lines().filter((line) -> line.startsWith("Onderwerp:")).findFirst().orElseThrow();
		assertThat(echoed.length()).isLessThan("Onderwerp:".length() + 100);
		// the chair sees everything
		assertThat(part(awaitChairMail(header(ack, "X-Complaint-Reference"), "Nieuwe klacht"), "text/plain"))
			.contains("evil.example");
	}

	@Test
	void shouldHoldAcknowledgementsPastTheHourlyCeilingAndTellTheChairOnce() {
		await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
		this.clock.advance(Duration.ofHours(2));
		List<String> senders = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String sender = uniqueSender();
			senders.add(sender);
			deliver(greenMail, aComplaint(sender, "Storing " + i, "Het internet is weg.", newMessageId()));
		}
		await().atMost(WAIT).until(() -> acknowledged(senders) == 3);
		MimeMessage notice = await().atMost(WAIT)
			.until(() -> chairMails(greenMail).stream()
				.filter((m) -> subject(m).startsWith("Ontvangstbevestigingen wachten"))
				.toList(), (found) -> found.size() == 1)
			.get(0);
		// the count is of the moment the ceiling is reached: the five complaints may come
		// in
		// over two reads (the intake reads again at once while mail keeps coming), so one
		// or
		// both of the last two may be registered by then; the later one waits all the
		// same
		assertThat(part(notice, "text/plain").replaceAll("\\s+", " ")).containsPattern("Er wachten er nu [12];");
		assertThat(this.jdbc.sql("SELECT count(*) FROM complaint").query(Integer.class).single())
			.isGreaterThanOrEqualTo(5);
		Holds.during(Duration.ofSeconds(2), () -> {
			assertThat(acknowledged(senders)).as("still held while the hour lasts").isEqualTo(3);
		});

		this.clock.advance(Duration.ofMinutes(61));
		await().atMost(WAIT).until(() -> acknowledged(senders) == 5);
		assertThat(
				chairMails(greenMail).stream().filter((m) -> subject(m).startsWith("Ontvangstbevestigingen wachten")))
			.hasSize(1);
	}

	@Test
	void shouldHoldBackNoticesWhenASenderFloodsACase() {
		this.clock.advance(Duration.ofHours(5));
		String sender = uniqueSender();
		deliver(greenMail, aComplaint(sender, "Factuur", "Te hoog.", newMessageId()));
		MimeMessage ack = awaitMailTo(sender, "Ontvangstbevestiging");
		String reference = header(ack, "X-Complaint-Reference");
		for (int i = 0; i < 8; i++) {
			deliver(greenMail, aMail(sender, "Re: " + subject(ack), "Nog iets, bericht " + i + ".\n", newMessageId(),
					replyHeaders(messageId(ack)), TEXT));
		}
		await().atMost(WAIT)
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM correspondence c JOIN complaint k "
						+ "ON k.id = c.complaint_id WHERE k.reference = ? AND c.kind = 'follow-up'")
				.param(reference)
				.query(Integer.class)
				.single() == 8);
		Holds.during(Duration.ofSeconds(2), () -> {
			assertThat(notices(reference)).hasSize(5);
		});

		this.clock.advance(Duration.ofMinutes(61));
		deliver(greenMail, aMail(sender, "Re: " + subject(ack), "Laatste bericht.\n", newMessageId(),
				replyHeaders(messageId(ack)), TEXT));
		await().atMost(WAIT).until(() -> notices(reference).size() == 6);
		assertThat(notices(reference).stream().map((m) -> part(m, "text/plain").replaceAll("\\s+", " ")))
			.anyMatch((text) -> text.contains("Eerder kwamen nog 3 berichten binnen zonder aparte melding"));
	}

	private List<MimeMessage> notices(String reference) {
		return chairMails(greenMail).stream()
			.filter((m) -> reference.equals(header(m, "X-Complaint-Reference")))
			.filter((m) -> subject(m).startsWith("Nieuw bericht van de klager"))
			.toList();
	}

	private long acknowledged(List<String> senders) {
		return senders.stream()
			.filter((s) -> inboxOf(greenMail, s).stream()
				.anyMatch((m) -> subject(m).startsWith("Ontvangstbevestiging")))
			.count();
	}

}
