package nl.klachten.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import nl.klachten.MailIntegrationTest;
import nl.klachten.deadlines.RetentionJob;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.Retention;
import nl.klachten.register.Retention.PurgeResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static nl.klachten.MailFixtures.NOTICES;
import static nl.klachten.MailFixtures.PROCESSED;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R20 end to end over GreenMail: once a case is purged, its mail is deleted from the
 * chair's folders (the complaint from the processed folder, the chair's notification from
 * the notices folder, where it was placed and never read back); another case's mail
 * stays.
 */
class PurgeImapIntegrationTests extends MailIntegrationTest {

	@Autowired
	CaseChanges changes;

	@Autowired
	Retention retention;

	@Autowired
	RetentionJob job;

	@Test
	void shouldDeleteMailOfPurgedCaseFromProcessedFolderAndKeepOtherCase() {
		String oldSender = uniqueSender();
		String oldId = newMessageId();
		String keptSender = uniqueSender();
		String keptId = newMessageId();
		deliver(greenMail, aComplaint(oldSender, "Oude klacht", "Naam: Olga Oud\n\nHet modem is stuk.", oldId));
		deliver(greenMail,
				aComplaint(keptSender, "Nieuwe klacht", "Naam: Karel Kort\n\nDe factuur klopt niet.", keptId));
		String oldReference = awaitFiled(oldSender, oldId);
		String keptReference = awaitFiled(keptSender, keptId);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(inNotices(oldReference)).as("chair notification placed").isPositive());

		long oldCase = idOf(oldSender);
		this.changes.decide(oldCase, "ongegrond", "argumenten", "brief", OffsetDateTime.now(this.clock).minusYears(2));
		this.changes.decide(idOf(keptSender), "gegrond", "argumenten", "brief",
				OffsetDateTime.now(this.clock).minusMonths(1));

		PurgeResult dry = this.job.run(LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Europe/Amsterdam"))),
				true);
		assertThat(dry.references()).containsExactly(oldReference);
		assertThat(processedHas(oldId)).isTrue();

		PurgeResult result = this.job.run(LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Europe/Amsterdam"))),
				false);

		assertThat(result.references()).containsExactly(oldReference);
		assertThat(processedHas(oldId)).as("purged complaint mail").isFalse();
		assertThat(inNotices(oldReference)).as("purged case's notices").isZero();
		assertThat(processedHas(keptId)).as("other case's mail").isTrue();
		assertThat(inNotices(keptReference)).isPositive();
		assertThat(this.retention.pendingImapDeletes()).isEmpty();
	}

	private String awaitFiled(String sender, String messageId) {
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(processedHas(messageId)).isTrue());
		return (String) await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("SELECT reference FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query()
				.listOfRows(), (rows) -> rows.size() == 1)
			.get(0)
			.get("reference");
	}

	private long idOf(String sender) {
		Map<String, Object> row = this.jdbc.sql("SELECT id FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query()
			.singleRow();
		return ((Number) row.get("id")).longValue();
	}

	private boolean processedHas(String messageId) {
		return chairFolder(greenMail, PROCESSED).stream()
			.anyMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")));
	}

	private long inNotices(String reference) {
		return chairFolder(greenMail, NOTICES).stream()
			.filter((m) -> reference.equals(header(m, "X-Complaint-Reference")))
			.count();
	}

}
