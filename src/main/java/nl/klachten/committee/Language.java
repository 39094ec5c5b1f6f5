package nl.klachten.committee;

import java.util.Locale;
import java.util.Optional;

/**
 * The language of a case's mail to the complainant (CONTRACT §4): Dutch or English. Mail
 * to the committee, management and the appeals committee is always Dutch.
 */
public enum Language {

	NL(Locale.forLanguageTag("nl")), EN(Locale.ENGLISH);

	private final Locale locale;

	Language(Locale locale) {
		this.locale = locale;
	}

	/**
	 * The templates' locale: FreeMarker finds {@code body_en.ftl} for it, else
	 * {@code body.ftl}.
	 */
	public Locale locale() {
		return this.locale;
	}

	/** The code as stored and as the chair writes it: {@code nl}, {@code en}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * {@code nl}/{@code en} in any letter case, also {@code nederlands}, {@code engels},
	 * {@code english}.
	 */
	public static Optional<Language> parse(String text) {
		return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
			case "nl", "nederlands", "dutch" -> Optional.of(NL);
			case "en", "engels", "english" -> Optional.of(EN);
			default -> Optional.empty();
		};
	}

	/** The language named in Dutch, for the chair: "Nederlands", "Engels". */
	public String dutchName() {
		return this == NL ? "Nederlands" : "Engels";
	}

}
