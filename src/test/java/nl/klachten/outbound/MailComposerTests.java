package nl.klachten.outbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import freemarker.template.Configuration;
import nl.klachten.mailbox.MailboxSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defence in depth in the composer (issue 9): no header of ours carries a control
 * character, and a template cannot run code. Each refusal names the header and never the
 * value.
 */
class MailComposerTests {

	private static final String HOSTILE = "x\r\nBcc: evil@example.org";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-20T09:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path folder;

	private Configuration templates;

	@BeforeEach
	void templates() throws IOException {
		write("plain/subject.ftl", "${title}");
		write("plain/body.ftl", "tekst");
		write("plain/body.ftlh", "<p>tekst</p>");
		this.templates = new TemplateConfiguration().mailTemplates(this.folder.toString());
	}

	@Test
	void shouldComposeWhenHeadersAreClean() {
		ComposedMail mail = composer("Klachtencommissie").compose(letter(List.of("a@example.org"), "KK-2026-0001",
				"id@example.org", List.of("id@example.org"), "Onderwerp"));
		String raw = new String(mail.raw(), StandardCharsets.UTF_8);
		assertThat(raw).contains("X-Complaint-Reference: KK-2026-0001").contains("In-Reply-To: <id@example.org>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\r\nBcc: x@example.org", "a\nb", "a\rb", "a\u0000b", "a\u001bb", "a\u007fb" })
	void shouldRefuseSubjectWhenItHoldsAControlCharacter(String title) {
		assertRefused(() -> composer("K").compose(letter(List.of("a@example.org"), null, null, List.of(), title)),
				"Subject", title);
	}

	@Test
	void shouldRefuseInReplyToWhenItHoldsCrLf() {
		assertThat(HeaderText.clean(HOSTILE)).doesNotContain("\r", "\n");
		assertRefused(() -> HeaderText.require("In-Reply-To", "<" + HOSTILE + ">"), "In-Reply-To", HOSTILE);
	}

	@Test
	void shouldRefuseReferencesWhenItHoldsCrLf() {
		assertRefused(() -> HeaderText.require("References", "<a@example.org>\r\n<b@example.org>"), "References",
				"b@example.org");
	}

	@Test
	void shouldLeaveOutInReplyToAndReferencesWhenIdIsNotStrict() {
		ComposedMail mail = composer("K")
			.compose(letter(List.of("a@example.org"), null, HOSTILE, List.of(HOSTILE), "S"));
		assertThat(new String(mail.raw(), StandardCharsets.UTF_8)).doesNotContain("Bcc", "evil@example.org");
	}

	@Test
	void shouldRefuseToWhenItHoldsCrLf() {
		assertRefused(
				() -> composer("K")
					.compose(letter(List.of("a@example.org\r\nBcc: b@example.org"), null, null, List.of(), "S")),
				"To", "b@example.org");
	}

	@Test
	void shouldRefuseFromDisplayNameWhenItHoldsCrLf() {
		assertRefused(
				() -> composer("Commissie\r\nBcc: b@example.org")
					.compose(letter(List.of("a@example.org"), null, null, List.of(), "S")),
				"From display name", "b@example.org");
	}

	@Test
	void shouldRefuseComplaintReferenceWhenItHoldsCrLf() {
		assertRefused(
				() -> composer("K").compose(
						letter(List.of("a@example.org"), "KK-2026-0001\r\nBcc: b@example.org", null, List.of(), "S")),
				"X-Complaint-Reference", "b@example.org");
	}

	@Test
	void shouldReplaceControlCharactersWhenMailTextIsCleaned() {
		assertThat(HeaderText.clean("Storing\r\nBcc: x\u0000\u001b[2J\u007f")).isEqualTo("Storing  Bcc: x  [2J ");
		assertThat(HeaderText.require("Subject", "a\tb")).isEqualTo("a\tb");
	}

	@Test
	void shouldFailToRenderWhenTemplateInstantiatesExecute() throws IOException {
		write("evil/subject.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
		write("evil/body.ftl", "x");
		write("evil/body.ftlh", "x");
		Configuration fresh = new TemplateConfiguration().mailTemplates(this.folder.toString());
		assertThatThrownBy(() -> new MailComposer(fresh, settings("K"), CLOCK)
			.compose(new Letter("evil", List.of("a@example.org"), null, null, List.of(), Map.of())))
			.hasStackTraceContaining("Instantiating freemarker.template.utility.Execute is not allowed");
		assertThat(fresh.getNewBuiltinClassResolver())
			.isSameAs(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
		assertThat(fresh.isAPIBuiltinEnabled()).isFalse();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String header,
			String value) {
		assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("header " + header + ":")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(value));
	}

	private MailComposer composer(String displayName) {
		return new MailComposer(this.templates, settings(displayName), CLOCK);
	}

	private static MailboxSettings settings(String displayName) {
		return new MailboxSettings("NCJansen@klikklaar.com", displayName, "Klachten/Verwerkt", "Klachten/Quarantaine",
				null, null);
	}

	private static Letter letter(List<String> to, String reference, String inReplyTo, List<String> references,
			String title) {
		return new Letter("plain", to, reference, inReplyTo, references, Map.of("title", title));
	}

	private void write(String name, String content) throws IOException {
		Path file = this.folder.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
