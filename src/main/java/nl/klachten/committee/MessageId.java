package nl.klachten.committee;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Message-ID as RFC 5322 {@code msg-id} allows it: {@code id-left "@" id-right}, each a
 * {@code dot-atom-text} (the right may be a {@code [literal]}), nothing that looks like
 * an encoded-word, at most {@value #MAX_LENGTH} characters. The value has no angle
 * brackets. Header values are read raw, never RFC 2047-decoded: an id is copied into the
 * In-Reply-To and References of our own mail, so anything that could carry a line break
 * or another header is no id at all.
 * <p>
 * {@code wellFormed} is false only for an id read back from the register that today's
 * rules refuse ({@link #stored}): rows written by older versions must read back as they
 * are. It always matches the text, so two ids are equal when their text is.
 */
public record MessageId(String value, boolean wellFormed) {

	public static final int MAX_LENGTH = 250;

	private static final String ATEXT = "!#$%&'*+-/=?^_`{|}~";

	/** The ASCII characters of an atext run: letters, digits and {@link #ATEXT}. */
	private static final boolean[] ATEXT_TABLE = new boolean[128];

	static {
		for (char c = 0; c < ATEXT_TABLE.length; c++) {
			ATEXT_TABLE[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
					|| ATEXT.indexOf(c) >= 0;
		}
	}

	public MessageId {
		if (value == null || wellFormed != isValid(value)) {
			throw new IllegalArgumentException("Not a Message-ID");
		}
	}

	/** A valid id; anything else is refused. */
	public MessageId(String value) {
		this(value, true);
	}

	/**
	 * The id the register holds, as it holds it: only for reading the register. A row
	 * written by an older version may carry text today's rules refuse (no {@code @}, a
	 * space, brackets): it reads back unchanged instead of failing, so that a look-up, a
	 * thread or a purge still sees exactly the stored text; {@link #wellFormed()} tells
	 * such an id from a valid one before it goes into a thread or a header. Null (no id
	 * stored) stays null.
	 */
	public static MessageId stored(String text) {
		return (text != null) ? new MessageId(text, isValid(text)) : null;
	}

	/**
	 * The id of a {@code Message-ID} header: exactly one {@code <id>}, or (as some web
	 * forms write it) one bare {@code left@right}; a trailing comment is allowed.
	 * Anything else is no id.
	 */
	public static Optional<MessageId> parse(String headerValue) {
		if (headerValue == null) {
			return Optional.empty();
		}
		String value = withoutTrailingComment(headerValue.strip());
		if (value.startsWith("<") && value.endsWith(">")) {
			value = value.substring(1, value.length() - 1);
		}
		return isValid(value) ? Optional.of(new MessageId(value)) : Optional.empty();
	}

	/**
	 * Every valid {@code <id>} of an In-Reply-To or References value, in order, without
	 * repeats; the rest dropped.
	 */
	public static List<MessageId> parseList(String headerValue) {
		Set<MessageId> ids = new LinkedHashSet<>();
		if (headerValue == null) {
			return List.of();
		}
		int open = headerValue.indexOf('<');
		while (open >= 0) {
			int close = headerValue.indexOf('>', open + 1);
			if (close < 0) {
				break;
			}
			int nextOpen = headerValue.indexOf('<', open + 1);
			if (nextOpen >= 0 && nextOpen < close) {
				open = nextOpen;
				continue;
			}
			String candidate = headerValue.substring(open + 1, close);
			if (isValid(candidate)) {
				ids.add(new MessageId(candidate));
			}
			open = headerValue.indexOf('<', close + 1);
		}
		return new ArrayList<>(ids);
	}

	/**
	 * The valid ids among these texts (ids already read from headers, without brackets),
	 * in order; the rest dropped, as a look-up by them could find nothing of ours.
	 */
	public static List<MessageId> valid(List<String> ids) {
		return ids.stream().filter(MessageId::isValid).map(MessageId::new).toList();
	}

	public static boolean isValid(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
			return false;
		}
		int at = id.indexOf('@');
		if (at < 1 || at == id.length() - 1 || at != id.lastIndexOf('@')) {
			return false;
		}
		if (id.contains("=?")) {
			return false;
		}
		if (!isDotAtomText(id, 0, at)) {
			return false;
		}
		if (isDotAtomText(id, at + 1, id.length())) {
			return true;
		}
		String right = id.substring(at + 1);
		return right.startsWith("[") && right.endsWith("]")
				&& isDotAtomText(right.substring(1, right.length() - 1).replace(':', '.'));
	}

	/**
	 * RFC 5322 {@code dot-atom-text}: atext runs joined by single dots (an encoded-word
	 * needs no more).
	 */
	private static boolean isDotAtomText(String text) {
		return isDotAtomText(text, 0, text.length());
	}

	/**
	 * {@link #isDotAtomText(String)} of {@code text} from {@code from} to {@code to}, in
	 * one pass without copying: every stored id is read through {@link #stored}, twice
	 * checked (there and in the constructor), and the export of 100,000 cases reads half
	 * a million of them (issue 15).
	 */
	private static boolean isDotAtomText(String text, int from, int to) {
		if (from >= to || text.charAt(from) == '.' || text.charAt(to - 1) == '.') {
			return false;
		}
		char previous = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '.' ? previous == '.' : c >= ATEXT_TABLE.length || !ATEXT_TABLE[c]) {
				return false;
			}
			previous = c;
		}
		return true;
	}

	/** The id as a header writes it. */
	public String bracketed() {
		return "<" + this.value + ">";
	}

	private static String withoutTrailingComment(String value) {
		if (value.endsWith(")")) {
			int open = value.lastIndexOf('(');
			if (open > 0) {
				return value.substring(0, open).strip();
			}
		}
		return value;
	}

	@Override
	public String toString() {
		return "MessageId[redacted]";
	}

}
