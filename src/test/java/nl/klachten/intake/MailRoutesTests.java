package nl.klachten.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.register.Outbox;
import nl.klachten.register.ReferenceNumber;
import nl.klachten.register.RegisteredComplaint;
import nl.klachten.threading.MailThread;
import nl.klachten.threading.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule list of {@link MailRoutes}, one row per representative mail: which
 * {@link Route} comes out, given the thread the mail resolves to, the processor's own
 * mail under its Message-ID and how many mails its sender sent in the last hour. Real
 * mails through the {@link MimeParser}; no register, no Spring.
 */
class MailRoutesTests {

	static final CommitteeSettings COMMITTEE = new CommitteeSettings("Klikklaar", List.of("klikklaar.com"),
			person("NC Jansen", "NCJansen@klikklaar.com"), List.of(person("K. Bruurmijn", "Kenny@klikklaar.com")),
			List.of(person("Directie Klikklaar", "directie@klikklaar.com")),
			person("CR Makarawung", "beroepscommissie@klikklaar.com"));

	static final int LIMIT = 3;

	static final RegisteredComplaint CASE = new RegisteredComplaint(7, new ReferenceNumber("KK", 2026, 12),
			"anna@example.org", RegisteredComplaint.Status.IN_BEHANDELING);

	static final String BODY = "Ik heb een klacht over de wasmachine.";

	static final Route NEW = new Route.NewComplaint("new-complaint", true, null);

