package nl.klachten.register;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import nl.klachten.Application;
import nl.klachten.committee.MessageId;
import nl.klachten.MailFixtures;
import nl.klachten.intake.Intake;
import nl.klachten.mailbox.FetchedMail;
import nl.klachten.mailbox.MailBatch;
import nl.klachten.register.Retention.PurgeResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import javax.sql.DataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention (R20) over a real register: cases come in as mail through
 * {@link Intake#take}, are decided or withdrawn with dates in the past, and are purged as
 * of today. Personal data must be gone from every table and from disk; an anonymous row
 * stays; younger cases stay whole. One scenario, one test: a dry run changes nothing, the
 * purge removes what retention ended, the young case stays, a second purge finds nothing;
 * each step is a method of its own, called in that order (not test methods whose order
 * JUnit would have to keep).
 */
@SpringBootTest(classes = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RetentionIntegrationTests {

	static final Path register = MailFixtures.registerDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("complaints.pipeline.enabled", () -> "false");
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
	}

	static final AtomicLong uids = new AtomicLong(5000);

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final String NAME_OLD = "Annabel Zwartkruis" + RUN;

	static final String EMAIL_OLD = "annabel." + RUN + "@example.org";

	static final String SUBJECT_OLD = "Onderwerpmerk" + RUN;

	static final String BODY_OLD = "Lichaammerk" + RUN;

	static final String ATTACHMENT_OLD = "uniek-" + RUN + ".pdf";

	static final String NAME_WITHDRAWN = "Wim Intrekker" + RUN;

	static final String EMAIL_WITHDRAWN = "wim." + RUN + "@example.org";

	static final String NAME_YOUNG = "Yvonne Jonker" + RUN;

	static final String EMAIL_YOUNG = "yvonne." + RUN + "@example.org";

	static final String EMAIL_IGNORED = "robot." + RUN + "@example.org";

	static final byte[] SHARED = ("gedeelde bijlage " + RUN).getBytes(StandardCharsets.UTF_8);

	@Autowired
	Intake intake;

	@Autowired
	java.time.Clock clock;

	@Autowired
	CaseChanges changes;

	@Autowired
	Complaints complaints;

	@Autowired
	Retention retention;

	@Autowired
	CaseFiles caseFiles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	long oldId;

	long withdrawnId;

	long youngId;

	String oldReference;

	String youngReference;

	String withdrawnReference;

	String oldMessageId;

	List<String> oldFiles = new ArrayList<>();

	String sharedFile;

	String ignoredFile;

	@BeforeAll
	void fileCases() {
		this.oldMessageId = MailFixtures.newMessageId();
		take(withAttachments(EMAIL_OLD, SUBJECT_OLD,
				"Naam: " + NAME_OLD + "\nAdres: Kerkstraat 1\nWoonplaats: Utrecht\n" + "Product: Glasvezel 1000\n\n"
						+ BODY_OLD + " mijn internet valt uit.",
				this.oldMessageId, Map.of(ATTACHMENT_OLD, ("unieke bijlage " + RUN).getBytes(StandardCharsets.UTF_8),
						"gedeeld.pdf", SHARED)));
		this.oldId = idOf(EMAIL_OLD);
		this.oldReference = referenceOf(this.oldId);
		OffsetDateTime twoYearsAgo = OffsetDateTime.now(this.clock).minusYears(2);
		this.complaints.addParticipant(this.oldId, "monteur." + RUN + "@example.com", "employee", this.clock.instant());
		this.changes.setEmployee(this.oldId, "Medewerker " + RUN, "medewerker." + RUN + "@klikklaar.com");
		this.changes.extend(this.oldId, today().plusWeeks(6), "reden " + NAME_OLD, OffsetDateTime.now(this.clock));
		this.changes.addNote(this.oldId, "notitie over " + NAME_OLD, CHAIR, this.clock.instant());
		this.changes.recordMeasure(this.oldId, "maatregel voor " + NAME_OLD, CHAIR, this.clock.instant());
		this.changes.decide(this.oldId, "ongegrond", "argumenten voor " + NAME_OLD, "oplossing voor " + NAME_OLD,
				"brief", twoYearsAgo);
		this.oldFiles.add(this.jdbc.sql("SELECT raw_path FROM inbound_mail WHERE message_id = ?")
			.param(this.oldMessageId)
			.query(String.class)
			.single());
		this.oldFiles.add(this.jdbc.sql("SELECT path FROM attachment WHERE file_name = ?")
			.param(ATTACHMENT_OLD)
			.query(String.class)
			.single());

		take(withAttachments(EMAIL_YOUNG, "Jonge klacht " + RUN, "Naam: " + NAME_YOUNG + "\n\nDe factuur klopt niet.",
				MailFixtures.newMessageId(), Map.of("gedeeld.pdf", SHARED)));
		this.youngId = idOf(EMAIL_YOUNG);
		this.youngReference = referenceOf(this.youngId);
		this.changes.decide(this.youngId, "gegrond", "argumenten", "brief",
				OffsetDateTime.now(this.clock).minusMonths(11));
		this.sharedFile = this.jdbc
			.sql("SELECT a.path FROM attachment a JOIN correspondence r ON r.id = a.correspondence_id "
					+ "WHERE r.complaint_id = ? AND a.file_name = 'gedeeld.pdf'")
			.param(this.youngId)
			.query(String.class)
			.single();

		take(MailFixtures.aComplaint(EMAIL_WITHDRAWN, "Ingetrokken klacht",
				"Naam: " + NAME_WITHDRAWN + "\n\nDe monteur kwam niet.", MailFixtures.newMessageId()));
		this.withdrawnId = idOf(EMAIL_WITHDRAWN);
		this.withdrawnReference = referenceOf(this.withdrawnId);
		this.complaints.setStatus(this.withdrawnId, RegisteredComplaint.Status.INGETROKKEN);
		this.jdbc.sql("UPDATE correspondence SET at = ? WHERE complaint_id = ?")
			.params(twoYearsAgo.toString(), this.withdrawnId)
			.update();

		take(MailFixtures.aComplaint(EMAIL_IGNORED, "Afwezig", "Ik ben afwezig.", MailFixtures.newMessageId(),
				"Auto-Submitted: auto-replied\r\n"));
		Map<String, Object> ignored = this.jdbc
			.sql("SELECT id, outcome, raw_path FROM inbound_mail WHERE sender LIKE ?")
			.param("%" + EMAIL_IGNORED + "%")
			.query()
			.singleRow();
		assertThat(ignored.get("outcome")).isEqualTo("ignored");
		this.ignoredFile = (String) ignored.get("raw_path");
		this.jdbc.sql("UPDATE inbound_mail SET received_at = ? WHERE id = ?")
			.params(twoYearsAgo.toString(), ignored.get("id"))
			.update();

		assertThat(found(NAME_OLD)).as("fixture sanity").isNotEmpty();
		assertThat(found(ATTACHMENT_OLD)).isNotEmpty();
		assertThat(found(BODY_OLD)).isNotEmpty();
		assertThat(Files.exists(register.resolve(this.oldFiles.get(0)))).isTrue();
	}

	@Test
	void shouldPurgeWhatRetentionEndedAndNothingElse() {
		dryRunListsButChangesNothing();
		purgeRemovesPersonalDataEverywhereAndKeepsAnAnonymousRow();
		caseHandledElevenMonthsAgoStays();
		secondPurgeDoesNothing();
	}

	private void dryRunListsButChangesNothing() {
		assertThat(this.retention.due(today())).extracting(Retention.PurgeCandidate::reference)
			.contains(this.oldReference, this.withdrawnReference)
			.doesNotContain(this.youngReference);

		PurgeResult result = this.retention.purge(today(), true);

		assertThat(result.dryRun()).isTrue();
		assertThat(result.references()).containsExactlyInAnyOrder(this.oldReference, this.withdrawnReference);
		assertThat(result.mails()).isGreaterThanOrEqualTo(3);
		assertThat(found(NAME_OLD)).isNotEmpty();
		assertThat(found(EMAIL_IGNORED)).isNotEmpty();
		assertThat(this.oldFiles).allSatisfy((f) -> assertThat(register.resolve(f)).exists());
		assertThat(this.jdbc.sql("SELECT count(*) FROM purge_run").query(Integer.class).single()).isZero();
		assertThat(this.retention.pendingImapDeletes()).isEmpty();
	}

	private void purgeRemovesPersonalDataEverywhereAndKeepsAnAnonymousRow() {
		PurgeResult result = this.retention.purge(today(), false);

		assertThat(result.references()).containsExactlyInAnyOrder(this.oldReference, this.withdrawnReference);
		for (String marker : List.of(NAME_OLD, EMAIL_OLD, SUBJECT_OLD, BODY_OLD, ATTACHMENT_OLD, NAME_WITHDRAWN,
				EMAIL_WITHDRAWN, EMAIL_IGNORED, "Kerkstraat", "monteur." + RUN, "Medewerker " + RUN)) {
			assertThat(found(marker)).as(marker).isEmpty();
		}
		assertThat(this.oldFiles).allSatisfy((f) -> assertThat(register.resolve(f)).doesNotExist());
		assertThat(register.resolve(this.ignoredFile)).doesNotExist();
		assertThat(register.resolve(this.sharedFile)).as("shared with a kept case").exists();
		assertThat(this.retention.pendingImapDeletes()).map(MessageId::value).contains(this.oldMessageId);

		Map<String, Object> row = this.jdbc.sql("""
				SELECT reference, submitted_at, decided_at, decision_due, assessment, manner, purged, purged_at
				FROM complaint WHERE id = ?""").param(this.oldId).query().singleRow();
		assertThat(row.get("reference")).isEqualTo(this.oldReference);
		assertThat(row.get("submitted_at")).isNotNull();
		assertThat(row.get("decided_at")).isNotNull();
		assertThat(row.get("decision_due")).isNotNull();
		assertThat(row.get("assessment")).isEqualTo("ongegrond");
		assertThat(row.get("manner")).isEqualTo("brief");
		assertThat(((Number) row.get("purged")).intValue()).isEqualTo(1);
		assertThat(row.get("purged_at")).isNotNull();
		assertThat(this.jdbc.sql("SELECT count(*) FROM extension WHERE complaint_id = ? AND to_date IS NOT NULL")
			.param(this.oldId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT text FROM measure WHERE complaint_id = ?")
			.param(this.oldId)
			.query(String.class)
			.single()).isEqualTo(Retention.REMOVED);
		assertThat(this.jdbc.sql("SELECT count(*) FROM correspondence WHERE complaint_id = ?")
			.param(this.oldId)
			.query(Integer.class)
			.single()).isPositive();

		CaseFile file = this.caseFiles.find(ReferenceNumber.parse(this.oldReference).orElseThrow()).orElseThrow();
		assertThat(file.purged()).isTrue();
		assertThat(CaseFileJson.toJson(file, null).get("purged")).isEqualTo(true);
		assertThat(new String(CaseFileJson.write(List.of(file), "default"), StandardCharsets.UTF_8))
			.doesNotContain(NAME_OLD, EMAIL_OLD, BODY_OLD);
		assertThat(this.retention.purgedSince(today().minusDays(1))).extracting(Retention.PurgedCase::reference)
			.containsExactlyInAnyOrder(this.oldReference, this.withdrawnReference);
		assertThat(this.jdbc.sql("SELECT cases FROM purge_run").query(Integer.class).single()).isEqualTo(2);
	}

	private void caseHandledElevenMonthsAgoStays() {
		Map<String, Object> row = this.jdbc
			.sql("SELECT complainant_name, complainant_email, purged, status FROM complaint WHERE id = ?")
			.param(this.youngId)
			.query()
			.singleRow();
		assertThat(row.get("complainant_name")).isEqualTo(NAME_YOUNG);
		assertThat(row.get("complainant_email")).isEqualTo(EMAIL_YOUNG);
		assertThat(((Number) row.get("purged")).intValue()).isZero();
		assertThat(found(EMAIL_YOUNG)).isNotEmpty();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM attachment a JOIN correspondence r ON r.id = a.correspondence_id "
					+ "WHERE r.complaint_id = ?")
			.param(this.youngId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.retention.dueWithin(today(), 45)).extracting(Retention.PurgeCandidate::reference)
			.contains(this.youngReference);
	}

	private void secondPurgeDoesNothing() {
		PurgeResult again = this.retention.purge(today(), false);

		assertThat(again.references()).isEmpty();
		assertThat(again.mails()).isZero();
		assertThat(again.files()).isZero();
		assertThat(again.messageIds()).isEmpty();
	}

	/**
	 * Where a text occurs: "table.column" for every column of every table whose value
	 * contains it.
	 */
	private List<String> found(String text) {
		String needle = text.toLowerCase(Locale.ROOT);
		List<String> hits = new ArrayList<>();
		for (String column : columns()) {
			String table = column.substring(0, column.indexOf('.'));
			String name = column.substring(column.indexOf('.') + 1);
			boolean hit = this.jdbc.sql("SELECT \"" + name + "\" FROM \"" + table + "\"")
				.query((rs, n) -> rs.getObject(1))
				.list()
				.stream()
				.filter(Objects::nonNull)
				.map((value) -> (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
						: String.valueOf(value))
				.anyMatch((value) -> value.toLowerCase(Locale.ROOT).contains(needle));
			if (hit) {
				hits.add(column);
			}
		}
		return hits;
	}

	/**
	 * Every "table.column" of the register, read from the JDBC metadata so that it holds
	 * for SQLite and PostgreSQL alike; values are compared in Java, raw bytes as UTF-8.
	 */
	private List<String> columns() {
		List<String> columns = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String schema = connection.getSchema();
			try (ResultSet tables = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
				while (tables.next()) {
					String table = tables.getString("TABLE_NAME");
					if (table.startsWith("sqlite_")) {
						continue;
					}
					try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
						while (rs.next()) {
							columns.add(table + "." + rs.getString("COLUMN_NAME"));
						}
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(columns).as("the register's columns").contains("complaint.complainant_email", "outbox.raw");
		return columns;
	}

	private long idOf(String email) {
		return this.jdbc.sql("SELECT id FROM complaint WHERE complainant_email = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private String referenceOf(long id) {
		return this.jdbc.sql("SELECT reference FROM complaint WHERE id = ?").param(id).query(String.class).single();
	}

	private void take(String raw) {
		byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
		this.intake
			.take(new MailBatch(List.of(new FetchedMail(uids.incrementAndGet(), null, bytes.length, bytes, null))));
	}

	static String withAttachments(String from, String subject, String text, String messageId,
			Map<String, byte[]> files) {
		String boundary = "b-" + UUID.randomUUID();
		StringBuilder raw = new StringBuilder();
		raw.append("From: Klager <")
			.append(from)
			.append(">\r\n")
			.append("To: ")
			.append(CHAIR)
			.append("\r\n")
			.append("Subject: ")
			.append(subject)
			.append("\r\n")
			.append("Date: Mon, 5 Jan 2026 10:00:00 +0100\r\n")
			.append("Message-ID: <")
			.append(messageId)
			.append(">\r\n")
			.append("MIME-Version: 1.0\r\n")
			.append("Content-Type: multipart/mixed; boundary=\"")
			.append(boundary)
			.append("\"\r\n\r\n")
			.append("--")
			.append(boundary)
			.append("\r\n")
			.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
			.append(text.replace("\n", "\r\n"))
			.append("\r\n");
		files.forEach((name, bytes) -> raw.append("--")
			.append(boundary)
			.append("\r\n")
			.append("Content-Type: application/pdf; name=\"")
			.append(name)
			.append("\"\r\n")
			.append("Content-Disposition: attachment; filename=\"")
			.append(name)
			.append("\"\r\n")
			.append("Content-Transfer-Encoding: base64\r\n\r\n")
			.append(Base64.getMimeEncoder().encodeToString(bytes))
			.append("\r\n"));
		raw.append("--").append(boundary).append("--\r\n");
		return raw.toString();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")));
	}

}
