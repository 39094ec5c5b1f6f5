package nl.klachten.intake;

import static nl.klachten.intake.MimeExpectation.ANY_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link MimeParser} makes of each corpus file: one table row per file, plus focused
 * tests for what a row cannot say (references, return path, dates, headers, attachment
 * bytes).
 */
class MimeParserTests {

	/** Corpus files without a row: not mail at all, or no exact subject worth fixing. */
	private static final Set<String> WITHOUT_ROW = Set.of("broken/garbage-bytes.eml", "broken/not-mime-plain-text.eml",
			"broken/truncated-in-header.eml");

	static Stream<MimeExpectation> table() {
		return MimeParserTable.rows();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void shouldMatchTableRowWhenParsingCorpusFile(MimeExpectation expected) {
		String row = expected.file();
		InboundMail mail = MimeCorpus.parsed(row);
		SoftAssertions softly = new SoftAssertions();

		softly.assertThat(mail.subject()).as("%s subject", row).isEqualTo(expected.subject());
		softly.assertThat(mail.from() == null ? null : mail.from().address())
			.as("%s from address", row)
			.isEqualTo(expected.fromAddress());
		softly.assertThat(mail.from() == null ? null : mail.from().name())
			.as("%s from name", row)
			.isEqualTo(expected.fromName());
		softly.assertThat(mail.messageId()).as("%s messageId", row).isEqualTo(expected.messageId());
		softly.assertThat(mail.mimeType()).as("%s mimeType", row).isEqualTo(expected.mimeType());
		softly.assertThat(mail.htmlOnly()).as("%s htmlOnly", row).isEqualTo(expected.htmlOnly());
		expected.contains().forEach((text) -> softly.assertThat(mail.text()).as("%s text", row).contains(text));
		expected.lacks().forEach((text) -> softly.assertThat(mail.text()).as("%s text", row).doesNotContain(text));
		assertAttachmentNames(softly, row, mail, expected.attachments());
		softly.assertAll();
	}

	@Test
	void shouldHaveATableRowWhenCorpusFileIsAMail() {
		Set<String> rows = table().map(MimeExpectation::file).collect(Collectors.toSet());

		assertThat(MimeCorpus.files())
			.filteredOn((file) -> !WITHOUT_ROW.contains(file) && !file.startsWith(MimeCorpus.HOSTILE))
			.containsExactlyInAnyOrderElementsOf(rows);
	}

	// CONTRACT §4 threading: In-Reply-To first, then References, without brackets
	@Test
	void shouldListInReplyToFirstWhenReplyCarriesReferences() {
		InboundMail mail = MimeCorpus.parsed("headers/reply-with-references.eml");

		assertThat(mail.references()).first().isEqualTo("KK-2026-0007.ack.1738300000@klikklaar.com");
		assertThat(mail.references()).containsSubsequence("complaint-1@mail.example.org",
				"KK-2026-0007.notify.1738300000@klikklaar.com");
	}

	// CONTRACT §4: an empty return path marks a bounce
	@Test
	void shouldGiveEmptyReturnPathWhenBounceHasNullSender() {
		assertThat(MimeCorpus.parsed("auto/dsn-bounce-postfix.eml").returnPath()).isEmpty();
	}

	@Test
	void shouldGiveReturnPathAddressWhenPresentAndNullWhenAbsent() {
		assertThat(MimeCorpus.parsed("charset/quoted-printable-iso-8859-1.eml").returnPath())
			.isEqualTo("els.de.wit@example.org");
		assertThat(MimeCorpus.parsed("attachments/attachment-without-name.eml").returnPath()).isNull();
	}

	@Test
	void shouldGiveNullSentAtWhenDateIsMissing() {
		assertThat(MimeCorpus.parsed("headers/missing-date-and-message-id.eml").sentAt()).isNull();
	}

	@Test
	void shouldReadSentAtWhenDateHasZoneOffset() {
		assertThat(MimeCorpus.parsed("complaint/dutch-labels.eml").sentAt())
			.isEqualTo(Instant.parse("2026-02-03T08:15:00Z"));
	}

	// Postfix writes "Mon, 2 Feb 2026" (day padded with a space) in every mail it
	// generates
	@Test
	void shouldReadSentAtWhenPostfixPadsTheDayWithASpace() {
		assertThat(MimeCorpus.parsed("auto/dsn-bounce-postfix.eml").sentAt())
			.isEqualTo(Instant.parse("2026-02-02T09:00:05Z"));
	}

	@Test
	void shouldCollectToAndCcLowerCasedWhenRecipientsMixCase() {
		assertThat(MimeCorpus.parsed("complaint/dutch-labels.eml").to()).containsExactly("ncjansen@klikklaar.com",
				"kenny@klikklaar.com", "kenny.b@example.com");
		assertThat(MimeCorpus.parsed("headers/message-id-without-brackets.eml").to()).isEmpty();
	}

	@Test
	void shouldExposeAutoReplyHeadersWhenOutOfOffice() {
		MailHeaders headers = MimeCorpus.parsed("auto/out-of-office-auto-replied.eml").headers();

		assertThat(headers.first("auto-submitted")).hasValue("auto-replied");
		assertThat(headers.first("X-AUTOREPLY")).hasValue("yes");
		assertThat(headers.has("List-Id")).isFalse();
	}

	@Test
	void shouldExposeSuppressionHeadersWhenExchangeAutoReply() {
		MailHeaders headers = MimeCorpus.parsed("auto/microsoft-auto-reply.eml").headers();

		assertThat(headers.first("X-Auto-Response-Suppress")).hasValue("All");
		assertThat(headers.first("precedence")).hasValue("auto_reply");
	}

	@Test
	void shouldExposeListHeadersWhenMailingList() {
		MailHeaders headers = MimeCorpus.parsed("auto/mailing-list.eml").headers();

		assertThat(headers.first("list-id")).hasValue("Klantenpanel nieuws <nieuws.lists.example.com>");
		assertThat(headers.first("Precedence")).hasValue("list");
	}

	// issue 9: only unstructured text is decoded; address headers stay raw, the display
	// name is decoded
	@Test
	void shouldDecodeOnlyUnstructuredHeadersWhenHeadersHoldEncodedWords() {
		InboundMail mail = MimeCorpus.parsed("charset/adjacent-encoded-words-subject.eml");
		MailHeaders headers = mail.headers();

		assertThat(headers.first("SUBJECT"))
			.hasValue("Re: Bezwaar tegen factuur café – € 120,50 nog steeds open (2e herinnering)");
		assertThat(headers.all("from")).singleElement().asString().startsWith("=?ISO-8859-1?Q?Ren=E9e_van_Dijk?=");
		assertThat(mail.from().name()).isEqualTo("Renée van Dijk");
		assertThat(mail.strictSender()).hasValue("renee.vandijk@example.com");
	}

	@Test
	void shouldKeepReadableHeadersWhenMailIsCutOffInAHeader() {
		InboundMail mail = MimeCorpus.parsed("broken/truncated-in-header.eml");

		assertThat(mail.subject()).startsWith("Klacht over de");
		assertThat(mail.senderAddress()).isEqualTo("lisa.maas@example.com");
		assertThat(mail.text()).isEmpty();
	}

	@Test
	void shouldGiveEmptyTextWhenMailHasNoBody() {
		InboundMail mail = MimeCorpus.parsed("broken/no-body.eml");

		assertThat(mail.text()).isEmpty();
		assertThat(mail.attachments()).isEmpty();
	}

	@Test
	void shouldStripPathsAndControlCharactersWhenAttachmentNamesAreHostile() {
		List<Attachment> attachments = MimeCorpus.parsed("attachments/hostile-file-names.eml").attachments();

		assertThat(attachments).extracting(Attachment::fileName)
			.hasSize(5)
			.allMatch(MimeCorpus::isSafeFileName)
			.noneMatch((name) -> name.contains(".."));
		assertThat(attachments.get(3).fileName()).startsWith("rapport").endsWith("injected.pdf");
		assertThat(new String(attachments.get(0).content(), StandardCharsets.US_ASCII)).startsWith("root:x:0:0");
	}

	@Test
	void shouldDecodeAttachmentBytesWhenBase64() {
		List<Attachment> attachments = MimeCorpus.parsed("structure/nested-mixed-alternative-related.eml")
			.attachments();

		assertThat(attachments).extracting(Attachment::contentType).containsExactly("image/png", "application/pdf");
		assertThat(attachments.get(0).content()).startsWith(0x89, 'P', 'N', 'G');
		assertThat(new String(attachments.get(1).content(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4")
			.endsWith("%%EOF\n");
	}

	@Test
	void shouldKeepWholeMessageWhenForwardedAsAttachment() {
		Attachment forwarded = MimeCorpus.parsed("structure/forwarded-message-rfc822.eml").attachments().get(0);

		assertThat(forwarded.contentType()).isEqualTo("message/rfc822");
		assertThat(new String(forwarded.content(), StandardCharsets.UTF_8)).contains("Subject: Klacht wasmachine",
				"Mijn wasmachine lekt sinds de installatie.");
	}

	@Test
	void shouldKeepTnefBytesWhenWinmailDatIsAttached() {
		Attachment winmail = MimeCorpus.parsed("structure/tnef-winmail-dat.eml").attachments().get(0);

		assertThat(winmail.contentType()).isEqualTo("application/ms-tnef");
		assertThat(winmail.content()).hasSize(32).startsWith(0x78, 0x9F, 0x3E, 0x22);
	}

	@Test
	void shouldBreakLinesWhenHtmlHasParagraphsAndBr() {
		String text = MimeCorpus.parsed("html/outlook-html-only.eml").text();

		assertThat(text).startsWith("Geachte heer Jansen,\n")
			.contains("bezorgkosten,\nterwijl")
			.endsWith("Met vriendelijke groet,\nThomas Bakker");
	}

	// web forms send their fields as an HTML table: cells glued together lose the label
	// boundary (R19)
	@Test
	void shouldSeparateTableCellsWhenHtmlHasATable() {
		String text = MimeCorpus.parsed("html/html-only-broken-markup.eml").text();

		assertThat(text).containsPattern("Bestelnummer\\s+B-99812").containsPattern("Bedrag\\s+€ 74,95");
	}

	static Stream<byte[]> notMail() {
		return Stream.of(new byte[0], "\r\n".getBytes(StandardCharsets.US_ASCII),
				"\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "From:".getBytes(StandardCharsets.US_ASCII),
				": no name\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII), new byte[] { 0, 0, 0, 0 },
				"Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n--\r\n".getBytes(StandardCharsets.US_ASCII),
				"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: message/rfc822\r\n\r\n--x--"
					.getBytes(StandardCharsets.US_ASCII),
				"Subject: =?UTF-8?B?####?= =?x?Q?=ZZ?=\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!="
					.getBytes(StandardCharsets.US_ASCII));
	}

	// STYLE §8: malformed input is a value, never an exception
	@ParameterizedTest
	@MethodSource("notMail")
	void shouldNotThrowWhenInputIsNotMail(byte[] raw) {
		ParseResult result = new MimeParser().parse(raw);

		assertThat(result).isNotNull();
		if (result instanceof ParseResult.Parsed parsed) {
			assertThat(parsed.mail().text()).isNotNull();
		}
	}

	@Test
	void shouldNotThrowWhenInputIsNull() {
		assertThat(new MimeParser().parse(null)).isNotNull();
	}

	private static void assertAttachmentNames(SoftAssertions softly, String row, InboundMail mail,
			List<String> expected) {
		List<String> names = mail.attachments().stream().map(Attachment::fileName).collect(Collectors.toList());
		softly.assertThat(names).as("%s attachment names", row).hasSameSizeAs(expected);
		for (int i = 0; i < Math.min(names.size(), expected.size()); i++) {
			if (ANY_NAME.equals(expected.get(i))) {
				softly.assertThat(MimeCorpus.isSafeFileName(names.get(i)))
					.as("%s default name [%s]", row, names.get(i))
					.isTrue();
			}
			else {
				softly.assertThat(names.get(i)).as("%s attachment name %d", row, i).isEqualTo(expected.get(i));
			}
		}
	}

}