	static Stream<Arguments> rows() {
		return Stream.of(
				// CONTRACT §4: our own mail read back is ignored; one that only reuses
				// our Message-ID is not ours
				row("own mail read back", mail("NCJansen@klikklaar.com", BODY), none(),
						ours("NCJansen@klikklaar.com", BODY), 0, Route.Ignore.OWN_MAIL),
				row("our Message-ID, another sender", mail("anna@example.org", BODY), none(),
						ours("NCJansen@klikklaar.com", BODY), 0, NEW),
				row("our Message-ID, our sender, another body", mail("anna@example.org", BODY), none(),
						ours("anna@example.org", "Een andere tekst."), 0, NEW),
				// R3, CONTRACT §4: automatic mail is never a complaint, not even on a
				// case
				row("auto-reply on a case", mail("anna@example.org", "Auto-Submitted: auto-replied", BODY),
						joined(Party.COMPLAINANT), null, 0, new Route.Ignore("auto-submitted")),
				row("mailing list", mail("anna@example.org", "List-Id: <klanten.example.org>", BODY), none(), null, 0,
						new Route.Ignore("mailing-list")),
				row("bounce", mail("MAILER-DAEMON@mx.example.org", BODY), none(), null, 0,
						new Route.Ignore("mailer-daemon")),
				// D7: every committee mail on a case is a command mail; management and
				// appeals only with a keyword
				row("chair on a case", mail("NCJansen@klikklaar.com", "Graag meer uitleg."), joined(Party.COMMITTEE),
						null, 0, new Route.Command(CASE, "committee")),
				row("management keyword on a case", mail("directie@klikklaar.com", "MAATREGEL nieuwe training"),
						joined(Party.MANAGEMENT), null, 0, new Route.Command(CASE, "management")),
				row("appeals keyword on a case", mail("beroepscommissie@klikklaar.com", "BEROEP-GEGROND want ..."),
						joined(Party.APPEALS), null, 0, new Route.Command(CASE, "appeals")),
				// R12, R13, R15, R19: other mail on a case joins its file
				row("complainant on a case", mail("anna@example.org", "Hier is de bon."), joined(Party.COMPLAINANT),
						null, 0, new Route.Correspondence(new MailThread.Joined(CASE, Party.COMPLAINANT))),
				row("employee on a case", mail("piet@klikklaar.com", "Mijn kant van het verhaal."),
						joined(Party.EMPLOYEE), null, 0,
						new Route.Correspondence(new MailThread.Joined(CASE, Party.EMPLOYEE))),
				row("management without keyword on a case", mail("directie@klikklaar.com", "Wij kijken ernaar."),
						joined(Party.MANAGEMENT), null, 0,
						new Route.Correspondence(new MailThread.Joined(CASE, Party.MANAGEMENT))),
				// D7, CONTRACT §5: an official's command without a case; a near miss only
				// from the committee
				row("chair command without a case", mail("NCJansen@klikklaar.com", "OVERZICHT"), none(), null, 0,
						new Route.Command(null, "committee")),
				row("member near miss without a case", mail("Kenny@klikklaar.com", "HLEP"), none(), null, 0,
						new Route.Command(null, "committee")),
				row("management command without a case", mail("directie@klikklaar.com", "HELP"), none(), null, 0,
						new Route.Command(null, "management")),
				row("appeals command without a case", mail("beroepscommissie@klikklaar.com", "HELP"), none(), null, 0,
						new Route.Command(null, "appeals")),
				row("management near miss without a case", mail("directie@klikklaar.com", "HLEP"), none(), null, 0,
						new Route.Ignore("own-domain")),
				// R3: internal mail is not a complaint
				row("colleague without a case", mail("piet@klikklaar.com", BODY), none(), null, 0,
						new Route.Ignore("own-domain")),
				// R6, R9: everything else is a new complaint, acknowledged within the
				// hourly limit
				row("stranger", mail("anna@example.org", BODY), none(), null, LIMIT - 1, NEW),
				row("stranger over the limit", mail("anna@example.org", BODY), none(), null, LIMIT,
						new Route.NewComplaint("new-complaint-rate-limited", false, null)),
				row("stranger quoting a case", mail("anna@example.org", BODY), new MailThread.Foreign(CASE), null, 0,
						new Route.NewComplaint("new-complaint", true, CASE)),
				// CONTRACT §5: a sender not read strictly is no official and is not
				// answered
				row("forged chair with a command",
						mail("NCJansen@klikklaar.com", "Sender: attacker@evil.example", "OVERZICHT"), none(), null, 0,
						new Route.NewComplaint("new-complaint-unanswerable-sender", true, null)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void shouldRouteMailByTheFirstRuleThatAnswers(String row, String raw, MailThread thread, Outbox.Written own,
			int recent, Route expected) {
		MailRoutes routes = new MailRoutes(COMMITTEE, (sender, since) -> recent, LIMIT);
		MailFacts facts = new MailFacts(parse(raw), raw.getBytes(StandardCharsets.UTF_8),
				Instant.parse("2026-03-02T09:00:00Z"), Optional.ofNullable(own), (clues) -> thread);
		assertThat(routes.route(facts)).isEqualTo(expected);
	}

	@Test
	void shouldNotResolveTheThreadWhenAnEarlierRuleAnswers() {
		AtomicInteger resolved = new AtomicInteger();
		MailRoutes routes = new MailRoutes(COMMITTEE, (sender, since) -> 0, LIMIT);
		InboundMail mail = parse(mail("anna@example.org", "Auto-Submitted: auto-replied", BODY));
		routes.route(new MailFacts(mail, new byte[0], Instant.EPOCH, Optional.empty(), (clues) -> {
			resolved.incrementAndGet();
			return new MailThread.None();
		}));
		assertThat(resolved).hasValue(0);
	}

	@Test
	void shouldCountTheSendersMailsOfTheLastHour() {
		Instant[] asked = new Instant[1];
		MailRoutes routes = new MailRoutes(COMMITTEE, (sender, since) -> {
			asked[0] = since;
			return 0;
		}, LIMIT);
		InboundMail mail = parse(mail("anna@example.org", BODY));
		routes.route(new MailFacts(mail, new byte[0], Instant.parse("2026-03-02T09:00:00Z"), Optional.empty(),
				(clues) -> new MailThread.None()));
		assertThat(asked[0]).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
	}

	private static Arguments row(String row, String raw, MailThread thread, Outbox.Written own, int recent,
			Route expected) {
		return Arguments.of(row, raw, thread, own, recent, expected);
	}

	private static String mail(String from, String text) {
		return mail(from, "X-Nothing: here", text);
	}

	private static String mail(String from, String header, String text) {
		return "From: " + from
				+ "\r\nTo: NCJansen@klikklaar.com\r\nSubject: Wasmachine\r\nMessage-ID: <m1@example.org>\r\n" + header
				+ "\r\n\r\n" + text + "\r\n";
	}

	private static Outbox.Written ours(String sender, String text) {
		return new Outbox.Written(sender,
				("Message-ID: <m1@example.org>\r\nFrom: " + sender + "\r\n\r\n" + text + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
	}

	private static MailThread none() {
		return new MailThread.None();
	}

	private static MailThread joined(Party party) {
		return new MailThread.Joined(CASE, party);
	}

	private static InboundMail parse(String raw) {
		ParseResult parsed = new MimeParser().parse(raw.getBytes(StandardCharsets.UTF_8));
		return ((ParseResult.Parsed) parsed).mail();
	}

	private static CommitteeSettings.Person person(String name, String email) {
		return new CommitteeSettings.Person(name, email, null, null);
	}

}
