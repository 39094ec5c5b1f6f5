package nl.klachten.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import nl.klachten.committee.MessageId;
import nl.klachten.Application;
import nl.klachten.register.Appeals;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.Complaints;
import nl.klachten.register.Correspondence;
import nl.klachten.register.Correspondence.Direction;
import nl.klachten.register.Correspondence.Letter;
import nl.klachten.register.NewComplaint;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A register of N cases as the processor leaves it after a year of mail, for the CLI
 * benchmark: the schema by Flyway and the rows through the register's own classes, so the
 * file stays what the application writes when the schema grows. Each case has its
 * complaint, the acknowledgement, the chair's notification, a chair's command and its
 * confirmation. Submissions are spread evenly over 2026 up to 29 November whatever N is
 * (the first version spread 1,000 cases over the year, so 100,000 reached into the next
 * century). As a committee that keeps its terms leaves it: a case is decided three weeks
 * after it came in (with the decision mail) unless that is after the benchmark's day, 30
 * November, or it is one of every fifty, which stay open past their term; every tenth is
 * extended; nineteen of twenty decided cases have their measure recorded a few days
 * later; every twenty-fifth decided case is appealed, and the appeal decided after four
 * weeks when that is before the day.
 */
final class BenchRegister {

	private static final String CHAIR = "NCJansen@klikklaar.com";

	private static final String BODY = """
			Geachte commissie,

			Op %d oktober heb ik een router besteld die na twee weken nog niet geleverd was. De klantenservice
			beloofde drie keer terug te bellen en deed dat niet. Toen het pakket kwam, was de doos beschadigd en
			ontbrak de voedingskabel. Ik heb foto's gemaakt en de bon bewaard. Ik verzoek u de kosten van de
			kabel te vergoeden en de klantenservice aan te spreken op haar beloften.

			Met vriendelijke groet,
			Klager %d
			""";

	private static final OffsetDateTime START = OffsetDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(1));

	/** Minutes from {@link #START} to 29 November 2026. */
	private static final long YEAR_MINUTES = 332L * 24 * 60;

	/** The day the benchmark's digest is made for; nothing happens after it. */
	static final OffsetDateTime DAY = OffsetDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneOffset.ofHours(1));

	private BenchRegister() {
	}

	/**
	 * Creates the register at {@code file} (which must not exist) with {@code cases}
	 * cases.
	 */
	static void create(Path file, int cases) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("complaints.pipeline.enabled=false", "logging.level.root=WARN")
			.run("--complaints.register.path=" + file)) {
			TransactionTemplate transaction = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			Filler filler = new Filler(context.getBean(Complaints.class), context.getBean(Correspondence.class),
					context.getBean(CaseChanges.class), context.getBean(Appeals.class));
			transaction.executeWithoutResult((status) -> {
				for (int i = 1; i <= cases; i++) {
					filler.add(i, START.plusMinutes((long) i * YEAR_MINUTES / cases));
				}
			});
		}
	}

	private record Filler(Complaints complaints, Correspondence correspondence, CaseChanges changes, Appeals appeals) {

		void add(int i, OffsetDateTime at) {
			String email = "klager" + i + "@example.org";
			String subject = "Router niet geleverd (" + i + ")";
			RegisteredComplaint c = this.complaints.register(new NewComplaint("Klager " + i, email, "Dorpsstraat " + i,
					"Utrecht", null, subject, BODY.formatted(1 + i % 28, i), at, at.toLocalDate().minusDays(20), false,
					null, List.of("Router X" + i % 7), at.toLocalDate().plusDays(14), at.toLocalDate().plusDays(28)));
			String complaint = mail(c, Direction.IN, at, email, CHAIR, subject, "complaint", BODY.formatted(1, i));
			mail(c, Direction.OUT, at.plusSeconds(1), CHAIR, email, "Ontvangstbevestiging " + subject,
					"acknowledgement", "Wij hebben uw klacht ontvangen onder " + c.reference() + ".");
			mail(c, Direction.OUT, at.plusSeconds(1), CHAIR, CHAIR, "Nieuwe klacht " + subject, "chair-notification",
					"Nieuwe klacht van Klager " + i + ". Antwoord met een opdracht.");
			mail(c, Direction.IN, at.plusHours(2), CHAIR, CHAIR, "Re: Nieuwe klacht", "command",
					"MEDEWERKER Piet de Vries <piet@klikklaar.com>\n\nGraag uitzoeken.\n\n> " + complaint);
			this.changes.setEmployee(c.id(), "Piet de Vries", "piet@klikklaar.com");
			mail(c, Direction.OUT, at.plusHours(2).plusSeconds(1), CHAIR, CHAIR, "Uitgevoerd", "command-confirmation",
					"Uitgevoerd: MEDEWERKER Piet de Vries <piet@klikklaar.com>");
			if (i % 10 == 0 && at.plusDays(20).isBefore(DAY)) {
				this.changes.extend(c.id(), at.toLocalDate().plusDays(42), "Wij wachten op de vervoerder.",
						at.plusDays(20));
			}
			OffsetDateTime decided = at.plusDays(21);
			if (i % 50 != 0 && decided.isBefore(DAY)) {
				decide(c, decided, email, subject, i);
			}
		}

		private void decide(RegisteredComplaint c, OffsetDateTime decided, String email, String subject, int i) {
			this.changes.decide(c.id(), i % 2 == 0 ? "gegrond" : "ongegrond",
					"De levering was te laat en de klantenservice belde niet terug.", "per e-mail", decided);
			mail(c, Direction.OUT, decided, CHAIR, email, "Beslissing " + subject, "decision",
					"De commissie acht uw klacht gegrond. Oplossing: wij vergoeden de kabel.");
			if (i % 20 != 0 && decided.plusDays(3).isBefore(DAY)) {
				this.changes.recordMeasure(c.id(), "Terugbelbeloften worden in het systeem vastgelegd.", CHAIR,
						decided.plusDays(3).toInstant());
			}
			OffsetDateTime filed = decided.plusDays(5);
			if (i % 25 == 0 && filed.isBefore(DAY)) {
				LocalDate due = filed.toLocalDate().plusDays(56);
				this.appeals.file(c.id(), filed, due, "Ik ben het niet eens met de voorgestelde oplossing.");
				mail(c, Direction.IN, filed, email, CHAIR, "BEROEP", "appeal",
						"BEROEP\n\nIk ben het er niet mee eens.");
				if (filed.plusDays(28).isBefore(DAY)) {
					this.appeals.decide(c.id(), "ongegrond", filed.plusDays(28));
				}
			}
		}

		private String mail(RegisteredComplaint c, Direction direction, OffsetDateTime at, String from, String to,
				String subject, String kind, String body) {
			String messageId = UUID.randomUUID() + "@bench.example.org";
			this.correspondence.add(new Letter(c.id(), direction, at, from, to, subject + " [" + c.reference() + "]",
					new MessageId(messageId), kind, body, null, null, null), List.of());
			return body;
		}

	}

}
