package nl.klachten.intake;

import static nl.klachten.intake.HostileExpectation.hostile;

import java.util.List;
import java.util.stream.Stream;

/**
 * The rows of {@link HostileMailTests}: one per file of {@code mime/hostile/}. A row
 * without checks asks only for what {@link MimeCorpusTests} asks of every file: a clear
 * outcome, in time, well-formed.
 */
final class HostileMailTable {

	private HostileMailTable() {
	}

	static Stream<HostileExpectation> rows() {
		return Stream.of(identityRows(), attachmentRows(), structureRows(), textRows()).flatMap(List::stream);
	}

	// issue 9 strict identities: forged senders never read as the committee, ids only in
	// msg-id syntax
	private static List<HostileExpectation> identityRows() {
		return List.of(hostile("hostile/from-display-name-holds-chair-address.eml").committeeSenderForbidden(),
				hostile("hostile/from-encoded-local-part.eml").committeeSenderForbidden(),
				hostile("hostile/from-encoded-word-address.eml").committeeSenderForbidden(),
				hostile("hostile/from-group-with-committee-address.eml").committeeSenderForbidden(),
				hostile("hostile/from-kelvin-sign.eml").committeeSenderForbidden(),
				hostile("hostile/from-quoted-comma-local-part.eml").committeeSenderForbidden(),
				hostile("hostile/from-two-addresses.eml").committeeSenderForbidden(),
				hostile("hostile/from-two-headers.eml").committeeSenderForbidden(),
				hostile("hostile/message-id-400-characters.eml").messageIdForbidden(),
				hostile("hostile/message-id-control-and-space.eml").messageIdForbidden(),
				hostile("hostile/message-id-encoded-word-crlf.eml").messageIdForbidden(),
				hostile("hostile/message-id-encoded-word-crlf-no-space.eml").messageIdForbidden(),
				hostile("hostile/references-10000-ids.eml.gen"),
				hostile("hostile/references-encoded-word-crlf.eml").referencesLack("a@example.org"),
				hostile("hostile/subject-encoded-word-crlf.eml"), hostile("hostile/to-quoted-comma.eml"));
	}

	// issue 9: a file name never leaves its folder or hides its extension
	private static List<HostileExpectation> attachmentRows() {
		return List.of(
				hostile("hostile/attachment-30mb.eml.gen").contains("De scan staat in de bijlage.")
					.attachmentSizes(31_457_217),
				hostile("hostile/name-10000-characters.eml"),
				hostile("hostile/name-bidi-reversed-extension.eml").namesLack("\u202E"),
				hostile("hostile/name-dot-dot-etc-passwd.eml").namesLack("..", "/"),
				hostile("hostile/name-percent-encoded-traversal.eml").namesLack("/"),
				hostile("hostile/name-windows-drive-path.eml").namesLack("\\", "C:"),
				hostile("hostile/name-with-nul-byte.eml").namesLack("\u0000"),
				hostile("hostile/zero-byte-attachment.eml").contains("Zie de bijlage.").attachmentSizes(0));
	}

	// issue 9 limits: depth, part count, sizes; a clear outcome, never a
	// StackOverflowError
	private static List<HostileExpectation> structureRows() {
		return List.of(hostile("hostile/boundary-appears-in-body.eml"), hostile("hostile/boundary-empty.eml"),
				hostile("hostile/boundary-over-70-characters.eml"),
				hostile("hostile/content-type-10000-parameters.eml.gen"),
				hostile("hostile/content-type-without-subtype.eml"),
				hostile("hostile/deep-multipart-5000.eml.gen").contains("Diep genest."),
				hostile("hostile/html-nesting-100000.eml.gen"),
				hostile("hostile/multipart-1000-parts.eml.gen").contains("deel 0", "deel 999"),
				hostile("hostile/multipart-10000-parts.eml.gen"),
				hostile("hostile/multipart-depth-60.eml").contains("Diep."),
				hostile("hostile/multipart-only-preamble.eml"), hostile("hostile/parts-100000-empty.eml.gen"),
				hostile("hostile/rfc2231-10000-segments.eml.gen"),
				hostile("hostile/rfc2231-continuations-out-of-order.eml"), hostile("hostile/rfc822-inside-digest.eml"),
				hostile("hostile/rfc822-nested-500.eml.gen"), hostile("hostile/rfc822-truncated-in-header.eml"));
	}

	// issue 9 linear time and charsets: long lines, odd bytes, broken encodings
	private static List<HostileExpectation> textRows() {
		return List.of(hostile("hostile/authentication-results-100000-spaces.eml.gen"),
				hostile("hostile/bare-cr-line-ends.eml"), hostile("hostile/base64-garbage.eml"),
				hostile("hostile/base64-line-1mb.eml.gen"), hostile("hostile/body-500kb-emphasis.eml.gen"),
				hostile("hostile/charset-ebcdic.eml"),
				hostile("hostile/charset-empty.eml").contains("Één klacht over de kassière."),
				hostile("hostile/charset-name-5000-characters.eml"),
				hostile("hostile/charset-utf16-declared-ascii-bytes.eml"),
				hostile("hostile/charset-utf16-real-bom.eml").contains("Klacht over de café").lacks("\u0000"),
				hostile("hostile/charset-with-quotes.eml"), hostile("hostile/command-line-200000-spaces.eml.gen"),
				hostile("hostile/crlf-in-header-value.eml"), hostile("hostile/date-garbage.eml"),
				hostile("hostile/encoded-word-invalid-charset.eml"), hostile("hostile/encoded-word-malformed-runs.eml"),
				hostile("hostile/encoded-words-100000.eml.gen"), hostile("hostile/header-100000-folded-lines.eml.gen"),
				hostile("hostile/header-invalid-utf8-bytes.eml"), hostile("hostile/header-names-odd.eml"),
				hostile("hostile/headers-10000.eml.gen"),
				hostile("hostile/html-script-and-entities.eml").lacks("alert(1)", "p{}"),
				hostile("hostile/label-200000-spaces.eml.gen"), hostile("hostile/nul-bytes-in-headers-and-body.eml"),
				hostile("hostile/quoted-printable-soft-break-abuse.eml"), hostile("hostile/single-line-1mb.eml.gen"),
				hostile("hostile/subject-line-1mb.eml.gen"), hostile("hostile/transfer-encoding-unknown.eml"),
				hostile("hostile/utf8-invalid-sequences.eml"));
	}

}
