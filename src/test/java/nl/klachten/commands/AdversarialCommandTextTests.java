package nl.klachten.commands;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.klachten.commands.ParsedCommands.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile text against every pattern of the command package (issue 9): the command
 * grammar (CONTRACT §5), MEDEWERKER's name and address, the decision's solution line
 * (R17) and the Authentication-Results check. The time bound is a hang detector, not a
 * performance figure: each of these inputs took seconds to hours before the patterns were
 * made linear. The patterns they replace serve as oracles: on short random text the new
 * code must answer exactly as they did.
 */
class AdversarialCommandTextTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	private static final int MEGABYTE = 1 << 20;

	static Stream<Arguments> hostileMails() {
		return Stream.of(Arguments.of("MEDEWERKER name, spaces", "MEDEWERKER Jan" + " ".repeat(MEGABYTE) + "x"),
				Arguments.of("MEDEWERKER name, tabs", "MEDEWERKER Jan" + "\t".repeat(MEGABYTE) + "x"),
				Arguments.of("MEDEWERKER, < runs", "MEDEWERKER " + "<".repeat(MEGABYTE)),
				Arguments.of("MEDEWERKER, nested brackets", "MEDEWERKER " + "<a ".repeat(MEGABYTE / 3) + ">"),
				Arguments.of("emphasis run inside a value", "NOTITIE a" + "*_".repeat(MEGABYTE / 2) + "x"),
				Arguments.of("emphasis only", "*".repeat(MEGABYTE)),
				Arguments.of("1 MB command line", "NOTITIE " + "ab".repeat(MEGABYTE / 2)),
				Arguments.of("alternating blanks", "HELP" + " \t".repeat(MEGABYTE / 2) + "x"),
				Arguments.of("blank lines under a decision", "GEGROND\n\nx" + "\n".repeat(MEGABYTE) + "y"),
				Arguments.of("blank lines and spaces under a decision", "GEGROND\n\nx" + "\n \t".repeat(MEGABYTE / 3)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileMails")
	void shouldParseInBoundedTimeWhenCommandMailIsHostile(String name, String body) {
		assertTimeoutPreemptively(BOUND, () -> {
			ParsedCommands parsed = new CommandParser().parse(body);
			if (parsed instanceof Commands commands) {
				Decision.of(commands.text());
			}
		});
	}

	static Stream<Arguments> hostileAuthenticationResults() {
		return Stream.of(Arguments.of("repeated dkim=pass", "mx.example.org; " + "dkim=pass ".repeat(MEGABYTE / 10)),
				Arguments.of("repeated dmarc=pass", "mx.example.org; " + "dmarc=pass ".repeat(MEGABYTE / 11)),
				Arguments.of("spaces after pass", "mx.example.org; dkim=pass" + " ".repeat(MEGABYTE)),
				Arguments.of("header.d without value", "mx; dkim=pass " + "header.d= ".repeat(MEGABYTE / 10)),
				Arguments.of("many results", "mx; " + "dkim=pass header.d=evil.example; ".repeat(MEGABYTE / 34)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileAuthenticationResults")
	void shouldCheckInBoundedTimeWhenAuthenticationResultsIsHostile(String name, String header) {
		// over the length limit nothing is read at all; at the limit the one pass stays
		// linear
		String atLimit = header.substring(0, Math.min(header.length(), AuthenticationResults.MAX_LENGTH));
		assertTimeoutPreemptively(BOUND, () -> {
			assertThat(AuthenticationResults.parse(header)).isEmpty();
			for (int i = 0; i < 50; i++) {
				assertThat(AuthenticationResults.parse(atLimit)
					.stream()
					.flatMap((read) -> read.results().stream())
					.filter((r) -> r.passes("dkim") || r.passes("dmarc"))
					.flatMap((r) -> r.properties().values().stream())).noneMatch("klikklaar.com"::equalsIgnoreCase);
			}
		});
	}

	@Test
	void shouldAnswerAsOldPatternsWhenTextIsRandom() {
		Pattern nameAndEmail = Pattern.compile("(.*?)\\s*<([^<>]*)>");
		Pattern solution = Pattern.compile(
				"^\\s*(?:voorgestelde\\s+oplossing|oplossing|proposed\\s+solution|solution)\\s*:\\s*",
				Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
		String[] header = { "dkim=pass", "DMARC=pass", "header.d=", "header.i=@", "header.from=", "a.nl", "b.nl", ";",
				" ", "x", "@", "=" };
		String[] employee = { "Jan", " ", "\t", "<", ">", "a@b.nl", "x", "@" };
		String[] decision = { "oplossing", "Solution", "voorgestelde", "proposed", ":", " ", "\n", "\t", "x", "\r" };
		Random random = new Random(9);
		for (int i = 0; i < 20_000; i++) {
			// Authentication-Results are read as RFC 8601 now, not by the old patterns:
			// only no surprise
			String h = random(random, header);
			AuthenticationResults.parse("mx; " + h);
			String e = random(random, employee).strip();
			CommandValues.Built built = CommandValues.build(Keyword.MEDEWERKER, e, "");
			assertThat(built.command() + " " + built.reason()).as(e).isEqualTo(oldEmployee(nameAndEmail, e));
			String d = random(random, decision);
			Matcher oldSolution = solution.matcher(d);
			Decision expectedDecision = oldSolution.find()
					? new Decision(d.substring(0, oldSolution.start()).strip(), d.substring(oldSolution.end()).strip())
					: new Decision(d.strip(), "");
			assertThat(Decision.of(d)).as(d).usingRecursiveComparison().isEqualTo(expectedDecision);
		}
	}

	/**
	 * What MEDEWERKER made of a value before: the command, or the start of the reason.
	 */
	private static String oldEmployee(Pattern nameAndEmail, String value) {
		Matcher matcher = nameAndEmail.matcher(value);
		String name = value;
		String email = null;
		if (matcher.matches()) {
			name = matcher.group(1).strip();
			email = matcher.group(2).strip();
			if (!Pattern.matches("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;.]+", email)) {
				return "null MEDEWERKER: '" + email + "' is geen geldig e-mailadres.";
			}
		}
		if (name.contains("<") || name.contains(">") || name.contains("@")) {
			return CommandValues.build(Keyword.MEDEWERKER, "<@", "").command() + " "
					+ CommandValues.build(Keyword.MEDEWERKER, "<@", "").reason();
		}
		return name.isEmpty()
				? CommandValues.build(Keyword.MEDEWERKER, "", "").command() + " "
						+ CommandValues.build(Keyword.MEDEWERKER, "", "").reason()
				: new ChairCommand.SetEmployee(name, email) + " null";
	}

	private static String random(Random random, String[] pieces) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(12);
		for (int i = 0; i < length; i++) {
			text.append(pieces[random.nextInt(pieces.length)]);
		}
		return text.toString();
	}

}
