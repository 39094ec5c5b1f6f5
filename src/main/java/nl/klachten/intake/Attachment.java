package nl.klachten.intake;

/**
 * A file carried by a mail. {@code fileName} is already made safe (no path, no control
 * characters); the content is the decoded bytes.
 */
public record Attachment(String fileName, String contentType, byte[] content) {

	@Override
	public String toString() {
		return "Attachment[" + this.contentType + ", " + this.content.length + " bytes]";
	}

}
