package nl.klachten.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile mail must not achieve once read (issue 9): be taken for the committee,
 * smuggle a header through an id, or name a file outside its folder. Refusing the mail is
 * always allowed.
 */
class HostileMailTests {

	/** The committee addresses of mailbox-config/klikklaar.yml, lower case. */
	private static final Set<String> COMMITTEE = Set.of("ncjansen@klikklaar.com", "kenny@klikklaar.com",
			"directie@klikklaar.com", "beroepscommissie@klikklaar.com");

	private static final int MAX_MESSAGE_ID = 250;

	static Stream<HostileExpectation> table() {
		return HostileMailTable.rows();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void shouldNotBeTakenInWhenMailIsHostile(HostileExpectation expected) {
		ParseResult result = MimeCorpusTests.parseWithinHangBound(expected.file());
		if (!(result instanceof ParseResult.Parsed parsed)) {
			return;
		}
		InboundMail mail = parsed.mail();
		String row = expected.file();
		SoftAssertions softly = new SoftAssertions();
		if (expected.noCommitteeSender() && mail.strictSender().isPresent()) {
			// only a strict sender can ever be a committee address (CONTRACT §5)
			String address = mail.strictSender().get();
			softly.assertThat(COMMITTEE).as("%s sender", row).doesNotContain(address);
			softly.assertThat(address).as("%s sender", row).doesNotContain("=?").doesNotContain(",");
		}
		if (expected.noMessageId()) {
			softly.assertThat(mail.messageId()).as("%s messageId", row).isNull();
		}
		if (mail.messageId() != null) {
			softly.assertThat(mail.messageId().length())
				.as("%s messageId length", row)
				.isLessThanOrEqualTo(MAX_MESSAGE_ID);
		}
		expected.contains().forEach((text) -> softly.assertThat(mail.text()).as("%s text", row).contains(text));
		expected.lacks().forEach((text) -> softly.assertThat(mail.text()).as("%s text", row).doesNotContain(text));
		expected.referencesLack()
			.forEach((id) -> softly.assertThat(mail.references()).as("%s references", row).doesNotContain(id));
		mail.attachments()
			.forEach((attachment) -> expected.namesLack()
				.forEach((part) -> softly.assertThat(attachment.fileName())
					.as("%s attachment name", row)
					.doesNotContain(part)));
		if (expected.attachmentSizes() != null) {
			softly.assertThat(mail.attachments())
				.as("%s attachment sizes", row)
				.extracting((attachment) -> attachment.content().length)
				.containsExactlyElementsOf(expected.attachmentSizes());
		}
		softly.assertAll();
	}

	@Test
	void shouldHaveATableRowWhenCorpusFileIsHostile() {
		Set<String> rows = table().map(HostileExpectation::file).collect(Collectors.toSet());

		assertThat(MimeCorpus.files()).filteredOn((file) -> file.startsWith(MimeCorpus.HOSTILE))
			.containsExactlyInAnyOrderElementsOf(rows);
	}

	@Test
	void shouldExpandRecipeWhenFileIsGenerated() {
		byte[] mail = MimeCorpus.bytes("hostile/deep-multipart-5000.eml.gen");
		String text = new String(mail, java.nio.charset.StandardCharsets.ISO_8859_1);

		assertThat(mail.length).isBetween(250_000, 400_000);
		assertThat(text).startsWith("From: ")
			.doesNotContain("@@", "{{")
			.contains("--d0\r\nContent-Type: multipart/mixed; boundary=\"d1\"\r\n\r\n--d1\r\n")
			.endsWith("--d1--\r\n--d0--\r\n");
		assertThat(List.of(text.split("\r\n", -1))).filteredOn((line) -> line.startsWith("--d")).hasSize(10_002);
	}

}
