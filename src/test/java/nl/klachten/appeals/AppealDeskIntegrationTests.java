package nl.klachten.appeals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nl.klachten.committee.PeopleDates;
import nl.klachten.MailFixtures;
import nl.klachten.RegisterIntegrationTest;
import nl.klachten.intake.Intake;
import nl.klachten.mailbox.FetchedMail;
import nl.klachten.mailbox.MailBatch;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.Complaints;
import nl.klachten.register.RegisteredComplaint;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appeals (R22, R23) against a real register, without a mail server: a complaint goes in
 * through {@link Intake#take}, gets a decision, and is appealed; the outbox shows who was
 * written to.
 */
class AppealDeskIntegrationTests extends RegisterIntegrationTest {

	static final String APPEALS = "beroepscommissie@klikklaar.com";

	static final AtomicLong uids = new AtomicLong(5000);

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Autowired
	Intake intake;

	@Autowired
	java.time.Clock clock;

	@Autowired
	Complaints complaints;

	@Autowired
	CaseChanges changes;

	@Autowired
	AppealDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldRecordTheAppealAndSendTheFileByMailAndAsALetterToPost() throws Exception {
		RegisteredComplaint complaint = decided(registered());

		this.desk.file(complaint, "Ik ben het er niet mee eens: de storing is er nog.", "appeal-1@example.org",
				List.of("appeal-1@example.org"));

		Map<String, Object> appeal = this.jdbc
			.sql("SELECT filed_at, due, grounds, outcome FROM appeal WHERE complaint_id = ?")
			.param(complaint.id())
			.query()
			.singleRow();
		LocalDate filed = OffsetDateTime.parse((String) appeal.get("filed_at"))
			.atZoneSameInstant(AMSTERDAM)
			.toLocalDate();
		assertThat(LocalDate.parse((String) appeal.get("due"))).isEqualTo(filed.plusDays(56));
		assertThat(appeal.get("grounds")).isEqualTo("Ik ben het er niet mee eens: de storing is er nog.");
		assertThat(appeal.get("outcome")).isNull();

		MimeMessage confirmation = outbox(complaint, "appeal-confirmation");
		assertThat(recipients(complaint, "appeal-confirmation")).isEqualTo(complaint.complainantEmail());
		assertThat(MailFixtures.allText(confirmation)).contains("beroepscommissie")
			.contains("CR Makarawung")
			.contains("8 weken")
			.contains(PeopleDates.date(filed.plusDays(56)));
		assertThat(confirmation.getHeader("In-Reply-To")[0]).isEqualTo("<appeal-1@example.org>");

		assertThat(recipients(complaint, "appeal-file")).isEqualTo(APPEALS);
		Map<String, byte[]> sentToAppeals = MailFixtures.attachments(outbox(complaint, "appeal-file"));
		byte[] pdf = sentToAppeals.get("beroep-" + complaint.reference() + ".pdf");
		assertThat(pdf).isNotNull();
		assertThat(text(pdf)).contains(complaint.reference().toString()).contains("Stadswal 61a");

		assertThat(recipients(complaint, "appeal-letter-to-post")).isEqualToIgnoringCase("NCJansen@klikklaar.com");
		Map<String, byte[]> toPost = MailFixtures.attachments(outbox(complaint, "appeal-letter-to-post"));
		assertThat(toPost.get("beroep-" + complaint.reference() + ".pdf")).isEqualTo(pdf);

		byte[] stored = this.jdbc.sql("SELECT pdf FROM appeal_letter WHERE complaint_id = ?")
			.param(complaint.id())
			.query(byte[].class)
			.single();
		assertThat(stored).isEqualTo(pdf);
		assertThat(this.jdbc.sql("SELECT count(*) FROM correspondence WHERE complaint_id = ? AND kind LIKE 'appeal-%'")
			.param(complaint.id())
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void shouldRefuseAnAppealBeforeTheDecisionAndRecordNothing() throws Exception {
		RegisteredComplaint complaint = registered();

		this.desk.file(complaint, "Ik wil in beroep.", null, List.of());

		assertThat(count("SELECT count(*) FROM appeal WHERE complaint_id = ?", complaint.id())).isZero();
		assertThat(count("SELECT count(*) FROM appeal_letter WHERE complaint_id = ?", complaint.id())).isZero();
		assertThat(recipients(complaint, "appeal-refused")).isEqualTo(complaint.complainantEmail());
		assertThat(MailFixtures.allText(outbox(complaint, "appeal-refused"))).contains("nog niet beslist");
		assertThat(count("SELECT count(*) FROM outbox WHERE complaint_id = ? AND kind IN "
				+ "('appeal-confirmation', 'appeal-file', 'appeal-letter-to-post')", complaint.id()))
			.isZero();
	}

	@Test
	void shouldRefuseASecondAppeal() throws Exception {
		RegisteredComplaint complaint = decided(registered());
		this.desk.file(complaint, "Eerste beroep.", null, List.of());

		this.desk.file(complaint, "Tweede beroep.", null, List.of());

		assertThat(count("SELECT count(*) FROM appeal_letter WHERE complaint_id = ?", complaint.id())).isOne();
		assertThat(MailFixtures.allText(outbox(complaint, "appeal-refused"))).contains("al beroep ingesteld");
	}

	@Test
	void shouldRecordTheBindingOutcomeAndNameTheCivilCourt() throws Exception {
		RegisteredComplaint complaint = decided(registered());
		assertThat(this.desk.decisionRefusal(complaint)).contains("Er is geen beroep ingesteld tegen dit dossier.");
		this.desk.file(complaint, "Niet eens.", null, List.of());
		assertThat(this.desk.decisionRefusal(complaint)).isEmpty();

		String done = this.desk.decide(complaint, false, "De storing is niet aangetoond.");

		assertThat(done).contains("ongegrond");
		Map<String, Object> appeal = this.jdbc.sql("SELECT outcome, decided_at FROM appeal WHERE complaint_id = ?")
			.param(complaint.id())
			.query()
			.singleRow();
		assertThat(appeal.get("outcome")).isEqualTo("ongegrond");
		assertThat(appeal.get("decided_at")).isNotNull();
		assertThat(recipients(complaint, "appeal-decision")).isEqualTo(complaint.complainantEmail());
		assertThat(MailFixtures.allText(outbox(complaint, "appeal-decision"))).contains("ongegrond")
			.contains("De storing is niet aangetoond.")
			.contains("bindend")
			.contains("burgerlijke rechter");
		assertThat(this.desk.decisionRefusal(complaint)).get().asString().contains("al beslist");
		assertThat(this.desk.extensionRefusal(complaint, LocalDate.now(this.clock).plusYears(1))).get()
			.asString()
			.contains("al beslist");
	}

	@Test
	void shouldMoveTheTermAndTellTheComplainant() throws Exception {
		RegisteredComplaint complaint = decided(registered());
		this.desk.file(complaint, "Niet eens.", null, List.of());
		LocalDate due = this.desk.due(complaint).orElseThrow();
		assertThat(this.desk.extensionRefusal(complaint, due)).get().asString().contains("niet na de huidige termijn");
		LocalDate to = due.plusWeeks(2);
		assertThat(this.desk.extensionRefusal(complaint, to)).isEmpty();

		String done = this.desk.extend(complaint, to, "De voorzitter is met vakantie.");

		assertThat(done).contains(PeopleDates.date(to));
		assertThat(this.desk.due(complaint)).contains(to);
		Map<String, Object> extension = this.jdbc
			.sql("SELECT to_date, reason, notified_at FROM appeal_extension WHERE complaint_id = ?")
			.param(complaint.id())
			.query()
			.singleRow();
		assertThat(extension.get("to_date")).isEqualTo(to.toString());
		assertThat(extension.get("reason")).isEqualTo("De voorzitter is met vakantie.");
		assertThat(extension.get("notified_at")).isNotNull();
		assertThat(MailFixtures.allText(outbox(complaint, "appeal-extension"))).contains(PeopleDates.date(to))
			.contains(PeopleDates.date(due))
			.contains("De voorzitter is met vakantie.");
	}

	private RegisteredComplaint registered() {
		String sender = MailFixtures.uniqueSender();
		byte[] raw = MailFixtures
			.aComplaint(sender, "Storing glasvezel", "Mijn glasvezel valt elke avond uit.", MailFixtures.newMessageId())
			.getBytes(StandardCharsets.UTF_8);
		this.intake.take(new MailBatch(List.of(new FetchedMail(uids.incrementAndGet(), null, raw.length, raw, null))));
		return this.complaints.filedBy(sender).get(0);
	}

	private RegisteredComplaint decided(RegisteredComplaint complaint) {
		this.changes.decide(complaint.id(), "ongegrond", "Er is geen storing gemeten.", "schriftelijk per e-mail",
				OffsetDateTime.now(this.clock.withZone(AMSTERDAM)));
		return this.complaints.find(complaint.id()).orElseThrow();
	}

	private MimeMessage outbox(RegisteredComplaint complaint, String kind) throws Exception {
		byte[] raw = this.jdbc
			.sql("SELECT raw FROM outbox WHERE complaint_id = ? AND kind = ? ORDER BY id DESC LIMIT 1")
			.params(complaint.id(), kind)
			.query(byte[].class)
			.single();
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
	}

	private String recipients(RegisteredComplaint complaint, String kind) {
		return this.jdbc
			.sql("SELECT recipients FROM outbox WHERE complaint_id = ? AND kind = ? ORDER BY id DESC LIMIT 1")
			.params(complaint.id(), kind)
			.query(String.class)
			.single();
	}

	private int count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Integer.class).single();
	}

	private static String text(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page));
		}
		reader.close();
		return text.toString();
	}

}
