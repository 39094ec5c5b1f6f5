package nl.klachten.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a corpus recipe ({@code .eml.gen}) into the mail it describes, so that a 30 MB
 * or 5,000-deep mail is committed as a few lines. A recipe is read as ISO-8859-1 and
 * written line by line, each line ending in CR LF, with three additions:
 * <ul>
 * <li>{@code @@ text} is a comment and writes nothing;</li>
 * <li>{@code @@repeat N} (or {@code @@repeat N reverse}) up to {@code @@end} writes the
 * lines between N times, with {@code {{i}}} the count from 0 (from N-1 down when
 * reversed) and {@code {{i+1}}} the count plus one; blocks do not nest;</li>
 * <li>{@code {{N*TEXT}}} anywhere in a line writes TEXT N times (TEXT holds no
 * braces).</li>
 * </ul>
 */
final class MailRecipe {

	private static final Pattern INLINE = Pattern.compile("\\{\\{(?:(\\d+)\\*([^{}]*)|i|i\\+1)\\}\\}");

	private static final Pattern REPEAT = Pattern.compile("@@repeat (\\d+)( reverse)?");

	private MailRecipe() {
	}

	static byte[] expand(byte[] recipe) {
		List<String> lines = new String(recipe, StandardCharsets.ISO_8859_1).lines().toList();
		ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
		for (int at = 0; at < lines.size(); at++) {
			String line = lines.get(at);
			Matcher repeat = REPEAT.matcher(line);
			if (repeat.matches()) {
				int end = lines.subList(at, lines.size()).indexOf("@@end") + at;
				if (end < at) {
					throw new IllegalArgumentException("@@repeat without @@end at line " + (at + 1));
				}
				repeat(lines.subList(at + 1, end), Integer.parseInt(repeat.group(1)), repeat.group(2) != null, out);
				at = end;
			}
			else if (!line.startsWith("@@")) {
				write(line, -1, out);
			}
		}
		return out.toByteArray();
	}

	private static void repeat(List<String> block, int times, boolean reverse, ByteArrayOutputStream out) {
		for (int n = 0; n < times; n++) {
			int i = reverse ? times - 1 - n : n;
			block.forEach((line) -> write(line, i, out));
		}
	}

	private static void write(String line, int i, ByteArrayOutputStream out) {
		Matcher matcher = INLINE.matcher(line);
		StringBuilder expanded = new StringBuilder(line.length());
		while (matcher.find()) {
			String replacement;
			if (matcher.group(1) != null) {
				replacement = matcher.group(2).repeat(Integer.parseInt(matcher.group(1)));
			}
			else {
				replacement = String.valueOf(matcher.group().equals("{{i}}") ? i : i + 1);
			}
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(expanded);
		expanded.append("\r\n");
		out.writeBytes(expanded.toString().getBytes(StandardCharsets.ISO_8859_1));
	}

}
