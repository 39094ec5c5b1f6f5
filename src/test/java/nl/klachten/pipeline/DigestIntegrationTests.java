package nl.klachten.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import nl.klachten.committee.PeopleDates;
import nl.klachten.deadlines.DigestSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.allText;
import static nl.klachten.MailFixtures.chairMails;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.dkimPass;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chair's daily deadline digest by mail (D7, CONTRACT §5 OVERZICHT): a fresh install
 * sends none on its first day, a digest missed while the processor was down goes once
 * when it is back (the test moves the clock), and {@code OVERZICHT} in a new,
 * DKIM-authenticated mail sends one now, listing an open case by reference without its
 * complaint text. Each test sets the install time and the clock it needs and starts with
 * no digest day recorded, and counts the digest mails from where they stood, so the tests
 * run in any order.
 */
class DigestIntegrationTests extends MailIntegrationTest {

	static final String AUTHSERV = "mx.klikklaar.com";

	@DynamicPropertySource
	static void moreProperties(DynamicPropertyRegistry registry) {
		registry.add("complaints.commands.trusted-authserv-id", () -> AUTHSERV);
		registry.add("complaints.digest.cron", () -> "0 0 8 * * *");
		registry.add("complaints.digest.zone", () -> "Europe/Amsterdam");
	}

	static final Duration WAIT = Duration.ofSeconds(20);

	static final String DIGEST_SUBJECT = "Dagoverzicht klachten";

	static final String NEW_SECTION = "Nieuw sinds het vorige overzicht";

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Autowired
	DigestSender digestSender;

	/** No digest day recorded yet, whichever test ran before. */
	@BeforeEach
	void noDigestDayRecorded() {
		this.jdbc.sql("DELETE FROM digest_run").update();
	}

	@Test
	void shouldSendNoDigestOnTheFirstDayOfAFreshInstall() {
		// installed at 09:00, after the day's digest time, and running at 10:00: no
		// digest could have
		// gone earlier today, so none is caught up (the first goes at 08:00 tomorrow)
		int mails = digestMails().size();
		int queued = digestCount();
		installedTodayAtNineNowTen();
		Holds.during(Duration.ofSeconds(7), () -> {
			assertThat(digestMails()).hasSize(mails);
			assertThat(digestCount()).isEqualTo(queued);
		});
	}

	@Test
	void shouldCatchUpTheDigestOnceWhenTheProcessorWasDownAtItsTime() {
		// installed yesterday, down at 08:00 today, back at 09:00: the next check sends
		// today's digest
		int mails = digestMails().size();
		int queued = digestCount();
		LocalDate today = this.digestSender.today();
		installed(today.minusDays(1).atStartOfDay(AMSTERDAM).toInstant(),
				today.atTime(9, 0).atZone(AMSTERDAM).toInstant());
		await().atMost(WAIT).until(() -> digestMails().size() >= mails + 1);
		assertThat(digestMails()).hasSize(mails + 1);
		List<Map<String, Object>> runs = this.jdbc.sql("SELECT day, outbox_message_id FROM digest_run")
			.query()
			.listOfRows();
		assertThat(runs).hasSize(1);
		assertThat(runs.get(0).get("day")).isEqualTo(today.toString());
		String sent = "<" + runs.get(0).get("outbox_message_id") + ">";
		assertThat(digestMails()).filteredOn((m) -> sent.equals(header(m, "Message-ID")))
			.singleElement()
			.satisfies((m) -> assertThat(subject(m)).startsWith(DIGEST_SUBJECT + " " + PeopleDates.date(today)));
		assertThat(digestCount()).isEqualTo(queued + 1);

		// a second check the same day queues nothing
		assertThat(this.digestSender.sendIfDue()).isEmpty();
		Holds.during(Duration.ofSeconds(7), () -> {
			assertThat(digestCount()).isEqualTo(queued + 1);
			assertThat(this.jdbc.sql("SELECT count(*) FROM digest_run").query(Integer.class).single()).isEqualTo(1);
			assertThat(digestMails()).hasSize(mails + 1);
		});
	}

	@Test
	void shouldSendDigestWhenChairAsksWithOverzicht() {
		// installed today after the digest time: no day's digest is due, only the one
		// asked for
		installedTodayAtNineNowTen();
		int mails = digestMails().size();
		String marker = "geheim-" + UUID.randomUUID();
		String complainant = uniqueSender();
		deliver(greenMail, aComplaint(complainant, "Modem defect",
				"Mijn modem knippert rood sinds dinsdag. " + marker + "\n", newMessageId()));
		MimeMessage ack = await().atMost(WAIT)
			.until(() -> inboxOf(greenMail, complainant).stream()
				.filter((m) -> subject(m).startsWith("Ontvangstbevestiging"))
				.toList(), (found) -> found.size() == 1)
			.get(0);
		String reference = header(ack, "X-Complaint-Reference");
		int before = digestCount();

		// a new mail, no reference, trusted through DKIM
		String commandId = newMessageId();
		deliver(greenMail, aMail(CHAIR, "Overzicht graag", "OVERZICHT\n", commandId,
				dkimPass(AUTHSERV, "klikklaar.com"), "text/plain; charset=UTF-8"));
		MimeMessage confirmation = await().atMost(WAIT)
			.until(() -> chairMails(greenMail).stream()
				.filter((m) -> ("<" + commandId + ">").equals(header(m, "In-Reply-To")))
				.toList(), (found) -> found.size() == 1)
			.get(0);
		assertThat(subject(confirmation)).as(part(confirmation, "text/plain")).startsWith("Verwerkt");
		assertThat(part(confirmation, "text/plain")).contains("overzicht");

		MimeMessage digest = await().atMost(WAIT)
			.until(() -> digestMails().stream().filter((m) -> allText(m).contains(reference)).toList(),
					(found) -> found.size() == 1)
			.get(0);
		String text = part(digest, "text/plain");
		assertThat(section(text, NEW_SECTION)).as(text).anyMatch((line) -> line.contains(reference));
		assertThat(allText(digest)).doesNotContain(marker).doesNotContain("knippert rood");
		assertThat(digestCount()).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM digest_run").query(Integer.class).single())
			.as("OVERZICHT is not the day's digest")
			.isZero();
		assertThat(digestMails()).hasSize(mails + 1);
	}

	private void installedTodayAtNineNowTen() {
		LocalDate today = this.digestSender.today();
		installed(today.atTime(9, 0).atZone(AMSTERDAM).toInstant(), today.atTime(10, 0).atZone(AMSTERDAM).toInstant());
	}

	/** The register was created then, and the clock says now. */
	private void installed(Instant createdAt, Instant now) {
		this.jdbc.sql("UPDATE register_meta SET value = ? WHERE name = 'created_at'")
			.param(createdAt.toString())
			.update();
		this.clock.set(now);
	}

	/** The lines under one section title of the digest, up to the next blank line. */
	private static List<String> section(String text, String title) {
		List<String> lines = new ArrayList<>();
		boolean in = false;
		for (String line : text.replace("\r\n", "\n").split("\n")) {
			if (!in && line.startsWith(title)) {
				in = true;
				continue;
			}
			if (in && line.isBlank()) {
				break;
			}
			if (in) {
				lines.add(line);
			}
		}
		assertThat(in).as("section %s in%n%s", title, text).isTrue();
		return lines;
	}

	private List<MimeMessage> digestMails() {
		return chairMails(greenMail).stream().filter((m) -> subject(m).startsWith(DIGEST_SUBJECT)).toList();
	}

	private int digestCount() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE kind = 'daily-digest'").query(Integer.class).single();
	}

}
