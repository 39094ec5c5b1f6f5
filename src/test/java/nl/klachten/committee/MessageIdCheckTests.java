package nl.klachten.committee;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: {@link MessageId#isValid} checks in one pass without copying, as the export
 * reads half a million stored ids; it must accept exactly what the check before it
 * accepted (kept here as the reference), over random texts of the characters that matter:
 * dots, {@code @}, brackets, colons, atext, {@code =?}, a space, a control character and
 * non-ASCII.
 */
class MessageIdCheckTests {

	private static final String ALPHABET = "a.@[]:-=?Z9~ \u0000é.";

	@Test
	void shouldAcceptExactlyWhatTheCopyingCheckAcceptedWhenTextsAreRandom() {
		Random random = new Random(15);
		int valid = 0;
		for (int n = 0; n < 300_000; n++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(12); i > 0; i--) {
				text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			String id = text.toString();
			assertThat(MessageId.isValid(id)).as(id).isEqualTo(reference(id));
			valid += reference(id) ? 1 : 0;
		}
		assertThat(valid).as("valid ids among the random texts").isGreaterThan(1000);
		assertThat(MessageId.isValid("x@[127:0:0:1]")).isTrue();
		assertThat(MessageId.isValid("x@[127::1]")).isFalse();
	}

	private static boolean reference(String id) {
		if (id == null || id.isEmpty() || id.length() > MessageId.MAX_LENGTH) {
			return false;
		}
		int at = id.indexOf('@');
		if (at < 1 || at == id.length() - 1 || at != id.lastIndexOf('@')) {
			return false;
		}
		if (id.contains("=?")) {
			return false;
		}
		String right = id.substring(at + 1);
		return dotAtomText(id.substring(0, at)) && (dotAtomText(right) || right.startsWith("[") && right.endsWith("]")
				&& dotAtomText(right.substring(1, right.length() - 1).replace(':', '.')));
	}

	private static boolean dotAtomText(String text) {
		if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
			if (!alnum && c != '.' && "!#$%&'*+-/=?^_`{|}~".indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

}
