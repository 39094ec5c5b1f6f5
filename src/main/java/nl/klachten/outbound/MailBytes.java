package nl.klachten.outbound;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The buffer a composed mail is written into (issue 15): a {@code ByteArrayOutputStream}
 * without its lock, sized for a letter from the start. Jakarta Mail's quoted-printable
 * encoder writes a mail one byte at a time, and with {@code ByteArrayOutputStream} each
 * byte took a lock and the array grew from 32 bytes: a third of the time of writing the
 * acknowledgement and the chair's notification. One thread writes it, then reads it once.
 */
final class MailBytes extends OutputStream {

	private byte[] bytes = new byte[16 * 1024];

	private int size;

	@Override
	public void write(int b) {
		if (this.size == this.bytes.length) {
			grow(this.size + 1);
		}
		this.bytes[this.size++] = (byte) b;
	}

	@Override
	public void write(byte[] b, int offset, int length) {
		if (offset < 0 || length < 0 || length > b.length - offset) {
			throw new IndexOutOfBoundsException();
		}
		if (this.size + length > this.bytes.length) {
			grow(this.size + length);
		}
		System.arraycopy(b, offset, this.bytes, this.size, length);
		this.size += length;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	private void grow(int needed) {
		if (needed < 0) {
			throw new OutOfMemoryError("A mail over 2 GB");
		}
		this.bytes = Arrays.copyOf(this.bytes, Math.max(needed, this.bytes.length * 2));
	}

}
