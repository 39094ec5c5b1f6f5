package nl.klachten.commands;

import java.util.List;

import nl.klachten.commands.CaseParts.Part;
import nl.klachten.commands.CaseParts.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT §5, a reply to the digest: lines that start with a case reference split the
 * mail into one part per case; each part runs to the next reference line, so the text
 * under a line (blank lines included) is that case's. A mail whose commands are partly
 * without a reference is refused.
 */
class CasePartsTests {

	private final CaseParts caseParts = new CaseParts("KK");

	private final CommandParser parser = new CommandParser();

	@Test
	void shouldGiveEachCaseItsLinesUpToTheNextReferenceLine() {
		String[] lines = CommandParser.lines("""
				Beste commissie,

				KK-2026-0001 VERLENG 2 weken

				De monteur is pas in januari beschikbaar.

				[KK-2026-0002] MEDEWERKER Piet <piet@klikklaar.com>
				VRAAG-MEDEWERKER

				Piet, wat is er gebeurd?
				kk-2026-0003: GEGROND
				Zie KK-2026-0001 voor hetzelfde probleem.
				KK-2026-0004 was al eerder gemeld, dat is tekst.
				""");
		Split split = this.caseParts.split(lines);
		assertThat(split).isInstanceOf(Split.Parts.class);
		List<Part> parts = ((Split.Parts) split).parts();
		assertThat(parts).extracting(Part::reference).containsExactly("KK-2026-0001", "KK-2026-0002", "KK-2026-0003");
		assertThat(parts).extracting(Part::start).containsExactly(2, 6, 10);

		ParsedCommands.Commands first = commands(lines, parts.get(0));
		assertThat(first.commands()).extracting(CommandLine::command)
			.containsExactly(new ChairCommand.Extend(Term.weeks(2)));
		assertThat(first.text()).isEqualTo("De monteur is pas in januari beschikbaar.");
		assertThat(first.commands().get(0).number()).as("line numbers of the whole mail").isEqualTo(3);

		ParsedCommands.Commands second = commands(lines, parts.get(1));
		assertThat(second.commands()).extracting(CommandLine::command)
			.containsExactly(new ChairCommand.SetEmployee("Piet", "piet@klikklaar.com"),
					new ChairCommand.AskEmployee());
		assertThat(second.text()).isEqualTo("Piet, wat is er gebeurd?");

		ParsedCommands.Commands third = commands(lines, parts.get(2));
		assertThat(third.commands()).extracting(CommandLine::command)
			.containsExactly(new ChairCommand.Decide(Assessment.GEGROND));
		assertThat(third.text())
			.isEqualTo("Zie KK-2026-0001 voor hetzelfde probleem.\nKK-2026-0004 was al eerder gemeld, dat is tekst.");
		assertThat(CaseParts.text(lines, parts.get(0)))
			.isEqualTo("KK-2026-0001 VERLENG 2 weken\n\nDe monteur is pas in januari beschikbaar.");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "KK-2026-0001 VERLNG 2 weken", "KK-2026-0001 ONBEKEND", "KK-2026-0001 verleng 2 weken",
			"(KK-2026-0001) STATUS", "**KK-2026-0001** STATUS" })
	void shouldTakeALineAsACommandForTheCaseWhenAKeywordOrACommandAttemptFollowsTheReference(String line) {
		Split split = this.caseParts.split(CommandParser.lines(line + "\n\nTekst."));
		assertThat(split).isInstanceOf(Split.Parts.class);
		assertThat(((Split.Parts) split).parts()).extracting(Part::reference).containsExactly("KK-2026-0001");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "GEGROND\n\nDe klager heeft gelijk.", "KK-2026-0001 was eerder al gemeld",
			"AB-2026-0001 VERLENG 2 weken", "GEGROND\n\nZoals in KK-2026-0001 GEGROND." })
	void shouldReadTheMailAsOneCaseWhenNoLineStartsWithAReferenceAndACommand(String text) {
		assertThat(this.caseParts.split(CommandParser.lines(text))).isInstanceOf(Split.Single.class);
	}

	@Test
	void shouldRefuseNamingTheLineWhenOnlyLaterCommandsHaveAReference() {
		Split split = this.caseParts
			.split(CommandParser.lines("GEGROND\n\nDe klager heeft gelijk.\n\nKK-2026-0002 VERLENG 2 weken\n\nReden."));
		assertThat(split).isInstanceOf(Split.Mixed.class);
		ParsedCommands.Refusal refusal = ((Split.Mixed) split).refusal();
		assertThat(refusal.number()).isEqualTo(5);
		assertThat(refusal.line()).isEqualTo("KK-2026-0002 VERLENG 2 weken");
		assertThat(refusal.reason()).contains("kenmerk").contains("KK-2026-0002");
	}

	@Test
	void shouldRefuseAMailWithMoreReferenceLinesThanAnyReplyNeeds() {
		String many = "KK-2026-0001 NOTITIE a\n"
				+ "KK-2026-0002 gewone tekst over iets\n".repeat(CaseParts.MAX_REFERENCE_LINES);
		Split split = this.caseParts.split(CommandParser.lines(many));
		assertThat(split).isInstanceOf(Split.Mixed.class);
		assertThat(((Split.Mixed) split).refusal().number()).isEqualTo(CaseParts.MAX_REFERENCE_LINES + 1);
		assertThat(((Split.Mixed) split).refusal().reason()).contains("verdeel");
	}

	private ParsedCommands.Commands commands(String[] lines, Part part) {
		ParsedCommands parsed = this.parser.block(CaseParts.withoutReference(lines, part), part.start(), part.end());
		assertThat(parsed).isInstanceOf(ParsedCommands.Commands.class);
		return (ParsedCommands.Commands) parsed;
	}

}
