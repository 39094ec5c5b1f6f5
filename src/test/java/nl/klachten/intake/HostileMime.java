package nl.klachten.intake;

import java.nio.charset.StandardCharsets;

/**
 * Hostile mail shapes built in code, for the limit tests and the end-to-end tests of
 * issue 9.
 */
public final class HostileMime {

	private HostileMime() {
	}

	/**
	 * A mail nesting {@code multipart/mixed} {@code depth} deep (about 60 bytes a level).
	 */
	public static byte[] nestedMultipart(int depth, String from, String messageId) {
		StringBuilder mail = new StringBuilder();
		mail.append("From: Klager <")
			.append(from)
			.append(">\r\nTo: NCJansen@klikklaar.com\r\n")
			.append("Subject: Genest\r\nMessage-ID: <")
			.append(messageId)
			.append(">\r\nMIME-Version: 1.0\r\n");
		for (int i = 0; i < depth; i++) {
			mail.append("Content-Type: multipart/mixed; boundary=b")
				.append(i)
				.append("\r\n\r\n--b")
				.append(i)
				.append("\r\n");
		}
		mail.append("Content-Type: text/plain\r\n\r\nbinnenin\r\n");
		for (int i = depth - 1; i >= 0; i--) {
			mail.append("--b").append(i).append("--\r\n");
		}
		return mail.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** A multipart mail with {@code parts} small text parts. */
	public static byte[] manyParts(int parts) {
		StringBuilder mail = new StringBuilder(head("Content-Type: multipart/mixed; boundary=p"));
		for (int i = 0; i < parts; i++) {
			mail.append("--p\r\nContent-Type: text/plain\r\n\r\ndeel ").append(i).append("\r\n");
		}
		return mail.append("--p--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** A plain mail with {@code count} extra header fields. */
	public static byte[] manyHeaders(int count) {
		StringBuilder mail = new StringBuilder();
		for (int i = 0; i < count; i++) {
			mail.append("X-Extra-").append(i).append(": x\r\n");
		}
		return (mail + head("Content-Type: text/plain") + "tekst\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	/** A plain mail with one header field folded to {@code length} bytes. */
	public static byte[] longHeader(int length) {
		String folded = "X-Long: " + "abcdefghi\r\n ".repeat(length / 12);
		return (folded.strip() + "\r\n" + head("Content-Type: text/plain") + "tekst\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** A plain mail whose body is one line of {@code length} bytes. */
	public static byte[] longLine(int length) {
		return (head("Content-Type: text/plain") + "a".repeat(length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	private static String head(String contentType) {
		return "From: Klager <klager@example.org>\r\nTo: NCJansen@klikklaar.com\r\nSubject: Vorm\r\n"
				+ "Message-ID: <vorm@example.org>\r\nMIME-Version: 1.0\r\n" + contentType + "\r\n\r\n";
	}

}
