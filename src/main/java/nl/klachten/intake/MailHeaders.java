package nl.klachten.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header fields of a mail, looked up case-insensitively. Values are unfolded; only the
 * unstructured ones (Subject, Comments, Keywords) are RFC 2047-decoded, every other field is its raw
 * text (issue 9). Never logged: headers carry names and addresses.
 */
public record MailHeaders(Map<String, List<String>> fields) {

	public MailHeaders {
		fields = Map.copyOf(fields);
	}

	public Optional<String> first(String name) {
		return all(name).stream().findFirst();
	}

	public List<String> all(String name) {
		return this.fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	public boolean has(String name) {
		return !all(name).isEmpty();
	}

	@Override
	public String toString() {
		return "MailHeaders[" + this.fields.size() + " fields]";
	}

}
