package nl.klachten.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes RFC 2047 encoded-words ({@code =?charset?B|Q?text?=}) in one forward pass. Mime4J's
 * {@code DecoderUtil} runs a lazy regular expression that is worse than quadratic on runs of
 * {@code =?} (a 100 KB subject takes seconds), and the subject is attacker text (issue 9). Each
 * scan here stops at the next {@code ?}, so every character is looked at a bounded number of times.
 * <p>
 * Adjacent encoded words separated only by linear white space are joined (RFC 2047 §6.2); words
 * in the same charset are decoded as one byte run, so a multibyte character split over two words
 * survives. A word in an unknown charset, or with broken base64, stays as written; so does
 * anything that is not an encoded word. An RFC 2231 language suffix ({@code utf-8*nl}) is ignored.
 */
final class EncodedWords {

	/** Longer than any registered charset name: no lookup for it. */
	private static final int MAX_CHARSET_NAME = 40;

	/**
	 * Every charset name and alias the JDK knows, lower case, plus the aliases {@link TextDecoder} adds.
	 * Asking {@link Charset#forName} about an unknown name walks the charset providers each time,
	 * which a subject of 100,000 bogus words turns into seconds.
	 */
	private static final Set<String> KNOWN_CHARSETS = knownCharsets();

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
			Word word = Word.at(text, candidate);
			if (word == null) {
				candidate = text.indexOf("=?", candidate + 1);
				continue;
			}
			String gap = text.substring(from, candidate);
			if (run == null || !isLinearWhiteSpace(gap) || !run.charset.equals(word.charset)) {
				if (run != null) {
					run.flushTo(out);
				}
				if (run == null || !isLinearWhiteSpace(gap)) {
					out.append(gap);
				}
				run = new Run(word.charset);
			}
			run.bytes.writeBytes(word.bytes);
			from = word.end;
			candidate = text.indexOf("=?", from);
		}
		if (run != null) {
			run.flushTo(out);
		}
		out.append(text, from, text.length());
		return out.toString();
	}

	private static Set<String> knownCharsets() {
		Set<String> names = new HashSet<>(Set.of("utf8", "latin1", "latin-1", "ascii", "cp1252", "win-1252"));
		for (Charset charset : Charset.availableCharsets().values()) {
			names.add(charset.name().toLowerCase(Locale.ROOT));
			charset.aliases().forEach((alias) -> names.add(alias.toLowerCase(Locale.ROOT)));
		}
		return Set.copyOf(names);
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

	/** One well-formed encoded word that decodes: its charset, its bytes and where it ends. */
	private record Word(Charset charset, byte[] bytes, int end) {

		/** The word starting at {@code start} (which holds {@code =?}), or null when there is none. */
		static Word at(String text, int start) {
			int charsetEnd = text.indexOf('?', start + 2);
			if (charsetEnd < 0 || charsetEnd == start + 2 || charsetEnd + 2 >= text.length()
					|| text.charAt(charsetEnd + 2) != '?') {
				return null;
			}
			int textEnd = text.indexOf('?', charsetEnd + 3);
			if (textEnd < 0 || textEnd + 1 >= text.length() || text.charAt(textEnd + 1) != '=') {
				return null;
			}
			Optional<Charset> charset = charset(text.substring(start + 2, charsetEnd));
			char encoding = text.charAt(charsetEnd + 1);
			String encoded = text.substring(charsetEnd + 3, textEnd);
			byte[] bytes = switch (encoding) {
				case 'B', 'b' -> base64(encoded);
				case 'Q', 'q' -> quoted(encoded);
				default -> null;
			};
			return (charset.isEmpty() || bytes == null) ? null : new Word(charset.get(), bytes, textEnd + 2);
		}

		private static Optional<Charset> charset(String name) {
			int language = name.indexOf('*');
			String bare = language < 0 ? name : name.substring(0, language);
			if (bare.isEmpty() || bare.length() > MAX_CHARSET_NAME || !bare.chars().allMatch(Word::isCharsetChar)) {
				return Optional.empty();
			}
			return KNOWN_CHARSETS.contains(bare.toLowerCase(Locale.ROOT)) ? TextDecoder.lookup(bare) : Optional.empty();
		}

		/** The characters {@link Charset} allows in a name, so a bogus one costs no exception. */
		private static boolean isCharsetChar(int c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '+'
					|| c == '.' || c == ':' || c == '_';
		}

		private static byte[] base64(String encoded) {
			try {
				return Base64.getDecoder().decode(encoded.strip());
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		/** Q text; a broken {@code =XX} escape makes the word stay as written, as with Mime4J. */
		private static byte[] quoted(String encoded) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
			for (int i = 0; i < encoded.length(); i++) {
				char c = encoded.charAt(i);
				if (c == '=') {
					int hex = hex(encoded, i + 1);
					if (hex < 0) {
						return null;
					}
					out.write(hex);
					i += 2;
				}
				else if (c == '_') {
					out.write(' ');
				}
				else {
					out.writeBytes(String.valueOf(c).getBytes(c < 0x100 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
				}
			}
			return out.toByteArray();
		}

		private static int hex(String s, int at) {
			if (at + 1 >= s.length()) {
				return -1;
			}
			int high = Character.digit(s.charAt(at), 16);
			int low = Character.digit(s.charAt(at + 1), 16);
			return (high < 0 || low < 0) ? -1 : high * 16 + low;
		}

	}

}
