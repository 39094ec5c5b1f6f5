package nl.klachten.outbound;

import java.util.List;

/**
 * Wraps the plain-text part of a mail after the template is filled (CONTRACT §4). A
 * template wrapped by hand breaks as soon as a value is inserted mid-line (a 131-column
 * line, then a lone word); wrapping the result in one place keeps every mail within
 * {@code width} columns whatever the values are.
 * <p>
 * Rules: a line that fits is left as it is, and so are quoted lines ({@code >}) and blank
 * lines. A longer line is broken at spaces, never inside a word or a URL: a word longer
 * than the width stands alone on its line. Continuation lines keep the line's
 * indentation, and are indented further where the line is a list item ({@code - },
 * {@code * }, {@code 1. }) or an aligned table row ({@code Onderwerp:     …}, or an
 * indented row with a gap of two or more spaces between its columns): there they line up
 * with the text after the marker or the gap. Widths count code points, so an accented
 * letter or an emoji is one column, as a mail client shows it. Wrapping a wrapped text
 * changes nothing. Breaking one line is {@link LineBreaker}'s.
 */
public final class PlainText {

	/** The width of every plain-text mail. */
	public static final int WIDTH = 76;

	/**
	 * A labelled row: up to three words and a colon ({@code Naam:},
	 * {@code Datum ontstaan:}).
	 */
	private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern
		.compile("[^\\s:]{1,30}(?: [^\\s:]{1,30}){0,2}:(?:\\s|$)");

	private PlainText() {
	}

	/** The text wrapped at {@link #WIDTH} columns. */
	public static String wrap(String text) {
		return wrap(text, WIDTH);
	}

	public static String wrap(String text, int width) {
		StringBuilder out = new StringBuilder(text.length() + 64);
		String carry = null;
		int start = 0;
		while (start <= text.length()) {
			int end = text.indexOf('\n', start);
			boolean last = end < 0;
			String line = text.substring(start, last ? text.length() : end);
			String cr = line.endsWith("\r") ? "\r" : "";
			line = line.substring(0, line.length() - cr.length());
			line = carry == null ? line : carry + " " + line;
			carry = append(out, line, last ? null : nextLine(text, end + 1), cr, width);
			if (last) {
				break;
			}
			out.append('\n');
			start = end + 1;
		}
		return out.toString();
	}

	/**
	 * Appends the line wrapped, its lines ending in {@code cr} as the original did;
	 * returns the end of a broken prose line to carry into the {@code next} one, or null.
	 */
	private static String append(StringBuilder out, String line, String next, String cr, int width) {
		List<String> wrapped = LineBreaker.lines(line, width);
		String carry = null;
		if (wrapped.size() > 1 && isProse(line) && next != null && isProse(next)) {
			carry = wrapped.get(wrapped.size() - 1);
			wrapped = wrapped.subList(0, wrapped.size() - 1);
		}
		for (int i = 0; i < wrapped.size(); i++) {
			out.append(wrapped.get(i)).append(i < wrapped.size() - 1 ? cr + "\n" : cr);
		}
		return carry;
	}

	private static String nextLine(String text, int from) {
		int end = text.indexOf('\n', from);
		String line = text.substring(from, end < 0 ? text.length() : end);
		return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
	}

	/**
	 * A line of running text: not blank, not indented, not quoted, not a list item, a
	 * labelled row ({@code Naam: …}) or a signature. When such a line is too long and the
	 * next is one too, the sender wrapped a paragraph at a wider width: the rest of the
	 * broken line goes on at the start of the next one, as a paragraph does, instead of
	 * standing alone on a short line.
	 */
	static boolean isProse(String line) {
		if (line.isBlank() || line.startsWith(" ") || line.startsWith("\t") || line.startsWith(">")
				|| line.startsWith("-- ") || line.startsWith("---") || LineBreaker.marker(line) > 0) {
			return false;
		}
		return !LABEL.matcher(line).lookingAt();
	}

	/** Columns as a mail client counts them: code points, not UTF-16 units. */
	static int columns(String text) {
		return text.codePointCount(0, text.length());
	}

}
