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
 * One well-formed RFC 2047 encoded-word that decodes, for {@link EncodedWords}: its
 * charset, its bytes and where it ends. Only a known charset and well-formed B or Q text
 * make a word, so a bogus one costs no exception and no charset provider look-up.
 */
record EncodedWord(Charset charset, byte[] bytes, int end) {

	/** Longer than any registered charset name: no lookup for it. */
	private static final int MAX_CHARSET_NAME = 40;

	/**
	 * Every charset name and alias the JDK knows, lower case, plus the aliases
	 * {@link TextDecoder} adds. Asking {@link Charset#forName} about an unknown name
	 * walks the charset providers each time, which a subject of 100,000 bogus words turns
	 * into seconds.
	 */
	private static final Set<String> KNOWN_CHARSETS = knownCharsets();

	/**
	 * The word starting at {@code start} (which holds {@code =?}), or null when there is
	 * none.
	 */
	static EncodedWord at(String text, int start) {
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
		return (charset.isEmpty() || bytes == null) ? null : new EncodedWord(charset.get(), bytes, textEnd + 2);
	}

	private static Optional<Charset> charset(String name) {
		int language = name.indexOf('*');
		String bare = language < 0 ? name : name.substring(0, language);
		if (bare.isEmpty() || bare.length() > MAX_CHARSET_NAME || !bare.chars().allMatch(EncodedWord::isCharsetChar)) {
			return Optional.empty();
		}
		return KNOWN_CHARSETS.contains(bare.toLowerCase(Locale.ROOT)) ? TextDecoder.lookup(bare) : Optional.empty();
	}

	/**
	 * The characters {@link Charset} allows in a name, so a bogus one costs no exception.
	 */
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

	/**
	 * Q text; a broken {@code =XX} escape makes the word stay as written, as with Mime4J.
	 */
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
				out.writeBytes(
						String.valueOf(c).getBytes(c < 0x100 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
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

	private static Set<String> knownCharsets() {
		Set<String> names = new HashSet<>(Set.of("utf8", "latin1", "latin-1", "ascii", "cp1252", "win-1252"));
		for (Charset charset : Charset.availableCharsets().values()) {
			names.add(charset.name().toLowerCase(Locale.ROOT));
			charset.aliases().forEach((alias) -> names.add(alias.toLowerCase(Locale.ROOT)));
		}
		return Set.copyOf(names);
	}

}
