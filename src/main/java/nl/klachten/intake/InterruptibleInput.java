package nl.klachten.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * An input stream that fails once its reading thread is interrupted. Mime4J does not look
 * at interrupts, so this is how a parse that ran out of time is made to stop: it reads
 * its input in buffered chunks, and the next chunk throws.
 */
final class InterruptibleInput extends FilterInputStream {

	InterruptibleInput(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		checkInterrupt();
		return super.read();
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		checkInterrupt();
		return super.read(buffer, offset, length);
	}

	private static void checkInterrupt() throws InterruptedIOException {
		if (Thread.currentThread().isInterrupted()) {
			throw new InterruptedIOException("parse interrupted");
		}
	}

}
