package nl.klachten.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of an {@code Authentication-Results} value, for
 * {@link AuthenticationResults}: split into {@code ;}-separated segments, where comments
 * ({@code (…)}, nested, with quoted pairs) and white space only separate, and a quoted
 * string is one token. One pass, each character read once, so hostile text cannot make it
 * slow.
 */
final class AuthenticationLexer {

	/** A word, or the content of a quoted string. */
	record Token(String text, boolean quoted) {
	}

	private final String text;

	private final List<List<Token>> segments = new ArrayList<>();

	private List<Token> current = new ArrayList<>();

	private final StringBuilder word = new StringBuilder();

	AuthenticationLexer(String text) {
		this.text = text;
	}

	List<List<Token>> segments() {
		int i = 0;
		while (i < this.text.length()) {
			i = step(i);
		}
		endWord();
		this.segments.add(this.current);
		return this.segments;
	}

	/**
	 * Reads the character at {@code i} (or the comment or quoted string it opens); the
	 * index after it.
	 */
	private int step(int i) {
		char c = this.text.charAt(i);
		if (c == '(' || c == '"' || c == ';' || isSpace(c)) {
			endWord();
		}
		if (c == '(') {
			return skipComment(i);
		}
		if (c == '"') {
			return quoted(i);
		}
		if (c == ';') {
			this.segments.add(this.current);
			this.current = new ArrayList<>();
		}
		else if (!isSpace(c)) {
			this.word.append(c);
		}
		return i + 1;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

	private void endWord() {
		if (this.word.length() > 0) {
			this.current.add(new Token(this.word.toString(), false));
			this.word.setLength(0);
		}
	}

	/**
	 * Index after the comment that starts at {@code start}; nested comments and quoted
	 * pairs.
	 */
	private int skipComment(int start) {
		int depth = 0;
		int i = start;
		while (i < this.text.length()) {
			char c = this.text.charAt(i);
			if (c == '\\') {
				i += 2;
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i + 1;
			}
			i++;
		}
		return i;
	}

	/**
	 * A quoted string as one token (quoted pairs unescaped); index after its closing
	 * quote.
	 */
	private int quoted(int start) {
		StringBuilder value = new StringBuilder();
		int i = start + 1;
		while (i < this.text.length()) {
			char c = this.text.charAt(i);
			if (c == '\\' && i + 1 < this.text.length()) {
				value.append(this.text.charAt(i + 1));
				i += 2;
				continue;
			}
			i++;
			if (c == '"') {
				break;
			}
			value.append(c);
		}
		this.current.add(new Token(value.toString(), true));
		return i;
	}

}
