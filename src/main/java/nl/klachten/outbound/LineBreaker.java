package nl.klachten.outbound;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks one line of a plain-text mail for {@link PlainText}: at spaces, never inside a
 * word, its continuation lines under the text after a list marker or under a table row's
 * second column. Widths count code points ({@link PlainText#columns}).
 */
final class LineBreaker {

	/**
	 * A hanging indent past this column leaves too little room: continuation lines then
	 * keep the line's own indent.
	 */
	private static final int MAX_HANG = 40;

	private LineBreaker() {
	}

	/**
	 * One line as one or more lines of at most {@code width} columns (unless a single
	 * word is wider).
	 */
	static List<String> lines(String line, int width) {
		if (columns(line) <= width || line.startsWith(">")) {
			return List.of(line);
		}
		int indentEnd = indentEnd(line);
		Lines lines = new Lines(line.substring(0, indentEnd), continuation(line, indentEnd, width), width);
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
			lines.add(line.substring(i, gapEnd), line.substring(gapEnd, wordEnd));
			i = wordEnd;
		}
		return lines.done();
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
	 * The indent of continuation lines: under the text after a list marker, under the
	 * second column of a table row, two further than an indented line; an unindented
	 * paragraph continues at the margin.
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

	/**
	 * The column a list item's or a table row's text starts at; -1 when the line is
	 * neither.
	 */
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

	/**
	 * The width of a list marker at the start of {@code text} ("- ", "* ", "• ", "12. "),
	 * or 0.
	 */
	static int marker(String text) {
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

	private static int columns(String text) {
		return PlainText.columns(text);
	}

	/**
	 * The lines being filled, word by word: a word that does not fit starts a
	 * continuation line.
	 */
	private static final class Lines {

		private final List<String> done = new ArrayList<>();

		private final String continuation;

		private final int width;

		private StringBuilder current;

		private int columns;

		private boolean empty = true;

		Lines(String indent, String continuation, int width) {
			this.continuation = continuation;
			this.width = width;
			this.current = new StringBuilder(indent);
			this.columns = columns(indent);
		}

		void add(String gap, String word) {
			int wordColumns = columns(word);
			if (!this.empty && this.columns + gap.length() + wordColumns > this.width) {
				this.done.add(this.current.toString());
				this.current = new StringBuilder(this.continuation);
				this.columns = columns(this.continuation);
				gap = "";
			}
			this.current.append(gap).append(word);
			this.columns += gap.length() + wordColumns;
			this.empty = false;
		}

		List<String> done() {
			this.done.add(this.current.toString());
			return this.done;
		}

	}

}
