package nl.klachten.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * Decodes RFC 2047 encoded-words ({@code =?charset?B|Q?text?=}) in one forward pass.
 * Mime4J's {@code DecoderUtil} runs a lazy regular expression that is worse than
 * quadratic on runs of {@code =?} (a 100 KB subject takes seconds), and the subject is
 * attacker text (issue 9). Each scan here stops at the next {@code ?}, so every character
 * is looked at a bounded number of times.
 * <p>
 * Adjacent encoded words separated only by linear white space are joined (RFC 2047 §6.2);
 * words in the same charset are decoded as one byte run, so a multibyte character split
 * over two words survives. A word in an unknown charset, or with broken base64, stays as
 * written; so does anything that is not an encoded word. An RFC 2231 language suffix
 * ({@code utf-8*nl}) is ignored.
 */
final class EncodedWords {

	private EncodedWords() {
	}

	static String decode(String text) {
		if (text == null || !text.contains("=?")) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		Run run = null;
		int from = 0;
		int candidate = text.indexOf("=?");
		while (candidate >= 0) {
			EncodedWord word = EncodedWord.at(text, candidate);
			if (word == null) {
				candidate = text.indexOf("=?", candidate + 1);
				continue;
			}
			run = join(run, text.substring(from, candidate), word, out);
			run.bytes.writeBytes(word.bytes());
			from = word.end();
			candidate = text.indexOf("=?", from);
		}
		if (run != null) {
			run.flushTo(out);
		}
		out.append(text, from, text.length());
		return out.toString();
	}

	/**
	 * The run {@code word} goes on: the current one when only linear white space (which
	 * goes) separates them and the charset is the same; else a new one, after the current
	 * run and the gap before the word are written out (the gap too goes between two
	 * encoded words).
	 */
	private static Run join(Run run, String gap, EncodedWord word, StringBuilder out) {
		boolean whiteSpace = isLinearWhiteSpace(gap);
		if (run != null && whiteSpace && run.charset.equals(word.charset())) {
			return run;
		}
		if (run != null) {
			run.flushTo(out);
		}
		if (run == null || !whiteSpace) {
			out.append(gap);
		}
		return new Run(word.charset());
	}

	private static boolean isLinearWhiteSpace(String gap) {
		for (int i = 0; i < gap.length(); i++) {
			char c = gap.charAt(i);
			if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
				return false;
			}
		}
		return true;
	}

	/** Decoded bytes of adjacent words in one charset, turned into text at once. */
	private static final class Run {

		private final Charset charset;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		Run(Charset charset) {
			this.charset = charset;
		}

		void flushTo(StringBuilder out) {
			out.append(new String(this.bytes.toByteArray(), this.charset));
		}

	}

}
