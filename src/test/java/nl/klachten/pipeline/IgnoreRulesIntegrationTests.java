package nl.klachten.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static nl.klachten.MailFixtures.PROCESSED;
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
 * Mail that is never a complaint and never answered, and the hourly acknowledgement
 * limit, end to end (CONTRACT §4). The appeals address is moved outside the own domain
 * here so that the "officials are not rate-limited" rule can be reached at all.
 */
@SpringBootTest(classes = Application.class,
		properties = "complaints.committee.appeals.email=beroep@appeals.example.net")
class IgnoreRulesIntegrationTests extends MailIntegrationTest {

	@Test
	void shouldKeepAsIgnoredWithoutCaseOrAnswerWhenMailIsAutoReply() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail, aComplaint(sender, "Afwezig: uw klacht", "Ik ben afwezig tot maandag.", messageId,
				"Auto-Submitted: auto-replied\r\n"));

		Map<String, Object> row = awaitInbound(messageId);
		assertThat(row).containsEntry("outcome", "ignored").containsEntry("reason", "auto-submitted");
		assertThat(row.get("complaint_id")).isNull();
		assertThat(row.get("raw_path")).isNotNull();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(chairFolder(greenMail, PROCESSED))
				.anyMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID"))));
		assertThat(casesFrom(sender)).isZero();
		assertThat(outboxTo(sender)).isZero();
		Holds.during(Duration.ofSeconds(1), () -> assertThat(inboxOf(greenMail, sender)).isEmpty());
	}

	@Test
	void shouldRegisterWhenAutoSubmittedIsNo() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail, aComplaint(sender, "Klacht", "Echt een klacht.", messageId, "Auto-Submitted: no\r\n"));

		assertThat(awaitInbound(messageId)).containsEntry("outcome", "case");
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(greenMail, sender).size() == 1);
	}

	@Test
	void shouldIgnoreWithReasonOwnDomainWhenColleagueWritesUnthreadedMail() throws Exception {
		String messageId = newMessageId();
		deliver(greenMail, aComplaint("collega@klikklaar.com", "Lunch?", "Zin in lunch?", messageId));

		Map<String, Object> row = awaitInbound(messageId);
		assertThat(row).containsEntry("outcome", "ignored").containsEntry("reason", "own-domain");
		assertThat(casesFrom("collega@klikklaar.com")).isZero();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(chairFolder(greenMail, PROCESSED))
				.anyMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID"))));
	}

	@Test
	void shouldRegisterEveryMailButAcknowledgeFiveWhenOutsiderSendsSevenInAnHour() throws Exception {
		String sender = uniqueSender();
		for (int i = 1; i <= 7; i++) {
			deliver(greenMail, aComplaint(sender, "Klacht " + i, "Klacht nummer " + i, newMessageId()));
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> casesFrom(sender) == 7);
		assertThat(reasonsFrom(sender)).filteredOn("new-complaint"::equals).hasSize(5);
		assertThat(reasonsFrom(sender)).filteredOn("new-complaint-rate-limited"::equals).hasSize(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(greenMail, sender).size() == 5);
		Holds.during(Duration.ofMillis(1500), () -> {
			assertThat(inboxOf(greenMail, sender)).hasSize(5);
			assertThat(outboxTo(sender)).isEqualTo(5);
		});
	}

	@Test
	void shouldAcknowledgeEveryMailWhenOfficialSendsSevenInAnHour() throws Exception {
		String appeals = "beroep@appeals.example.net";
		for (int i = 1; i <= 7; i++) {
			deliver(greenMail, aComplaint(appeals, "Melding " + i, "Melding nummer " + i, newMessageId()));
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> casesFrom(appeals) == 7);
		assertThat(reasonsFrom(appeals)).containsOnly("new-complaint");
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(greenMail, appeals).size() == 7);
	}

	private Map<String, Object> awaitInbound(String messageId) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT * FROM inbound_mail WHERE message_id = ?")
				.param(messageId)
				.query()
				.listOfRows(), (rows) -> rows.size() == 1)
			.get(0);
	}

	private int casesFrom(String sender) {
		return this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query(Integer.class)
			.single();
	}

	private int outboxTo(String recipient) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE recipients = ?")
			.param(recipient)
			.query(Integer.class)
			.single();
	}

	private List<String> reasonsFrom(String sender) {
		return this.jdbc.sql("SELECT reason FROM inbound_mail WHERE sender = ?")
			.param(sender)
			.query(String.class)
			.list();
	}

}
