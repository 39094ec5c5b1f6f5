package nl.klachten.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the MIME corpus, recipes expanded, parses to a clear outcome (a mail or a
 * reason) without anything thrown and within a hang bound, and what comes out is
 * well-formed. Specific expectations per file live in {@link MimeParserTests} and
 * {@link HostileMailTests}.
 */
class MimeCorpusTests {

	/**
	 * A hang detector, not a performance budget: a parse that takes this long is stuck.
	 */
	private static final Duration HANG_BOUND = Duration.ofSeconds(10);

	private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cntrl}\\s]");

	private static final Pattern ADDRESS = Pattern.compile("[\\w.+=$-]+@((?:[\\w-]+\\.)+[a-z]{2,})\\b",
			Pattern.CASE_INSENSITIVE);

	private static final List<String> SANITISED_DOMAINS = List.of("example.org", "example.com", "klikklaar.com");

	static List<String> corpus() {
		return MimeCorpus.files();
	}

	@Test
	void shouldFindTheWholeCorpusWhenWalkingTheClasspath() {
		List<String> files = MimeCorpus.files();

		assertThat(files).hasSizeGreaterThanOrEqualTo(100)
			.anyMatch((file) -> file.startsWith("charset/"))
			.anyMatch((file) -> file.startsWith("structure/"))
			.anyMatch((file) -> file.startsWith("html/"))
			.anyMatch((file) -> file.startsWith("attachments/"))
			.anyMatch((file) -> file.startsWith("headers/"))
			.anyMatch((file) -> file.startsWith("auto/"))
			.anyMatch((file) -> file.startsWith("broken/"))
			.anyMatch(MimeCorpus::isRecipe);
		assertThat(files).filteredOn((file) -> file.startsWith(MimeCorpus.HOSTILE)).hasSizeGreaterThanOrEqualTo(50);
	}

	// STYLE §10: the corpus stays small in Git; large mails are recipes
	@Test
	void shouldStaySmallWhenCommitted() {
		long total = MimeCorpus.files().stream().mapToLong((file) -> MimeCorpus.source(file).length).sum();

		assertThat(total).as("committed corpus bytes").isLessThan(2_000_000);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void shouldGiveAClearOutcomeWhenFileIsInCorpus(String file) {
		ParseResult result = parseWithinHangBound(file);

		assertThat(result).as("result").isNotNull();
		if (result instanceof ParseResult.Parsed parsed) {
			assertWellFormed(parsed.mail());
		}
		else {
			assertThat(((ParseResult.Unparseable) result).reason()).as("reason").isNotBlank();
		}
	}

	/**
	 * Parses a corpus file; anything thrown, an Error included, fails the test naming the
	 * file.
	 */
	static ParseResult parseWithinHangBound(String file) {
		byte[] raw = MimeCorpus.bytes(file);
		try {
			return assertTimeoutPreemptively(HANG_BOUND, () -> new MimeParser().parse(raw),
					() -> file + " still parsing after " + HANG_BOUND.toSeconds() + " s");
		}
		catch (AssertionError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			return fail("%s escaped MimeParser.parse for %s", ex.getClass().getName(), file, ex);
		}
	}

	// STYLE §10: each corpus file says what it shows
	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void shouldCarryCorpusNoteWhenFileIsAMail(String file) {
		String raw = new String(MimeCorpus.source(file), StandardCharsets.ISO_8859_1);

		if (MimeCorpus.HEADERLESS.contains(file)) {
			assertThat(raw).doesNotContain("X-Corpus-Note:");
			return;
		}
		assertThat(raw).containsPattern("(?m)^X-Corpus-Note: \\S");
		if (file.startsWith(MimeCorpus.HOSTILE)) {
			// a hostile mail may rightly be refused unread (a limit), so its note is
			// checked as written
			return;
		}
		assertThat(MimeCorpus.parsed(file).headers().first("x-corpus-note"))
			.hasValueSatisfying((note) -> assertThat(note).isNotBlank());
	}

	// R8, STYLE §10: no real address may ever be committed in the corpus
	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void shouldUseOnlySanitisedDomainsWhenFileIsInCorpus(String file) {
		Matcher matcher = ADDRESS.matcher(new String(MimeCorpus.source(file), StandardCharsets.ISO_8859_1));

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
		// issue 9: ids go into our own In-Reply-To/References, so RFC 5322 msg-id syntax
		// only (no CTL, no space)
		assertThat(mail.references()).as("references")
			.doesNotContainNull()
			.allSatisfy((id) -> assertThat(id).doesNotContain("<", ">").doesNotContainPattern(CONTROL_OR_SPACE));
		assertThat(mail.to()).as("to")
			.doesNotContainNull()
			.allSatisfy((to) -> assertThat(to).doesNotContainPattern(CONTROL_OR_SPACE));
		assertThat(mail.headers()).as("headers").isNotNull();
		if (mail.messageId() != null) {
			assertThat(mail.messageId()).as("messageId")
				.isNotBlank()
				.doesNotContain("<", ">")
				.doesNotContainPattern(CONTROL_OR_SPACE);
		}
		if (mail.from() != null) {
			// a sender that is not one strict addr-spec keeps its raw address(es) for the
			// record, but is
			// never a strict sender (CONTRACT §5): only the strict one must be a single
			// folded address
			assertThat(mail.from().address()).as("from address").contains("@").doesNotContainPattern("[\\p{Cntrl}]");
		}
		if (mail.strictSender().isPresent()) {
			assertThat(mail.strictSender().get()).as("strict sender")
				.doesNotContainPattern(CONTROL_OR_SPACE)
				.doesNotContain(",")
				.isEqualTo(nl.klachten.committee.Ascii.lower(mail.strictSender().get()));
		}
		assertThat(mail.attachments()).as("attachments").allSatisfy((attachment) -> {
			assertThat(MimeCorpus.isSafeFileName(attachment.fileName())).as("safe name [%s]", attachment.fileName())
				.isTrue();
			assertThat(attachment.content()).as("content of %s", attachment.fileName()).isNotNull();
			assertThat(attachment.contentType()).as("type of %s", attachment.fileName()).isNotBlank();
		});
	}

}
