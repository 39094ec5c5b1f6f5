package nl.klachten.intake;

import java.util.Locale;
import java.util.Map;

/**
 * A file name that is safe to show and to use as the last part of a path: no directories,
 * no control or reserved characters, no leading dots, at most 120 characters, never
 * empty. Unicode bidi controls are dropped: {@code invoice} + U+202E + {@code fdp.exe}
 * would otherwise show as {@code invoiceexe.pdf}.
 */
final class SafeFileName {

	private static final Map<String, String> EXTENSIONS = Map.of("message/rfc822", "eml", "application/pdf", "pdf",
			"image/png", "png", "image/jpeg", "jpg", "text/plain", "txt", "text/html", "html");

	/** The bidi embedding, override and isolate controls, and the directional marks. */
	private static final String BIDI = "[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]";

	private SafeFileName() {
	}

	static String of(String name, String contentType) {
		String base = name == null ? "" : name;
		int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
		base = base.substring(slash + 1);
		base = base.replaceAll(BIDI, "").replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
		base = base.replaceAll("^[.\\s]+", "");
		if (base.length() > 120) {
			int dot = base.lastIndexOf('.');
			String ext = (dot > 0 && base.length() - dot <= 10) ? base.substring(dot) : "";
			base = base.substring(0, 120 - ext.length()) + ext;
		}
		if (base.isEmpty()) {
			String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
			base = "attachment." + EXTENSIONS.getOrDefault(type, "bin");
		}
		return base;
	}

}
