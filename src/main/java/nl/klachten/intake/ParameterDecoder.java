package nl.klachten.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.james.mime4j.stream.NameValuePair;

/**
 * Reads one parameter (e.g. {@code filename}) from a header's parameters, the way mail
 * clients actually write it: plain, RFC 2047-encoded, or RFC 2231 extended and continued
 * ({@code filename*0*=utf-8''%E2%82%AC; filename*1*=...}).
 */
final class ParameterDecoder {

	private ParameterDecoder() {
	}

	static Optional<String> value(List<NameValuePair> params, String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		Map<Integer, NameValuePair> sections = new TreeMap<>();
		String plain = null;
		for (NameValuePair param : params) {
			String key = param.getName().toLowerCase(Locale.ROOT);
			if (key.equals(lower)) {
				plain = param.getValue();
			}
			else if (key.equals(lower + "*")) {
				sections.put(0, param);
			}
			else if (key.startsWith(lower + "*")) {
				sectionIndex(key.substring(lower.length() + 1)).ifPresent((index) -> sections.put(index, param));
			}
		}
		if (!sections.isEmpty()) {
			return Optional.of(extended(sections));
		}
		return Optional.ofNullable(plain).map(EncodedWords::decode);
	}

	private static Optional<Integer> sectionIndex(String suffix) {
		String digits = suffix.endsWith("*") ? suffix.substring(0, suffix.length() - 1) : suffix;
		try {
			return Optional.of(Integer.parseInt(digits));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static String extended(Map<Integer, NameValuePair> sections) {
		String charset = null;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (NameValuePair section : sections.values()) {
			String value = section.getValue() == null ? "" : section.getValue();
			boolean encoded = section.getName().endsWith("*");
			if (encoded && charset == null) {
				int first = value.indexOf('\'');
				int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
				if (second > 0) {
					charset = value.substring(0, first);
					value = value.substring(second + 1);
				}
			}
			percentDecode(value, encoded, bytes);
		}
		return TextDecoder.decode(bytes.toByteArray(), charset);
	}

	private static void percentDecode(String value, boolean encoded, ByteArrayOutputStream out) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (encoded && c == '%' && i + 2 < value.length()) {
				int hex = hex(value.charAt(i + 1), value.charAt(i + 2));
				if (hex >= 0) {
					out.write(hex);
					i += 2;
					continue;
				}
			}
			byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
			out.write(utf8, 0, utf8.length);
		}
	}

	private static int hex(char high, char low) {
		int h = Character.digit(high, 16);
		int l = Character.digit(low, 16);
		return (h < 0 || l < 0) ? -1 : h * 16 + l;
	}

}
