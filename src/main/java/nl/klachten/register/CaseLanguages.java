package nl.klachten.register;

import nl.klachten.committee.Language;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The language of each case's mail to the complainant (CONTRACT §4, column
 * {@code language}).
 */
@Repository
public class CaseLanguages {

	private final JdbcClient jdbc;

	CaseLanguages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case's language; Dutch for a case the register does not hold. */
	public Language of(long id) {
		return this.jdbc.sql("SELECT language FROM complaint WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.flatMap(Language::parse)
			.orElse(Language.NL);
	}

	public void set(long id, Language language) {
		this.jdbc.sql("UPDATE complaint SET language = ? WHERE id = ?").params(language.code(), id).update();
	}

}
