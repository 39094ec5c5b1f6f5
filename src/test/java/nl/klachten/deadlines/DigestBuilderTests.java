package nl.klachten.deadlines;

import nl.klachten.committee.DeadlinePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.TermsSettings;
import nl.klachten.commands.CommandParser;
import nl.klachten.commands.ParsedCommands;
import nl.klachten.register.DigestData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest's sections (D7, R7, R10, R11, R12, R20, R23, R24) over constructed data,
 * each as of a fixed {@link Clock}: 2026-03-10 08:00 in Amsterdam unless a test needs
 * another moment.
 */
class DigestBuilderTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T07:00:00Z"), AMSTERDAM);

	private final DigestBuilder builder = new DigestBuilder(new DeadlinePolicy(new TermsSettings(AMSTERDAM,
			Period.ofDays(14), Period.ofDays(28), Period.ofDays(56), Period.ofMonths(12), Period.ofYears(1))));

	@Test
	void shouldListCaseAsOverdueWhenDecisionDuePassedByOneDay() {
		Digest digest = build(input().open(open("KK-2026-0001", "2026-03-09")), CLOCK);
		assertThat(references(digest, Digest.Kind.OVERDUE)).containsExactly("KK-2026-0001");
		Digest.Line line = digest.section(Digest.Kind.OVERDUE).lines().get(0);
		assertThat(line.date()).isEqualTo(LocalDate.of(2026, 3, 9));
		assertThat(line.note()).contains("1 dagen over");
		assertThat(line.reply()).isEqualTo("KK-2026-0001 GEGROND");
		assertThat(line.replyText()).contains("argumenten").contains("ONGEGROND");
		assertThat(references(digest, Digest.Kind.DUE_SOON)).isEmpty();
	}

	@Test
	void shouldListDecisionDueInSevenDaysButNotInEightWhenTermApproaches() {
		Digest digest = build(input().open(open("KK-2026-0007", "2026-03-17"), open("KK-2026-0008", "2026-03-18"),
				open("KK-2026-0000", "2026-03-10")), CLOCK);
		assertThat(references(digest, Digest.Kind.DUE_SOON)).containsExactly("KK-2026-0000", "KK-2026-0007");
		assertThat(digest.section(Digest.Kind.DUE_SOON).lines().get(0).note()).contains("vandaag");
		assertThat(references(digest, Digest.Kind.OVERDUE)).isEmpty();
	}

	@Test
	void shouldWarnForExtensionNoticeWhenFourWeeksEndWithinSevenDaysAndNoExtensionYet() {
		DigestData.OpenCase notExtended = new DigestData.OpenCase("KK-2026-0011", "Anna", "Storing",
				at("2026-02-12T10:00+01:00"), day("2026-03-12"), day("2026-02-26"), false, null, false, null);
		DigestData.OpenCase extended = new DigestData.OpenCase("KK-2026-0012", "Bert", "Factuur",
				at("2026-02-12T10:00+01:00"), day("2026-03-26"), day("2026-02-26"), false, null, true, null);
		Digest digest = build(input().open(notExtended, extended), CLOCK);
		assertThat(references(digest, Digest.Kind.EXTENSION_NOTICE)).containsExactly("KK-2026-0011");
		Digest.Line line = digest.section(Digest.Kind.EXTENSION_NOTICE).lines().get(0);
		assertThat(line.date()).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(line.reply()).isEqualTo("KK-2026-0011 VERLENG 2 weken");
		assertThat(line.replyText()).contains("reden");
	}

	@Test
	void shouldCountCalendarDaysWhenWeekCrossesAutumnDstChange() {
		Clock beforeChange = Clock.fixed(Instant.parse("2026-10-20T06:00:00Z"), AMSTERDAM);
		DigestData.OpenCase acrossDst = new DigestData.OpenCase("KK-2026-0020", "Carla", "Levering",
				at("2026-09-29T10:00+02:00"), day("2026-10-27"), day("2026-10-13"), false, null, false, null);
		Digest digest = build(input().open(acrossDst), beforeChange);
		assertThat(references(digest, Digest.Kind.DUE_SOON)).containsExactly("KK-2026-0020");
		assertThat(references(digest, Digest.Kind.EXTENSION_NOTICE)).containsExactly("KK-2026-0020");
		assertThat(digest.section(Digest.Kind.DUE_SOON).lines().get(0).note()).contains("over 7 dagen");
		DigestData.OpenCase dueOnDstDay = open("KK-2026-0021", "2026-10-25");
		Clock lastSecond = Clock.fixed(Instant.parse("2026-10-25T22:59:59Z"), AMSTERDAM);
		Clock nextDay = Clock.fixed(Instant.parse("2026-10-25T23:00:00Z"), AMSTERDAM);
		assertThat(references(build(input().open(dueOnDstDay), lastSecond), Digest.Kind.OVERDUE)).isEmpty();
		assertThat(references(build(input().open(dueOnDstDay), nextDay), Digest.Kind.OVERDUE))
			.containsExactly("KK-2026-0021");
	}

	@Test
	void shouldShowWhoAndSinceWhenWhenQuestionIsUnanswered() {
		DigestData.Question question = new DigestData.Question("KK-2026-0030", "Dirk", "Monteur", "question-employee",
				"piet@example.org", at("2026-03-05T09:00+01:00"));
		DigestData.Question toComplainant = new DigestData.Question("KK-2026-0031", "Eva", "Retour",
				"question-complainant", "eva@example.org", at("2026-03-08T09:00+01:00"));
		Digest digest = build(input().waiting(question, toComplainant), CLOCK);
		List<Digest.Line> lines = digest.section(Digest.Kind.WAITING).lines();
		assertThat(lines).extracting(Digest.Line::reference).containsExactly("KK-2026-0030", "KK-2026-0031");
		assertThat(lines.get(0).date()).isEqualTo(LocalDate.of(2026, 3, 5));
		assertThat(lines.get(0).note()).contains("piet@example.org").contains("5 dagen");
		assertThat(lines.get(0).reply()).isEqualTo("KK-2026-0030 VRAAG-MEDEWERKER");
		assertThat(lines.get(1).note()).contains("de klager").doesNotContain("eva@example.org");
		assertThat(lines.get(1).reply()).isEqualTo("KK-2026-0031 VRAAG-KLAGER");
	}

	@Test
	void shouldFlagAppealWhenItsTermHasPassed() {
		DigestData.Appeal overdue = new DigestData.Appeal("KK-2026-0040", "Frank", "Schade",
				at("2026-01-12T10:00+01:00"), day("2026-03-09"), null);
		DigestData.Appeal running = new DigestData.Appeal("KK-2026-0041", "Gerda", "Schade",
				at("2026-02-02T10:00+01:00"), day("2026-03-30"), null);
		Digest digest = build(input().appeals(overdue, running), CLOCK);
		List<Digest.Line> lines = digest.section(Digest.Kind.APPEALS).lines();
		assertThat(lines).extracting(Digest.Line::reference).containsExactly("KK-2026-0040", "KK-2026-0041");
		assertThat(lines.get(0).note()).contains("TERMIJN VERSTREKEN");
		assertThat(lines.get(0).note()).contains("de beroepscommissie beslist");
		assertThat(lines.get(0).reply()).as("the chair cannot decide an appeal").isEqualTo("KK-2026-0040 STATUS");
		assertThat(lines.get(1).note()).doesNotContain("VERSTREKEN").contains("over 20 dagen");
	}

	@Test
	void shouldListLateComplaintWhenOpenAndFiledAfterTwelveMonths() {
		DigestData.OpenCase late = new DigestData.OpenCase("KK-2026-0050", "Hans", "Oud", at("2026-03-01T10:00+01:00"),
				day("2026-03-29"), day("2026-03-15"), true, day("2024-11-01"), false, null);
		Digest digest = build(input().open(late, open("KK-2026-0051", "2026-03-29")), CLOCK);
		assertThat(references(digest, Digest.Kind.LATE)).containsExactly("KK-2026-0050");
		assertThat(digest.section(Digest.Kind.LATE).lines().get(0).date()).isEqualTo(LocalDate.of(2024, 11, 1));
	}

	@Test
	void shouldRemindOfMeasuresAfterTwentyNineDaysButNotAfterTwentySeven() {
		Digest digest = build(input().handled(new DigestData.Handled("KK-2026-0060", "Ina", "A", day("2026-02-09")),
				new DigestData.Handled("KK-2026-0061", "Jan", "B", day("2026-02-10")),
				new DigestData.Handled("KK-2026-0062", "Kees", "C", day("2026-02-11"))), CLOCK);
		assertThat(references(digest, Digest.Kind.MEASURES)).containsExactly("KK-2026-0060");
		Digest.Line line = digest.section(Digest.Kind.MEASURES).lines().get(0);
		assertThat(line.reply()).isEqualTo("KK-2026-0060 MAATREGEL");
		assertThat(line.replyText()).contains("GEEN-MAATREGEL");
	}

	@Test
	void shouldListOnlyCasesRegisteredSinceLastDigestWhenOneWent() {
		Fixture in = input().registered(
				new DigestData.Registered("KK-2026-0070", "Lia", "A", at("2026-03-09T07:59+01:00")),
				new DigestData.Registered("KK-2026-0071", "Mo", "B", at("2026-03-09T12:00+01:00")));
		Digest digest = build(in.lastDigest(Instant.parse("2026-03-09T07:00:00Z")), CLOCK);
		assertThat(references(digest, Digest.Kind.NEW)).containsExactly("KK-2026-0071");
		Digest firstEver = build(in.lastDigest(null), CLOCK);
		assertThat(references(firstEver, Digest.Kind.NEW)).containsExactly("KK-2026-0071");
	}

	@Test
	void shouldCarryOnAndCountFailureWhenOneLineCannotBeBuilt() {
		Digest digest = build(input().open(open("KK-2026-0080", "not-a-date"), open("KK-2026-0081", "2026-03-09")),
				CLOCK);
		assertThat(references(digest, Digest.Kind.OVERDUE)).containsExactly("KK-2026-0081");
		assertThat(digest.failedLines()).isPositive();
	}

	@Test
	void shouldShowPurgesWhenRetentionPassesThem() {
		Fixture in = input();
		in.purged = List.of(new Digest.Purge("KK-2025-0001", LocalDate.of(2026, 3, 9)));
		in.purgeSoon = List.of(new Digest.Purge("KK-2025-0002", LocalDate.of(2026, 3, 15)));
		Digest digest = build(in, CLOCK);
		assertThat(digest.section(Digest.Kind.PURGES).lines()).extracting(Digest.Line::note)
			.containsExactly("verwijderd op 9 maart 2026", "wordt verwijderd op 15 maart 2026");
		assertThat(build(input(), CLOCK).sections()).allSatisfy((s) -> assertThat(s.lines()).isEmpty());
	}

	/**
	 * Issue 11: every suggested reply is built from its case (its own reference first,
	 * the command that fits the section) and is a command as it stands, never the
	 * README's placeholder employee or any name or address; what goes under it is
	 * described, not invented.
	 */
	@Test
	void shouldSuggestAValidReplyForItsOwnCaseWithoutAPlaceholderWhenALineHasOne() {
		Fixture in = input()
			.open(open("KK-2026-0001", "2026-03-09"), open("KK-2026-0007", "2026-03-17"),
					new DigestData.OpenCase("KK-2026-0050", "Hans", "Oud", at("2026-03-01T10:00+01:00"),
							day("2026-03-29"), day("2026-03-15"), true, day("2024-11-01"), false, null))
			.waiting(
					new DigestData.Question("KK-2026-0030", "Dirk", "Monteur", "question-employee", "piet@example.org",
							at("2026-03-05T09:00+01:00")),
					new DigestData.Question("KK-2026-0032", "Els", "Prijs", "question-management",
							"directie@example.org", at("2026-03-05T09:00+01:00")))
			.appeals(new DigestData.Appeal("KK-2026-0040", "Frank", "Schade", at("2026-01-12T10:00+01:00"),
					day("2026-03-09"), null))
			.handled(new DigestData.Handled("KK-2026-0060", "Ina", "A", day("2026-02-09")))
			.registered(new DigestData.Registered("KK-2026-0070", "Lia", "A", at("2026-03-10T07:30+01:00")));
		Digest digest = build(in, CLOCK);
		List<Digest.Line> lines = digest.sections().stream().flatMap((section) -> section.lines().stream()).toList();
		assertThat(lines).hasSize(8);
		CommandParser parser = new CommandParser();
		for (Digest.Line line : lines) {
			assertThat(line.reply()).as(line.reference()).startsWith(line.reference() + " ");
			assertThat(line.reply() + " " + line.replyText()).doesNotContain("Piet")
				.doesNotContain("<")
				.doesNotContain("@");
			String command = line.reply().substring(line.reference().length() + 1);
			ParsedCommands parsed = parser.parse(command + "\n\n" + (line.replyText().isEmpty() ? "" : "Een tekst."));
			assertThat(parsed).as(line.reply()).isInstanceOf(ParsedCommands.Commands.class);
		}
	}

	private Digest build(Fixture in, Clock clock) {
		return this.builder.build(new DigestBuilder.Input(in.open, in.waiting, in.appeals, in.handled, in.registered,
				Optional.ofNullable(in.last), in.purged, in.purgeSoon, in.undelivered), clock.instant());
	}

	private static List<String> references(Digest digest, Digest.Kind kind) {
		return digest.section(kind).lines().stream().map(Digest.Line::reference).toList();
	}

	/**
	 * Issue 13: a recipient the SMTP server refused for good since the previous digest is
	 * listed once, with the case, the address and the server's reply; one refused before
	 * it is not listed again. A mail not filed with a case is listed without a reference
	 * or a reply to suggest.
	 */
	@Test
	void shouldListRecipientsRefusedSinceThePreviousDigestWithTheServersReply() {
		Fixture in = input().lastDigest(Instant.parse("2026-03-09T07:00:00Z"))
			.undelivered(
					new DigestData.Undelivered("KK-2026-0021", "Gert", "Monteur", "question-employee",
							"piet@example.org", "550 5.1.1 User unknown", at("2026-03-09T15:30:00Z")),
					new DigestData.Undelivered("KK-2026-0020", "Hanna", "Oud", "decision", "oud@example.org",
							"550 5.1.1 User unknown", at("2026-03-08T15:30:00Z")),
					new DigestData.Undelivered(null, null, null, "daily-digest", "lid@example.org",
							"554 5.7.1 Rejected", at("2026-03-10T06:00:00Z")));
		Digest digest = build(in, CLOCK);
		assertThat(references(digest, Digest.Kind.UNDELIVERED)).containsExactly("KK-2026-0021", "");
		Digest.Line line = digest.section(Digest.Kind.UNDELIVERED).lines().get(0);
		assertThat(line.note())
			.isEqualTo("vraag aan de medewerker aan piet@example.org blijvend geweigerd: " + "550 5.1.1 User unknown");
		assertThat(line.reply()).isEqualTo("KK-2026-0021 STATUS");
		assertThat(digest.section(Digest.Kind.UNDELIVERED).lines().get(1).reply()).isEmpty();
		assertThat(digest.section(Digest.Kind.UNDELIVERED).title())
			.isEqualTo("Niet bezorgd sinds het vorige overzicht");
	}

	/** An open case, submitted four weeks before its (unextended) due date. */
	private static DigestData.OpenCase open(String reference, String decisionDue) {
		return new DigestData.OpenCase(reference, "Naam " + reference, "Onderwerp", at("2026-01-01T10:00+01:00"),
				day(decisionDue), day("2026-01-15"), false, null, true, "Piet");
	}

	/** A stored timestamp as the register hands it over. */
	private static Instant at(String value) {
		return OffsetDateTime.parse(value).toInstant();
	}

	/**
	 * A stored date as the register hands it over: null for one that does not read as a
	 * date.
	 */
	private static LocalDate day(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Fixture input() {
		return new Fixture();
	}

	private static final class Fixture {

		List<DigestData.OpenCase> open = List.of();

		List<DigestData.Question> waiting = List.of();

		List<DigestData.Appeal> appeals = List.of();

		List<DigestData.Handled> handled = List.of();

		List<DigestData.Registered> registered = List.of();

		Instant last;

		List<Digest.Purge> purged = List.of();

		List<Digest.Purge> purgeSoon = List.of();

		List<DigestData.Undelivered> undelivered = List.of();

		Fixture undelivered(DigestData.Undelivered... rows) {
			this.undelivered = List.of(rows);
			return this;
		}

		Fixture open(DigestData.OpenCase... cases) {
			this.open = List.of(cases);
			return this;
		}

		Fixture waiting(DigestData.Question... questions) {
			this.waiting = List.of(questions);
			return this;
		}

		Fixture appeals(DigestData.Appeal... rows) {
			this.appeals = List.of(rows);
			return this;
		}

		Fixture handled(DigestData.Handled... rows) {
			this.handled = List.of(rows);
			return this;
		}

		Fixture registered(DigestData.Registered... rows) {
			this.registered = List.of(rows);
			return this;
		}

		Fixture lastDigest(Instant at) {
			this.last = at;
			return this;
		}

	}

}
