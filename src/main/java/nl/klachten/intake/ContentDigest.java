package nl.klachten.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What makes two deliveries "the same mail" (CONTRACT §4): the same sender, {@code Date},
 * {@code Subject} and body. One mail delivered to two monitored addresses, or read again
 * after a crash, differs only in its trace headers ({@code Received},
 * {@code Delivered-To}, {@code Return-Path}, {@code X-Original-To}) and perhaps its line
 * endings, none of which count here; another text, or another sender reusing the
 * Message-ID, gives another digest. The digest is SHA-256 over the sender (lower-cased),
 * the Date and Subject as given, each prefixed by its length, and the body: the bytes
 * after the header block with CR LF and lone CR read as LF and trailing white space
 * dropped.
 */
final class ContentDigest {

	private ContentDigest() {
	}

	static String of(InboundMail mail, byte[] raw) {
		MessageDigest sha = sha256();
		field(sha, mail.senderAddress().toLowerCase(Locale.ROOT));
		field(sha, mail.headers().first("Date").map(String::strip).orElse(""));
		field(sha, mail.subject().strip());
		sha.update(body(raw));
		return HexFormat.of().formatHex(sha.digest());
	}

	/**
	 * The body of a raw mail, line endings normalised to LF, trailing white space
	 * dropped: also what tells our own mail read back from another that reuses its
	 * Message-ID.
	 */
	static byte[] body(byte[] raw) {
		int start = bodyStart(raw);
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, raw.length - start));
		for (int i = start; i < raw.length; i++) {
			byte b = raw[i];
			if (b == '\r') {
				out.write('\n');
				if (i + 1 < raw.length && raw[i + 1] == '\n') {
					i++;
				}
			}
			else {
				out.write(b);
			}
		}
		byte[] body = out.toByteArray();
		int end = body.length;
		while (end > 0 && (body[end - 1] == '\n' || body[end - 1] == ' ' || body[end - 1] == '\t')) {
			end--;
		}
		return Arrays.copyOf(body, end);
	}

	/**
	 * Where the body begins: after the first empty line, or at the end when there is
	 * none.
	 */
	private static int bodyStart(byte[] raw) {
		if (raw.length > 0 && raw[0] == '\n') {
			return 1;
		}
		if (raw.length > 1 && raw[0] == '\r' && raw[1] == '\n') {
			return 2;
		}
		for (int i = 0; i < raw.length - 1; i++) {
			if (raw[i] != '\n') {
				continue;
			}
			if (raw[i + 1] == '\n') {
				return i + 2;
			}
			if (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n') {
				return i + 3;
			}
		}
		return raw.length;
	}

	private static void field(MessageDigest sha, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		sha.update(bytes);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
