package nl.klachten.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns bytes into text the way a forgiving mail client does: the declared charset when
 * the JDK knows it, otherwise UTF-8 when the bytes are valid UTF-8, otherwise
 * windows-1252 (which maps every byte, so decoding never fails). Declared US-ASCII and
 * ISO-8859-1 are read as their common supersets, as browsers and mail clients do.
 */
final class TextDecoder {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Map<String, String> ALIASES = Map.of("utf8", "UTF-8", "latin1", "ISO-8859-1", "latin-1",
			"ISO-8859-1", "ascii", "US-ASCII", "cp1252", "windows-1252", "win-1252", "windows-1252");

	private TextDecoder() {
	}

	static String decode(byte[] bytes, String declaredCharset) {
		String text = decodeBytes(bytes, declaredCharset);
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static String decodeBytes(byte[] bytes, String declaredCharset) {
		Optional<Charset> declared = lookup(declaredCharset);
		if (declared.isPresent() && !declared.get().equals(StandardCharsets.US_ASCII)) {
			Charset charset = widen(declared.get());
			if (!charset.equals(StandardCharsets.UTF_8)) {
				return new String(bytes, charset);
			}
		}
		return strictUtf8(bytes).orElseGet(() -> new String(bytes, WINDOWS_1252));
	}

	/** Raw 8-bit header bytes: UTF-8 when valid, else windows-1252. */
	static String decodeHeaderBytes(byte[] bytes) {
		return strictUtf8(bytes).orElseGet(() -> new String(bytes, WINDOWS_1252));
	}

	static Optional<Charset> lookup(String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		String trimmed = name.strip().replace("\"", "");
		String alias = ALIASES.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
		try {
			return Optional.of(Charset.forName(alias));
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return Optional.empty();
		}
	}

	private static Charset widen(Charset charset) {
		if (charset.equals(StandardCharsets.US_ASCII) || charset.equals(StandardCharsets.ISO_8859_1)) {
			return WINDOWS_1252;
		}
		return charset;
	}

	private static Optional<String> strictUtf8(byte[] bytes) {
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
