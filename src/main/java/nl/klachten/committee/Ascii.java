package nl.klachten.committee;

/**
 * Case folding for identities (addresses, domains, authserv-ids): ASCII letters only.
 * Java's {@code toLowerCase} and {@code equalsIgnoreCase} also fold other scripts, so a
 * Kelvin sign (U+212A) would match {@code k} and a look-alike address would pass for a
 * committee address.
 */
public final class Ascii {

	private Ascii() {
	}

	public static String lower(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			out.append(lower(text.charAt(i)));
		}
		return out.toString();
	}

	public static boolean equalsIgnoreCase(String a, String b) {
		if (a == null || b == null || a.length() != b.length()) {
			return false;
		}
		for (int i = 0; i < a.length(); i++) {
			if (lower(a.charAt(i)) != lower(b.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static char lower(char c) {
		return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
	}

}
