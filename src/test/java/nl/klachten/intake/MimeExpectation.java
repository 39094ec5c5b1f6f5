package nl.klachten.intake;

import java.util.List;

/**
 * One row of {@link MimeParserTests}: what parsing one corpus file must give. Built
 * fluently, e.g.
 * {@code mail("charset/x.eml", "Subject", "a@example.org", "Name", "id@example.org")
 * .contains("é").lacks("=E9")}. An expected attachment name {@code "*"} stands for a
 * default name (any safe, non-blank name) where the mail gives none.
 *
 * @param file the corpus file under {@code mime/}
 * @param subject the exact decoded subject
 * @param fromAddress the sender address (lower case), or null when no sender can be read
 * @param fromName the sender display name, or null when no sender can be read
 * @param messageId the Message-ID without brackets, or null when the mail has none
 * @param mimeType the top-level content type
 * @param htmlOnly whether the text must have come from HTML
 * @param contains substrings the text must contain
 * @param lacks substrings the text must not contain
 * @param attachments the attachment names, in order
 */
record MimeExpectation(String file, String subject, String fromAddress, String fromName, String messageId,
		String mimeType, boolean htmlOnly, List<String> contains, List<String> lacks, List<String> attachments) {

	static final String ANY_NAME = "*";

	static MimeExpectation mail(String file, String subject, String fromAddress, String fromName, String messageId) {
		return new MimeExpectation(file, subject, fromAddress, fromName, messageId, "text/plain", false, List.of(),
				List.of(), List.of());
	}

	MimeExpectation type(String mimeType) {
		return new MimeExpectation(this.file, this.subject, this.fromAddress, this.fromName, this.messageId, mimeType,
				this.htmlOnly, this.contains, this.lacks, this.attachments);
	}

	MimeExpectation html() {
		return new MimeExpectation(this.file, this.subject, this.fromAddress, this.fromName, this.messageId,
				this.mimeType, true, this.contains, this.lacks, this.attachments);
	}

	MimeExpectation contains(String... texts) {
		return new MimeExpectation(this.file, this.subject, this.fromAddress, this.fromName, this.messageId,
				this.mimeType, this.htmlOnly, List.of(texts), this.lacks, this.attachments);
	}

	MimeExpectation lacks(String... texts) {
		return new MimeExpectation(this.file, this.subject, this.fromAddress, this.fromName, this.messageId,
				this.mimeType, this.htmlOnly, this.contains, List.of(texts), this.attachments);
	}

	MimeExpectation attachments(String... names) {
		return new MimeExpectation(this.file, this.subject, this.fromAddress, this.fromName, this.messageId,
				this.mimeType, this.htmlOnly, this.contains, this.lacks, List.of(names));
	}

	@Override
	public String toString() {
		return this.file;
	}

}
