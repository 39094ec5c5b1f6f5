package nl.klachten.pipeline;

import java.time.Duration;

import nl.klachten.Application;
import nl.klachten.MailIntegrationTest;
import nl.klachten.threading.MailThread;
import nl.klachten.threading.ThreadResolver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static nl.klachten.MailFixtures.QUARANTINE;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail whose processing keeps failing unexpectedly is tried {@code max-attempts} times,
 * then quarantined with its reason, and never blocks the mails behind it (CONTRACT §4).
 * The failure is provoked by a thread resolver that throws for one subject.
 */
@SpringBootTest(classes = { Application.class, PoisonMailIntegrationTests.Poison.class },
		properties = { "complaints.intake.max-attempts=3", "spring.main.allow-bean-definition-overriding=true" })
class PoisonMailIntegrationTests extends MailIntegrationTest {

	private static final String POISON = "POISON-SUBJECT";

	@TestConfiguration
	static class Poison {

		@Bean
		@Primary
		ThreadResolver poisonedThreadResolver() {
			return (clues) -> {
				if (clues.subject().contains(POISON)) {
					throw new IllegalStateException("provoked failure");
				}
				return new MailThread.None();
			};
		}

	}

	@Test
	void shouldQuarantineAfterMaxAttemptsAndKeepProcessingOthersWhenOneMailKeepsFailing() {
		String poisonSender = uniqueSender();
		String poisonId = newMessageId();
		deliver(greenMail, aComplaint(poisonSender, POISON, "Deze mail laat de verwerking falen.", poisonId));
		String goodSender = uniqueSender();
		deliver(greenMail,
				aComplaint(goodSender, "Gewone klacht", "Deze mail komt achter de giftige.", newMessageId()));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(count("SELECT count(*) FROM complaint WHERE complainant_email = ?", goodSender))
						.isEqualTo(1));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.jdbc.sql("SELECT outcome || ' ' || reason FROM inbound_mail WHERE message_id = ?")
				.param(poisonId)
				.query(String.class)
				.optional()).contains("quarantined processing-failed:IllegalStateException");
			assertThat(chairFolder(greenMail, QUARANTINE))
				.anyMatch((m) -> ("<" + poisonId + ">").equals(header(m, "Message-ID")));
		});
		assertThat(count("SELECT attempts FROM intake_failure WHERE dedupe_key = ?", "mid:" + poisonId)).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM complaint WHERE complainant_email = ?", poisonSender)).isZero();
		assertThat(inboxOf(greenMail, poisonSender)).isEmpty();
		assertThat(chairFolder(greenMail, "INBOX"))
			.noneMatch((m) -> ("<" + poisonId + ">").equals(header(m, "Message-ID")));
	}

	/**
	 * A different mail that reuses a Message-ID already read and then keeps failing is
	 * quarantined on its own, not taken for the earlier mail, and the chair is told
	 * (CONTRACT §4, issue 13).
	 */
	@Test
	void shouldQuarantineAndTellTheChairWhenAMailReusingAMessageIdKeepsFailing() {
		String first = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail, aComplaint(first, "Gewone klacht", "De eerste mail met deze Message-ID.", messageId));
		await().atMost(WAIT)
			.until(() -> count("SELECT count(*) FROM complaint WHERE complainant_email = ?", first) == 1);
		String second = uniqueSender();
		deliver(greenMail, aComplaint(second, POISON, "Een andere mail, dezelfde Message-ID.", messageId));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT outcome FROM inbound_mail WHERE message_id = ? AND sender = ?")
						.params(messageId, second)
						.query(String.class)
						.list())
				.containsExactly("quarantined"));
		await().atMost(WAIT)
			.until(() -> nl.klachten.MailFixtures.chairMails(greenMail)
				.stream()
				.filter((m) -> nl.klachten.MailFixtures.subject(m).startsWith("Andere mail met een bekende Message-ID"))
				.filter((m) -> nl.klachten.MailFixtures.allText(m).contains(messageId))
				.count() == 1);
	}

	private int count(String sql, String param) {
		return this.jdbc.sql(sql).param(param).query(Integer.class).single();
	}

}
