package nl.klachten.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import java.nio.file.Path;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailFixtures;
import nl.klachten.TestClock;
import nl.klachten.deadlines.DigestSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.chairMails;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A recipient the SMTP server refuses for good (550 at RCPT, as Postfix answers for an
 * unknown user): the mail is marked failed, not retried, and the chair is told once,
 * naming the case and the refused address and the server's reply (CONTRACT §4, issue 13),
 * and the digest lists it. Other mail still goes.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RefusedRecipientIntegrationTests {

	private static final String NOBODY = "nobody@klikklaar.com";

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	private static final Path register = MailFixtures.registerDirectory();

	private static final RefusingSmtpServer.Slot smtp = new RefusingSmtpServer.Slot(
			(next) -> new RefusingSmtpServer(NOBODY, next));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	DigestSender digest;

	/**
	 * GreenMail behind a server that refuses {@link #NOBODY} at RCPT (GreenMail accepts
	 * everyone).
	 */
	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		// the usual external GreenMail, then mail sent elsewhere (the last value of a key
		// counts)
		MailFixtures.properties(registry, greenMail, register);
		smtp.register(registry, greenMail);
	}

	private MimeMessage awaitChairMail(String reference, String subjectStart) {
		return await().atMost(WAIT)
			.until(() -> chairMails(greenMail).stream()
				.filter((m) -> reference.equals(header(m, "X-Complaint-Reference")))
				.filter((m) -> subject(m).startsWith(subjectStart))
				.toList(), (found) -> found.size() == 1)
			.get(0);
	}

	private MimeMessage awaitReplyTo(String messageId) {
		return await().atMost(WAIT)
			.until(() -> chairMails(greenMail).stream()
				.filter((m) -> ("<" + messageId + ">").equals(header(m, "In-Reply-To")))
				.toList(), (found) -> found.size() == 1)
			.get(0);
	}

	private static String messageId(MimeMessage message) {
		return header(message, "Message-ID").replaceAll("[<>]", "");
	}

	@AfterAll
	static void stop() throws Exception {
		smtp.close();
	}

	private MimeMessage command(MimeMessage answered, String body) {
		String commandId = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(answered), body, commandId, replyHeaders(messageId(answered)),
				"text/plain; charset=UTF-8"));
		MimeMessage answer = awaitReplyTo(commandId);
		assertThat(subject(answer)).as(part(answer, "text/plain")).startsWith("Verwerkt");
		return answer;
	}

	@Test
	void shouldTellTheChairOnceAndNotRetryWhenTheEmployeeIsRefused() {
		String complainant = MailFixtures.uniqueSender();
		deliver(greenMail, aComplaint(complainant, "Verkeerde aansluiting", "Men heeft de verkeerde lijn aangesloten.",
				newMessageId()));
		String reference = await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT reference FROM complaint WHERE complainant_email = ?")
				.param(complainant)
				.query(String.class)
				.list(), (found) -> found.size() == 1)
			.get(0);
		MimeMessage notice = awaitChairMail(reference, "Nieuwe klacht");
		MimeMessage confirmation = command(notice, "MEDEWERKER Niemand <" + NOBODY + ">\n");
		command(confirmation, """
				VRAAG-MEDEWERKER

				Welke lijn heb je aangesloten?
				""");

		MimeMessage refused = awaitChairMail(reference, "Niet bezorgd");
		assertThat(subject(refused)).isEqualTo("Niet bezorgd: mail aan " + NOBODY + " [" + reference + "]");
		// wrapped at 76 columns: compared with white space collapsed
		assertThat(part(refused, "text/plain").replaceAll("\\s+", " ")).contains(NOBODY)
			.contains("vraag aan de medewerker")
			.contains("klacht " + reference)
			.contains("niet opnieuw verstuurd")
			// the server's own reply, as Postfix gave it (issue 13)
			.contains("550 5.1.1 <" + NOBODY + ">: Recipient address rejected: User unknown");
		assertThat(header(refused, "X-Complaint-Reference")).isEqualTo(reference);
		List<Map<String, Object>> outbox = this.jdbc
			.sql("SELECT status, attempts, last_error FROM outbox WHERE kind = 'question-employee'")
			.query()
			.listOfRows();
		assertThat(outbox).singleElement().satisfies((row) -> {
			assertThat(row.get("status")).isEqualTo("failed");
			assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
			assertThat(row.get("last_error")).isEqualTo("recipient-refused");
		});

		assertThat(this.jdbc.sql("SELECT recipient FROM outbox_refusal").query(String.class).list())
			.containsExactly(NOBODY);
		// and the day's digest lists it, with the case and the reply
		String digest = this.digest.render(LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Europe/Amsterdam")))
			.replaceAll("\\s+", " ");
		assertThat(digest).contains("Niet bezorgd sinds het vorige overzicht (1)")
			.contains("- " + reference)
			.contains("vraag aan de medewerker aan " + NOBODY + " blijvend geweigerd: 550 5.1.1");

		// time passes (the outbox's first retry would be due after 5 s): nothing is sent
		// again
		this.clock.advance(Duration.ofHours(1));
		Holds.during(Duration.ofSeconds(2), () -> {
			assertThat(chairMails(greenMail).stream().filter((m) -> subject(m).startsWith("Niet bezorgd"))).hasSize(1);
			assertThat(this.jdbc.sql("SELECT attempts FROM outbox WHERE kind = 'question-employee'")
				.query(Integer.class)
				.single()).isEqualTo(1);
		});
	}

}
