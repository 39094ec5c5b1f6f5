package nl.klachten.outbound;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the plain-text part of a mail after the template is filled (CONTRACT §4). A template
 * wrapped by hand breaks as soon as a value is inserted mid-line (a 131-column line, then a lone
 * word); wrapping the result in one place keeps every mail within {@code width} columns whatever
 * the values are.
 * <p>
 * Rules: a line that fits is left as it is, and so are quoted lines ({@code >}) and blank lines.
 * A longer line is broken at spaces, never inside a word or a URL: a word longer than the width
 * stands alone on its line. Continuation lines keep the line's indentation, and are indented
 * further where the line is a list item ({@code - }, {@code * }, {@code 1. }) or an aligned table
 * row ({@code Onderwerp:     …}, or an indented row with a gap of two or more spaces between its
 * columns): there they line up with the text after the marker or the gap. Widths count code
 * points, so an accented letter or an emoji is one column, as a mail client shows it. Wrapping a
 * wrapped text changes nothing.
 */
public final class PlainText {

	/** The width of every plain-text mail. */
	public static final int WIDTH = 76;

	/** A hanging indent past this column leaves too little room: continuation lines then keep the line's own indent. */
	private static final int MAX_HANG = 40;

	/** A labelled row: up to three words and a colon ({@code Naam:}, {@code Datum ontstaan:}). */
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
			if (carry != null) {
				line = carry + " " + line;
				carry = null;
			}
			List<String> wrapped = line(line, width);
			String next = last ? null : nextLine(text, end + 1);
			if (wrapped.size() > 1 && isProse(line) && next != null && isProse(next)) {
				carry = wrapped.get(wrapped.size() - 1);
				wrapped = wrapped.subList(0, wrapped.size() - 1);
			}
			for (int i = 0; i < wrapped.size(); i++) {
				out.append(wrapped.get(i)).append(i < wrapped.size() - 1 ? cr + "\n" : cr);
			}
			if (last) {
				break;
			}
			out.append('\n');
			start = end + 1;
		}
		return out.toString();
	}

	private static String nextLine(String text, int from) {
		int end = text.indexOf('\n', from);
		String line = text.substring(from, end < 0 ? text.length() : end);
		return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
	}

	/**
	 * A line of running text: not blank, not indented, not quoted, not a list item, a labelled
	 * row ({@code Naam: …}) or a signature. When such a line is too long and the next is one too,
	 * the sender wrapped a paragraph at a wider width: the rest of the broken line goes on at the
	 * start of the next one, as a paragraph does, instead of standing alone on a short line.
	 */
	static boolean isProse(String line) {
		if (line.isBlank() || line.startsWith(" ") || line.startsWith("\t") || line.startsWith(">")
				|| line.startsWith("-- ") || line.startsWith("---") || marker(line) > 0) {
			return false;
		}
		return !LABEL.matcher(line).lookingAt();
	}

	/** One line as one or more lines of at most {@code width} columns (unless a single word is wider). */
	static List<String> line(String line, int width) {
		if (columns(line) <= width || line.startsWith(">")) {
			return List.of(line);
		}
		int indentEnd = indentEnd(line);
		String indent = line.substring(0, indentEnd);
		String continuation = continuation(line, indentEnd, width);
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder(indent);
		int currentColumns = columns(indent);
		boolean empty = true;
		int i = indentEnd;
		while (i < line.length()) {
			int gapEnd = i;
			while (gapEnd < line.length() && line.charAt(gapEnd) == ' ') {
				gapEnd++;
			}
			if (gapEnd == line.length()) {
				break;
			}
			int wordEnd = line.indexOf(' ', gapEnd);
			wordEnd = wordEnd < 0 ? line.length() : wordEnd;
			String gap = line.substring(i, gapEnd);
			String word = line.substring(gapEnd, wordEnd);
			int wordColumns = columns(word);
			if (!empty && currentColumns + gap.length() + wordColumns > width) {
				lines.add(current.toString());
				current = new StringBuilder(continuation);
				currentColumns = columns(continuation);
				gap = "";
			}
			current.append(gap).append(word);
			currentColumns += gap.length() + wordColumns;
			empty = false;
			i = wordEnd;
		}
		lines.add(current.toString());
		return lines;
	}

	/** Where the leading spaces and tabs of a line end. */
	private static int indentEnd(String line) {
		int i = 0;
		while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

	/**
	 * The indent of continuation lines: under the text after a list marker, under the second column
	 * of a table row, two further than an indented line; an unindented paragraph continues at the
	 * margin.
	 */
	private static String continuation(String line, int indentEnd, int width) {
		String indent = line.substring(0, indentEnd);
		int hang = hang(line, indentEnd);
		if (hang < 0 && indentEnd > 0) {
			hang = columns(indent) + 2;
		}
		if (hang < 0 || hang > MAX_HANG || hang > width / 2 + columns(indent)) {
			return indent;
		}
		return indent + " ".repeat(hang - columns(indent));
	}

	/** The column a list item's or a table row's text starts at; -1 when the line is neither. */
	private static int hang(String line, int indentEnd) {
		String rest = line.substring(indentEnd);
		int marker = marker(rest);
		if (marker > 0) {
			return columns(line.substring(0, indentEnd)) + marker;
		}
		int gap = rest.indexOf("  ");
		if (gap <= 0) {
			return -1;
		}
		String cell = rest.substring(0, gap);
		if (!(cell.endsWith(":") || indentEnd > 0)) {
			return -1;
		}
		int text = gap;
		while (text < rest.length() && rest.charAt(text) == ' ') {
			text++;
		}
		return text == rest.length() ? -1 : columns(line.substring(0, indentEnd)) + columns(rest.substring(0, text));
	}

	/** The width of a list marker at the start of {@code text} ("- ", "* ", "• ", "12. "), or 0. */
	private static int marker(String text) {
		if (text.startsWith("- ") || text.startsWith("* ") || text.startsWith("• ")) {
			return 2;
		}
		int digits = 0;
		while (digits < text.length() && digits < 3 && Character.isDigit(text.charAt(digits))) {
			digits++;
		}
		if (digits > 0 && text.startsWith(". ", digits)) {
			return digits + 2;
		}
		return 0;
	}

	/** Columns as a mail client counts them: code points, not UTF-16 units. */
	static int columns(String text) {
		return text.codePointCount(0, text.length());
	}

}
