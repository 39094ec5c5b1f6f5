package nl.klachten.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile text against every pattern of the intake package (issue 9): the register
 * details of R19 and the header patterns of the MIME parser. The time bound is a hang
 * detector, not a performance figure. The {@code Label: value} pattern that
 * {@link RegisterFields} replaced serves as the oracle on short random lines.
 */
class AdversarialIntakeTextTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	private static final int MEGABYTE = 1 << 20;

	private static final Pattern OLD_LINE = Pattern.compile("^[\\s*>]*?([A-Za-z][A-Za-z ]{1,25}?)\\s*:\\s*(.+?)\\s*$");

	static Stream<Arguments> hostileBodies() {
		return Stream.of(Arguments.of("spaces in a value", "Naam: a" + " ".repeat(MEGABYTE) + "b"),
				Arguments.of("tabs in a value", "Naam: a" + "\t".repeat(MEGABYTE) + "b"),
				Arguments.of("spaces before the colon", "Naam" + " ".repeat(MEGABYTE) + "x"),
				Arguments.of("prefix of marks", " *>".repeat(MEGABYTE / 3) + "Naam: x"),
				Arguments.of("emphasis run", "*_".repeat(MEGABYTE / 2)),
				Arguments.of("alternating", "Naam: " + "a ".repeat(MEGABYTE / 2)),
				Arguments.of("many short lines", "Naam: a     b\n".repeat(MEGABYTE / 14)),
				Arguments.of("long date", "Datum ontstaan: 1" + " ".repeat(MEGABYTE) + ","),
				Arguments.of("placeholder dots", "Adres: " + ". ".repeat(MEGABYTE / 2) + "x"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileBodies")
	void shouldReadFieldsInBoundedTimeWhenBodyIsHostile(String name, String body) {
		assertTimeoutPreemptively(BOUND, () -> RegisterFields.from(body));
	}

	static Stream<Arguments> hostileHeaders() {
		return Stream.of(Arguments.of("References of < runs", "References: " + "<".repeat(MEGABYTE)),
				Arguments.of("References, unclosed", "References: <" + "a".repeat(MEGABYTE)),
				Arguments.of("Message-ID of < runs", "Message-ID: " + "<a".repeat(MEGABYTE / 2)),
				Arguments.of("Return-Path of < runs", "Return-Path: " + "<".repeat(MEGABYTE)),
				Arguments.of("Date of comments", "Date: " + "(".repeat(MEGABYTE)),
				Arguments.of("Date, unclosed comment", "Date: (" + "a ".repeat(MEGABYTE / 2)),
				Arguments.of("folded header", "X-Note: a" + "\r\n \r".repeat(MEGABYTE / 4)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileHeaders")
	void shouldParseInBoundedTimeWhenHeaderIsHostile(String name, String header) {
		String mail = "From: a@example.org\r\nTo: b@example.org\r\n" + header
				+ "\r\nContent-Type: text/plain\r\n\r\nhallo\r\n";
		byte[] raw = mail.getBytes(StandardCharsets.ISO_8859_1);
		assertTimeoutPreemptively(BOUND, () -> new MimeParser().parse(raw));
	}

	@Test
	void shouldAnswerAsOldPatternWhenFieldLineIsRandom() {
		String[] pieces = { "Naam", "naam", "Datum ontstaan", " ", "\t", ":", "*", ">", "x", "Jan", "-", "…", "1",
				"a".repeat(30), "\u00a0", "\u2007" };
		Random random = new Random(9);
		for (int i = 0; i < 30_000; i++) {
			StringBuilder line = new StringBuilder();
			int length = random.nextInt(10);
			for (int j = 0; j < length; j++) {
				line.append(pieces[random.nextInt(pieces.length)]);
			}
			String text = line.toString();
			assertThat(RegisterFields.from(text)).as(text).usingRecursiveComparison().isEqualTo(oldFrom(text));
		}
	}

	/**
	 * A one-line body read with the old pattern: only the name and date fields, which the
	 * pieces hold.
	 */
	private static RegisterFields oldFrom(String line) {
		Matcher matcher = OLD_LINE.matcher(line);
		String name = null;
		String date = null;
		if (!line.startsWith(">") && matcher.matches()) {
			String value = matcher.group(2).strip();
			String label = matcher.group(1).strip().toLowerCase(java.util.Locale.ROOT);
			boolean placeholder = value.matches("[.…_\\-\\s]*");
			name = (label.equals("naam") && !placeholder) ? value : null;
			date = (label.equals("datum ontstaan") && !placeholder) ? value : null;
		}
		return new RegisterFields(name, null, null, java.util.List.of(), null, RegisterFields.date(date).orElse(null),
				null);
	}

}
