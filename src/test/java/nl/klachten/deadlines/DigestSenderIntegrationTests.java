package nl.klachten.deadlines;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.TestClock;
import nl.klachten.register.RegisterCreation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest against a real register (D7, R8, R11): once a day when scheduled, caught up
 * at start-up only for a day the processor could have sent it on, always on demand, and
 * never a word of complaint text. The clock is set to 2026-03-10 08:00 Amsterdam; the
 * register was created the day before unless a test says otherwise.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DigestSenderIntegrationTests {

	static final String MARKER = "CANARY-7f3a-COMPLAINT-TEXT";

	static final LocalDate DAY = LocalDate.of(2026, 3, 10);

	static final Path register = MailFixtures.registerDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("complaints.pipeline.enabled", () -> "false");
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
	}

	static final Instant DIGEST_TIME = Instant.parse("2026-03-10T07:00:00Z");

	@Autowired
	DigestSender sender;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegisterCreation creation;

	@BeforeEach
	void fill() {
		this.clock.set(DIGEST_TIME);
		registerCreatedAt(DIGEST_TIME.minus(Duration.ofDays(1)));
		for (String table : List.of("digest_run", "listed_case", "outbox", "correspondence", "appeal", "measure",
				"extension", "complaint")) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
		long overdue = complaint("KK-2026-0001", "in_behandeling", "Anna de Boer", "Glasvezel valt uit",
				"2026-02-01T10:00+01:00", "2026-03-01", null);
		complaint("KK-2026-0002", "afgehandeld", "Bert Smit", "Dubbele factuur", "2026-01-05T10:00+01:00", "2026-02-02",
				"2026-02-02");
		long asked = complaint("KK-2026-0003", "in_behandeling", "Carla Visser", "Monteur kwam niet",
				"2026-03-09T12:00+01:00", "2026-04-06", null);
		this.jdbc.sql("""
				INSERT INTO correspondence (complaint_id, direction, at, sender, recipients, subject, kind, body)
				VALUES (?, 'out', '2026-03-09T13:00+01:00', 'NCJansen@klikklaar.com', 'piet@example.org', 'Vraag',
				    'question-employee', ?)""").params(asked, MARKER).update();
		this.jdbc.sql("INSERT INTO appeal (complaint_id, filed_at, due, grounds) VALUES (?, ?, ?, ?)")
			.params(overdue, "2026-01-05T10:00+01:00", "2026-03-02", MARKER)
			.update();
	}

	@Test
	void shouldQueueExactlyOneDigestWhenSendIfDueRunsTwiceForOneDay() {
		Optional<String> first = this.sender.sendIfDue(DAY);
		Optional<String> second = this.sender.sendIfDue(DAY);
		assertThat(first).isPresent();
		assertThat(second).isEmpty();
		assertThat(digestRows()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT outbox_message_id FROM digest_run WHERE day = '2026-03-10'")
			.query(String.class)
			.single()).isEqualTo(first.get());
		assertThat(this.sender.sendIfDue()).isEmpty();
	}

	@Test
	void shouldSendOnDemandEvenWhenTheDayAlreadyHadItsDigest() {
		this.sender.sendIfDue(DAY);
		this.sender.sendNow(DAY);
		assertThat(digestRows()).isEqualTo(2);
	}

	@Test
	void shouldSendMissedDigestAtStartUpWhenItsTimeHasPassed() {
		this.clock.set(DIGEST_TIME.plus(Duration.ofHours(3)));
		assertThat(this.sender.sendIfDue()).isPresent();
		assertThat(digestRows()).isEqualTo(1);
	}

	@Test
	void shouldSendNothingBeforeTheDigestTime() {
		this.clock.set(DIGEST_TIME.minusSeconds(1));
		assertThat(this.sender.sendIfDue()).isEmpty();
		this.clock.set(DIGEST_TIME);
		assertThat(this.sender.sendIfDue()).isPresent();
		assertThat(digestRows()).isEqualTo(1);
	}

	@Test
	void shouldNotCatchUpOnTheFirstDayOfAFreshInstallWhenInstalledAfterTheDigestTime() {
		registerCreatedAt(DIGEST_TIME.plus(Duration.ofHours(1)));
		this.clock.set(DIGEST_TIME.plus(Duration.ofHours(2)));
		assertThat(this.sender.sendIfDue()).isEmpty();
		assertThat(digestRows()).isZero();
		// the next morning it goes as usual
		this.clock.set(DIGEST_TIME.plus(Duration.ofDays(1)));
		assertThat(this.sender.sendIfDue()).isPresent();
	}

	@Test
	void shouldNotCatchUpWhenTheRegisterWasCreatedAtTheDigestTimeItself() {
		registerCreatedAt(DIGEST_TIME);
		this.clock.set(DIGEST_TIME.plus(Duration.ofMinutes(1)));
		assertThat(this.sender.sendIfDue()).isEmpty();
	}

	@Test
	void shouldCatchUpWhenInstalledBeforeTheDigestTimeAndDownAtIt() {
		registerCreatedAt(DIGEST_TIME.minus(Duration.ofMinutes(30)));
		this.clock.set(DIGEST_TIME.plus(Duration.ofHours(4)));
		assertThat(this.sender.sendIfDue()).isPresent();
		assertThat(digestRows()).isEqualTo(1);
	}

	@Test
	void shouldRecordTheCreationOfAFreshRegisterOnceWithTheClock() {
		this.jdbc.sql("DELETE FROM register_meta").update();
		this.clock.set(DIGEST_TIME.plus(Duration.ofMinutes(5)));
		assertThat(this.creation.createdAt()).isEqualTo(DIGEST_TIME.plus(Duration.ofMinutes(5)));
		this.clock.advance(Duration.ofDays(3));
		assertThat(this.creation.createdAt()).isEqualTo(DIGEST_TIME.plus(Duration.ofMinutes(5)));
	}

	@Test
	void shouldRenderEverySectionWithoutComplaintTextWhenDryRun() {
		String text = this.sender.render(DAY);
		assertThat(text).contains("Dagoverzicht klachten 10 maart 2026")
			.contains("Over termijn")
			.contains("KK-2026-0001  1 maart 2026  Anna de Boer: Glasvezel valt uit")
			.contains("Wacht op antwoord")
			.contains("piet@example.org")
			.contains("TERMIJN VERSTREKEN")
			.contains("Maatregel nog niet vastgelegd")
			.contains("KK-2026-0002")
			.contains("Nieuw sinds het vorige overzicht")
			.contains("KK-2026-0003")
			.contains("geen")
			.doesNotContain(MARKER);
		assertThat(digestRows()).isZero();
	}

	/**
	 * Issue 13: mail read but refused filing by the server is told in the digest, once,
	 * with count and date.
	 */
	@Test
	void shouldTellMailWaitingToBeFiled() {
		assertThat(this.sender.render(DAY)).doesNotContain("opgeborgen");
		this.sender.unfiledMail(() -> new nl.klachten.mailbox.PendingFilings.State(3,
				Instant.parse("2026-03-09T09:00:00Z"), 5, "CommandFailedException"), "Klachten/Verwerkt");
		try {
			assertThat(this.sender.render(DAY).replaceAll("\\s+", " "))
				.contains("Let op: 3 mails konden sinds 9 maart 2026 niet in Klachten/Verwerkt worden opgeborgen");
		}
		finally {
			this.sender.unfiledMail(() -> new nl.klachten.mailbox.PendingFilings.State(0, null, 0, null), "");
		}
	}

	@Test
	void shouldKeepComplaintTextOutOfTheQueuedMail() {
		this.sender.sendNow(DAY);
		byte[] raw = this.jdbc.sql("SELECT raw FROM outbox WHERE kind = 'daily-digest'").query(byte[].class).single();
		String mail = new String(raw, StandardCharsets.UTF_8);
		assertThat(mail).contains("Dagoverzicht klachten 10 maart 2026").doesNotContain(MARKER);
		assertThat(
				this.jdbc.sql("SELECT recipients FROM outbox WHERE kind = 'daily-digest'").query(String.class).single())
			.isEqualToIgnoringCase("NCJansen@klikklaar.com");
	}

	private void registerCreatedAt(Instant at) {
		this.jdbc.sql("DELETE FROM register_meta").update();
		this.jdbc.sql("INSERT INTO register_meta (name, value) VALUES ('created_at', ?)").param(at.toString()).update();
	}

	private int digestRows() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE kind = 'daily-digest'").query(Integer.class).single();
	}

	private long complaint(String reference, String status, String name, String subject, String submittedAt,
			String decisionDue, String decidedAt) {
		return this.jdbc.sql("""
				INSERT INTO complaint (reference, status, complainant_name, complainant_email, subject, description,
				    submitted_at, acknowledge_due, decision_due, decided_at, assessment)
				VALUES (?, ?, ?, 'klager@example.org', ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(reference, status, name, subject, MARKER + " " + reference, submittedAt, decisionDue, decisionDue,
					decidedAt, decidedAt == null ? null : "gegrond")
			.query(Long.class)
			.single();
	}

}
