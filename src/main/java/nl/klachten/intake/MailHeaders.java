package nl.klachten.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header fields of a mail, looked up case-insensitively. Values are unfolded; only
 * the unstructured ones (Subject, Comments, Keywords) are RFC 2047-decoded, every other
 * field is its raw text (issue 9). Never logged: headers carry names and addresses.
 */
public record MailHeaders(Map<String, List<String>> fields, List<String> order) {

	public MailHeaders {
		fields = Map.copyOf(fields);
		order = List.copyOf(order);
	}

	/** Fields whose order among different names is unknown (tests, hand-built mails). */
	public MailHeaders(Map<String, List<String>> fields) {
		this(fields, List.of());
	}

	/** A field's value with the number of {@code stop} fields above it. */
	public record Placed(String value, int below) {

		@Override
		public String toString() {
			return "Placed[below " + this.below + "]";
		}

	}

	/**
	 * The values of {@code name}, top down, each with how many {@code stop} fields stand
	 * above it: for {@code Authentication-Results} under {@code Received}, how far down
	 * the path of servers the result was written (RFC 8601 §5: the receiving server adds
	 * its own at the top; one the sender wrote stands below every {@code Received}).
	 * Empty when the order is unknown.
	 */
	public List<Placed> placed(String name, String stop) {
		String wanted = name.toLowerCase(Locale.ROOT);
		String until = stop.toLowerCase(Locale.ROOT);
		List<String> values = all(wanted);
		List<Placed> found = new java.util.ArrayList<>();
		int stops = 0;
		int index = 0;
		for (String field : this.order) {
			if (field.equals(until)) {
				stops++;
			}
			else if (field.equals(wanted) && index < values.size()) {
				found.add(new Placed(values.get(index++), stops));
			}
		}
		return found;
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
