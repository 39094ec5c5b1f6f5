package nl.klachten.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the MIME corpus parses without throwing, and what comes out is well-formed.
 * Specific expectations per file live in {@link MimeParserTests}.
 */
class MimeCorpusTests {

	private static final Pattern ADDRESS = Pattern.compile("[\\w.+=$-]+@((?:[\\w-]+\\.)+[a-z]{2,})\\b",
			Pattern.CASE_INSENSITIVE);

	private static final List<String> SANITISED_DOMAINS = List.of("example.org", "example.com", "klikklaar.com");

	static List<String> corpus() {
		return MimeCorpus.files();
	}

	@Test
	void shouldFindTheWholeCorpusWhenWalkingTheClasspath() {
		List<String> files = MimeCorpus.files();

		assertThat(files).hasSizeGreaterThanOrEqualTo(24)
			.anyMatch((file) -> file.startsWith("charset/"))
			.anyMatch((file) -> file.startsWith("structure/"))
			.anyMatch((file) -> file.startsWith("html/"))
			.anyMatch((file) -> file.startsWith("attachments/"))
			.anyMatch((file) -> file.startsWith("headers/"))
			.anyMatch((file) -> file.startsWith("auto/"))
			.anyMatch((file) -> file.startsWith("broken/"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void shouldParseWithoutThrowingWhenFileIsInCorpus(String file) {
		byte[] raw = MimeCorpus.bytes(file);
		AtomicReference<ParseResult> result = new AtomicReference<>();

		assertThatCode(() -> result.set(new MimeParser().parse(raw))).doesNotThrowAnyException();

		assertThat(result.get()).as("result").isNotNull();
		if (result.get() instanceof ParseResult.Parsed parsed) {
			assertWellFormed(parsed.mail());
		}
		else {
			assertThat(((ParseResult.Unparseable) result.get()).reason()).as("reason").isNotBlank();
		}
	}

	// STYLE §10: each corpus file says what it shows
	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void shouldCarryCorpusNoteWhenFileIsAMail(String file) {
		String raw = new String(MimeCorpus.bytes(file), StandardCharsets.ISO_8859_1);

		if (MimeCorpus.HEADERLESS.contains(file)) {
			assertThat(raw).doesNotContain("X-Corpus-Note:");
			return;
		}
		assertThat(raw).containsPattern("(?m)^X-Corpus-Note: \\S");
		assertThat(MimeCorpus.parsed(file).headers().first("x-corpus-note")).hasValueSatisfying(
				(note) -> assertThat(note).isNotBlank());
	}

	// R8, STYLE §10: no real address may ever be committed in the corpus
	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void shouldUseOnlySanitisedDomainsWhenFileIsInCorpus(String file) {
		Matcher matcher = ADDRESS.matcher(new String(MimeCorpus.bytes(file), StandardCharsets.ISO_8859_1));

		while (matcher.find()) {
			String domain = matcher.group(1).toLowerCase(Locale.ROOT);
			assertThat(SANITISED_DOMAINS).as("domain of %s", matcher.group())
				.anyMatch((allowed) -> domain.equals(allowed) || domain.endsWith("." + allowed));
		}
	}

	private static void assertWellFormed(InboundMail mail) {
		assertThat(mail.text()).as("text").isNotNull();
		assertThat(mail.subject()).as("subject").isNotNull();
		assertThat(mail.mimeType()).as("mimeType").isNotBlank().isEqualTo(mail.mimeType().toLowerCase(Locale.ROOT));
		assertThat(mail.references()).as("references").doesNotContainNull()
			.allSatisfy((id) -> assertThat(id).doesNotContain("<", ">"));
		assertThat(mail.to()).as("to").doesNotContainNull();
		assertThat(mail.headers()).as("headers").isNotNull();
		if (mail.messageId() != null) {
			assertThat(mail.messageId()).as("messageId").isNotBlank().doesNotContain("<", ">");
		}
		if (mail.from() != null) {
			assertThat(mail.from().address()).as("from address")
				.contains("@")
				.isEqualTo(mail.from().address().toLowerCase(Locale.ROOT));
		}
		assertThat(mail.attachments()).as("attachments").allSatisfy((attachment) -> {
			assertThat(MimeCorpus.isSafeFileName(attachment.fileName())).as("safe name [%s]", attachment.fileName())
				.isTrue();
			assertThat(attachment.content()).as("content of %s", attachment.fileName()).isNotNull();
			assertThat(attachment.contentType()).as("type of %s", attachment.fileName()).isNotBlank();
		});
	}

}
