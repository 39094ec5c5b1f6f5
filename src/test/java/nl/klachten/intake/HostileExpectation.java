package nl.klachten.intake;

import java.util.List;

/**
 * One row of {@link HostileMailTests}: what a hostile corpus file must not achieve. A
 * hostile mail may rightly be refused ({@link ParseResult.Unparseable}, e.g. over a
 * limit); these checks hold whenever it is read as a mail. Built fluently, e.g.
 * {@code hostile("hostile/from-two-headers.eml").committeeSenderForbidden()}.
 *
 * @param file the corpus file under {@code mime/}
 * @param noCommitteeSender the sender must not be read as a committee address
 * @param noMessageId the Message-ID is not msg-id syntax, so none may be read
 * @param contains substrings the text must contain
 * @param lacks substrings the text must not contain
 * @param referencesLack ids that must not be read from In-Reply-To/References
 * @param namesLack substrings no attachment name may contain
 * @param attachmentSizes the attachment sizes in bytes, in order, or null when any
 */
record HostileExpectation(String file, boolean noCommitteeSender, boolean noMessageId, List<String> contains,
		List<String> lacks, List<String> referencesLack, List<String> namesLack, List<Integer> attachmentSizes) {

	static HostileExpectation hostile(String file) {
		return new HostileExpectation(file, false, false, List.of(), List.of(), List.of(), List.of(), null);
	}

	HostileExpectation committeeSenderForbidden() {
		return new HostileExpectation(this.file, true, this.noMessageId, this.contains, this.lacks, this.referencesLack,
				this.namesLack, this.attachmentSizes);
	}

	HostileExpectation messageIdForbidden() {
		return new HostileExpectation(this.file, this.noCommitteeSender, true, this.contains, this.lacks,
				this.referencesLack, this.namesLack, this.attachmentSizes);
	}

	HostileExpectation contains(String... texts) {
		return new HostileExpectation(this.file, this.noCommitteeSender, this.noMessageId, List.of(texts), this.lacks,
				this.referencesLack, this.namesLack, this.attachmentSizes);
	}

	HostileExpectation lacks(String... texts) {
		return new HostileExpectation(this.file, this.noCommitteeSender, this.noMessageId, this.contains,
				List.of(texts), this.referencesLack, this.namesLack, this.attachmentSizes);
	}

	HostileExpectation referencesLack(String... ids) {
		return new HostileExpectation(this.file, this.noCommitteeSender, this.noMessageId, this.contains, this.lacks,
				List.of(ids), this.namesLack, this.attachmentSizes);
	}

	HostileExpectation namesLack(String... parts) {
		return new HostileExpectation(this.file, this.noCommitteeSender, this.noMessageId, this.contains, this.lacks,
				this.referencesLack, List.of(parts), this.attachmentSizes);
	}

	HostileExpectation attachmentSizes(Integer... sizes) {
		return new HostileExpectation(this.file, this.noCommitteeSender, this.noMessageId, this.contains, this.lacks,
				this.referencesLack, this.namesLack, List.of(sizes));
	}

	@Override
	public String toString() {
		return this.file;
	}

}
