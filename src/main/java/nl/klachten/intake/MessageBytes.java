package nl.klachten.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.message.DefaultMessageWriter;

/** Serialises an embedded (forwarded) message back to bytes so it is kept as a file. */
final class MessageBytes {

	private MessageBytes() {
	}

	static byte[] of(Message message) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new DefaultMessageWriter().writeMessage(message, out);
		return out.toByteArray();
	}

}
