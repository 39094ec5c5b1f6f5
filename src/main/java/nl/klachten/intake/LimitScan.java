package nl.klachten.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * Checks {@link MailLimits} before the full parse, in one pass that holds no body in
 * memory: a byte scan for the longest line, then Mime4J's {@link MimeTokenStream} (the
 * same tokenizer and configuration as the parse, so both see the same structure) counting
 * nesting, parts and header fields. The token stream keeps its entities on a list rather
 * than the call stack, and the scan stops at the first entity past the depth limit, so it
 * never goes deeper than the limit itself; the full parse (which recurses, as does
 * disposing and writing a message) then runs only on a mail whose depth is known to be
 * small.
 */
final class LimitScan {

	private LimitScan() {
	}

	/**
	 * The name of the first limit the mail exceeds, e.g. {@code mime-depth}; empty when
	 * within all.
	 */
	static Optional<String> exceeded(byte[] raw, MailLimits limits) {
		if (raw == null) {
			return Optional.empty();
		}
		if (longestLine(raw) > limits.lineLength().toBytes()) {
			return Optional.of("line-length");
		}
		try {
			return structure(raw, limits);
		}
		catch (IOException | MimeException ex) {
			return Optional.empty();
		}
	}

	static long longestLine(byte[] raw) {
		long longest = 0;
		int start = 0;
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] == '\n') {
				longest = Math.max(longest, i - start);
				start = i + 1;
			}
		}
		return Math.max(longest, raw.length - start);
	}

	private static Optional<String> structure(byte[] raw, MailLimits limits) throws IOException, MimeException {
		MimeTokenStream tokens = new MimeTokenStream(MimeParser.CONFIG);
		tokens.parse(new ByteArrayInputStream(raw));
		Counts counts = new Counts();
		for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
			Optional<String> over = count(tokens, state, counts, limits);
			if (over.isPresent()) {
				return over;
			}
		}
		return Optional.empty();
	}

	/**
	 * Counts the token the stream is at; the first limit the mail is now past, if any.
	 */
	private static Optional<String> count(MimeTokenStream tokens, EntityState state, Counts counts, MailLimits limits)
			throws IOException {
		switch (state) {
			case T_START_MULTIPART, T_START_MESSAGE -> counts.depth++;
			case T_END_MULTIPART, T_END_MESSAGE -> counts.depth--;
			case T_START_BODYPART -> counts.parts++;
			case T_START_HEADER -> counts.fields = 0;
			case T_FIELD -> {
				counts.fields++;
				if (tokens.getField().getRaw() != null
						&& tokens.getField().getRaw().length() > limits.headerLength().toBytes()) {
					return Optional.of("header-length");
				}
			}
			case T_BODY -> counts.content += drain(tokens.getInputStream());
			default -> {
			}
		}
		return counts.over(limits);
	}

	private static long drain(InputStream body) throws IOException {
		byte[] buffer = new byte[8192];
		long total = 0;
		for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
			total += n;
		}
		return total;
	}

	/**
	 * What the scan has seen so far: the nesting now, the parts, the current header's
	 * fields, the body bytes.
	 */
	private static final class Counts {

		private int depth;

		private int parts;

		private int fields;

		private long content;

		private Optional<String> over(MailLimits limits) {
			if (this.depth > limits.mimeDepth()) {
				return Optional.of("mime-depth");
			}
			if (this.parts > limits.parts()) {
				return Optional.of("parts");
			}
			if (this.fields > limits.headerCount()) {
				return Optional.of("header-count");
			}
			if (this.content > limits.decodedSize().toBytes()) {
				return Optional.of("decoded-size");
			}
			return Optional.empty();
		}

	}

}
