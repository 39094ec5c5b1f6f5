package nl.klachten.intake;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sender can write thousands of ids into References; threading and trust look at the
 * recent ones (CONTRACT §4).
 */
class ReferencesCapTests {

	@Test
	void shouldKeepInReplyToAndTheLastReferencesWhenReferencesHoldThousandsOfIds() {
		String references = IntStream.range(0, 2000)
			.mapToObj((i) -> "<r" + i + "@example.org>")
			.collect(Collectors.joining(" "));
		String mail = "From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\nMessage-ID: <m@example.org>\r\n"
				+ "In-Reply-To: <parent@example.org>\r\nReferences: " + references + "\r\n\r\nTekst\r\n";
		InboundMail parsed = ((ParseResult.Parsed) new MimeParser().parse(mail.getBytes(StandardCharsets.US_ASCII)))
			.mail();
		assertThat(parsed.references()).hasSize(1 + MimeParser.MAX_REFERENCES)
			.startsWith("parent@example.org")
			.endsWith("r1999@example.org")
			.doesNotContain("r0@example.org");
	}

}
