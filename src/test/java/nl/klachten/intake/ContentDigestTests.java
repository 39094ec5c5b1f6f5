package nl.klachten.intake;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "The same mail" (CONTRACT §4, issue 13): one mail delivered twice, to two monitored
 * addresses or read again after a crash, has one content digest whatever trace headers
 * and line endings the servers gave it; another sender, Date, Subject or text has
 * another.
 */
class ContentDigestTests {

	private final MimeParser parser = new MimeParser();

	private static final String MAIL = "From: Klager <klager@example.org>\r\n" + "To: klachten@klikklaar.com\r\n"
			+ "Subject: Te late bezorging\r\n" + "Date: Mon, 1 Jan 2024 10:00:00 +0100\r\n"
			+ "Message-ID: <abc@mail.example.org>\r\n" + "MIME-Version: 1.0\r\n"
			+ "Content-Type: text/plain; charset=UTF-8\r\n" + "\r\n" + "Mijn pakket kwam drie weken te laat.\r\n"
			+ "\r\n" + "Groet, Klager\r\n";

	static Stream<Arguments> sameMail() {
		return Stream.of(
				Arguments.of("another Received on top",
						(UnaryOperator<String>) (raw) -> "Received: from mx2"
								+ " by imap.klikklaar.com; Tue, 2 Jan 2024 10:00:00 +0100\r\n" + raw),
				Arguments.of("trace headers of the second address", (UnaryOperator<String>) (raw) -> "Return-Path: <"
						+ "klager@example.org>\r\nDelivered-To: info@klikklaar.com\r\nX-Original-To: info@klikklaar.com\r\n"
						+ "Received: from mx1 (127.0.0.1)\r\n\tby mx2; Tue, 2 Jan 2024\r\n" + raw),
				Arguments.of("LF line endings", (UnaryOperator<String>) (raw) -> raw.replace("\r\n", "\n")),
				Arguments.of("CR line endings in the body",
						(UnaryOperator<String>) (raw) -> raw.replace("laat.\r\n", "laat.\r")),
				Arguments.of("a trailing blank line added", (UnaryOperator<String>) (raw) -> raw + "\r\n"),
				Arguments.of("the sender's address in capitals", (UnaryOperator<String>) (raw) -> raw
					.replace("From: Klager <klager@example.org>", "From: Klager <KLAGER@Example.ORG>")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sameMail")
	void shouldGiveOneDigestWhenOnlyTraceHeadersOrLineEndingsDiffer(String change, UnaryOperator<String> delivered) {
		assertThat(digest(delivered.apply(MAIL))).isEqualTo(digest(MAIL));
	}

	static Stream<Arguments> anotherMail() {
		return Stream.of(
				Arguments.of("another sender",
						(UnaryOperator<String>) (raw) -> raw.replace("klager@example.org",
								"iemand-anders@example.net")),
				Arguments.of("another text", (UnaryOperator<String>) (raw) -> raw.replace("drie weken", "vier weken")),
				Arguments.of("a line added to the text", (UnaryOperator<String>) (raw) -> raw + "PS: nog iets\r\n"),
				Arguments.of("another subject",
						(UnaryOperator<String>) (raw) -> raw.replace("Te late bezorging", "Kapot pakket")),
				Arguments.of("another Date", (UnaryOperator<String>) (raw) -> raw.replace("10:00:00", "10:00:01")),
				Arguments.of("header text moved into the body", (UnaryOperator<String>) (raw) -> raw
					.replace("Content-Type: text/plain; charset=UTF-8\r\n\r\n", "\r\nContent-Type: text/plain\r\n")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("anotherMail")
	void shouldGiveAnotherDigestWhenSenderDateSubjectOrTextDiffer(String change, UnaryOperator<String> other) {
		assertThat(digest(other.apply(MAIL))).isNotEqualTo(digest(MAIL));
	}

	@Test
	void shouldReadTheBodyAfterTheFirstEmptyLineWithLineEndingsNormalised() {
		assertThat(new String(ContentDigest.body(bytes("A: b\r\nC: d\r\n\r\nline 1\r\nline 2\r\n\r\n")),
				StandardCharsets.UTF_8))
			.isEqualTo("line 1\nline 2");
		assertThat(new String(ContentDigest.body(bytes("A: b\n\nline 1\rline 2\n")), StandardCharsets.UTF_8))
			.isEqualTo("line 1\nline 2");
		assertThat(ContentDigest.body(bytes("A: b\r\nno body at all"))).isEmpty();
		assertThat(new String(ContentDigest.body(bytes("\r\nonly a body")), StandardCharsets.UTF_8))
			.isEqualTo("only a body");
	}

	private String digest(String raw) {
		byte[] bytes = bytes(raw);
		InboundMail mail = ((ParseResult.Parsed) this.parser.parse(bytes)).mail();
		return ContentDigest.of(mail, bytes);
	}

	private static byte[] bytes(String raw) {
		return raw.getBytes(StandardCharsets.UTF_8);
	}

}
