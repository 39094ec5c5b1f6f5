package nl.klachten.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * Content-Transfer-Encoding, decoded the way mail clients do: Mime4J's own base64 decoder
 * drops an unpadded last group (and with it the end of a complaint or an attachment), so
 * base64 is decoded here, skipping junk characters and supplying missing padding.
 */
final class TransferDecoder {

	private TransferDecoder() {
	}

	static byte[] decode(String encoding, byte[] raw) throws IOException {
		if ("base64".equalsIgnoreCase(encoding)) {
			return lenientBase64(raw);
		}
		if ("quoted-printable".equalsIgnoreCase(encoding)) {
			try (InputStream in = new QuotedPrintableInputStream(new ByteArrayInputStream(raw), DecodeMonitor.SILENT)) {
				return in.readAllBytes();
			}
		}
		return raw;
	}

	/**
	 * Base64 as mail clients read it: junk characters skipped, missing padding supplied.
	 */
	private static byte[] lenientBase64(byte[] raw) {
		StringBuilder chars = new StringBuilder(raw.length);
		for (byte b : raw) {
			char c = (char) (b & 0xff);
			if (c == '=') {
				break;
			}
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
				chars.append(c);
			}
		}
		int rest = chars.length() % 4;
		if (rest == 1) {
			chars.setLength(chars.length() - 1);
		}
		else if (rest > 0) {
			chars.append("==", 0, 4 - rest);
		}
		return Base64.getDecoder().decode(chars.toString());
	}

}
