package nl.klachten.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.klachten.commands.AuthenticationLexer.Token;
import nl.klachten.committee.Ascii;

/**
 * One {@code Authentication-Results} header value read as RFC 8601 §2.2: the authserv-id,
 * then {@code ;}-separated results, each {@code method[/version]=result} with an optional
 * {@code reason=} and {@code ptype.property=value} properties. Comments ({@code (…)},
 * nested, with quoted pairs) are skipped and quoted strings are read as one value, so
 * neither a {@code header.d=klikklaar.com} inside a comment nor one inside a quoted
 * string counts as a property. The value is never RFC 2047-decoded. A single pass over at
 * most {@link #MAX_LENGTH} characters: attacker text cannot make it slow.
 *
 * @param authservId the authserv-id, lower case
 * @param results the results in header order
 */
record AuthenticationResults(String authservId, List<Result> results) {

	/**
	 * Longer header values are not read at all (RFC 8601 values are short; this is a
	 * hostile one).
	 */
	static final int MAX_LENGTH = 16 * 1024;

	AuthenticationResults {
		results = List.copyOf(results);
	}

	/**
	 * One result: method and result lower case, properties by {@code ptype.property}
	 * lower case, values as written (domains compared case-insensitively by the caller).
	 */
	record Result(String method, String result, Map<String, String> properties) {

		Result {
			properties = Map.copyOf(properties);
		}

		boolean passes(String expectedMethod) {
			return this.method.equals(expectedMethod) && this.result.equals("pass");
		}

		Optional<String> property(String name) {
			return Optional.ofNullable(this.properties.get(name));
		}

	}

	/**
	 * The header read, or empty when it is not an RFC 8601 value (then it says nothing).
	 */
	static Optional<AuthenticationResults> parse(String value) {
		if (value == null || value.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		List<List<Token>> segments = new AuthenticationLexer(value).segments();
		if (segments.get(0).isEmpty() || segments.get(0).get(0).quoted()) {
			return Optional.empty();
		}
		String authservId = Ascii.lower(segments.get(0).get(0).text());
		List<Result> results = new ArrayList<>();
		for (List<Token> segment : segments.subList(1, segments.size())) {
			result(pairs(segment)).ifPresent(results::add);
		}
		return Optional.of(new AuthenticationResults(authservId, results));
	}

	/**
	 * {@code method=result [reason=value] (ptype.property=value)*} from a segment's
	 * name=value pairs.
	 */
	private static Optional<Result> result(List<String[]> pairs) {
		if (pairs.isEmpty()) {
			return Optional.empty();
		}
		String method = Ascii.lower(pairs.get(0)[0]);
		int slash = method.indexOf('/');
		method = slash < 0 ? method : method.substring(0, slash);
		Map<String, String> properties = new LinkedHashMap<>();
		for (String[] pair : pairs.subList(1, pairs.size())) {
			String name = Ascii.lower(pair[0]);
			if (name.indexOf('.') > 0) {
				properties.putIfAbsent(name, pair[1]);
			}
		}
		return Optional.of(new Result(method, Ascii.lower(pairs.get(0)[1]), properties));
	}

	/**
	 * The segment's {@code name=value} pairs. A name is an unquoted word; white space may
	 * stand around {@code =}; a value runs to the next white space, comment or {@code ;}
	 * and may itself hold {@code =} (an address like {@code <=?…?=@host>}) or be a quoted
	 * string. A quoted string is never a name, so {@code "header.d=x"} names nothing.
	 */
	private static List<String[]> pairs(List<Token> tokens) {
		List<String[]> pairs = new ArrayList<>();
		int i = 0;
		while (i < tokens.size()) {
			i += pair(tokens, i, pairs);
		}
		return pairs;
	}

	/**
	 * Adds the pair that starts at token {@code i}, if one does; returns how many tokens
	 * it took (at least one).
	 */
	private static int pair(List<Token> tokens, int i, List<String[]> pairs) {
		Token token = tokens.get(i);
		int equals = token.quoted() ? -1 : token.text().indexOf('=');
		if (equals > 0 && equals < token.text().length() - 1) {
			pairs.add(new String[] { token.text().substring(0, equals), token.text().substring(equals + 1) });
			return 1;
		}
		if (equals > 0 && i + 1 < tokens.size()) {
			pairs.add(new String[] { token.text().substring(0, equals), tokens.get(i + 1).text() });
			return 2;
		}
		if (equals < 0 && !token.quoted() && i + 2 < tokens.size() && tokens.get(i + 1).text().equals("=")
				&& !tokens.get(i + 1).quoted()) {
			pairs.add(new String[] { token.text(), tokens.get(i + 2).text() });
			return 3;
		}
		if (equals < 0 && !token.quoted() && i + 1 < tokens.size() && !tokens.get(i + 1).quoted()
				&& tokens.get(i + 1).text().startsWith("=") && tokens.get(i + 1).text().length() > 1) {
			pairs.add(new String[] { token.text(), tokens.get(i + 1).text().substring(1) });
			return 2;
		}
		return 1;
	}

}
