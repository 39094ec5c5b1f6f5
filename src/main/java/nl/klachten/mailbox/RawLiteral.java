package nl.klachten.mailbox;

import java.io.IOException;
import java.io.OutputStream;

import org.eclipse.angus.mail.iap.Literal;

/** A mail's bytes as an IMAP literal, unchanged: what {@code APPEND} sends. */
final class RawLiteral implements Literal {

	private final byte[] raw;

	RawLiteral(byte[] raw) {
		this.raw = raw;
	}

	@Override
	public int size() {
		return this.raw.length;
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		out.write(this.raw);
	}

}
