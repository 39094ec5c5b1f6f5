package nl.klachten.intake;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klachten.committee.MessageId;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.stream.Field;

/**
 * The header half of {@link MimeParser}: every field unfolded from its raw bytes, and the
 * ones the rules read (Message-ID, In-Reply-To and References, From and Sender,
 * Return-Path, To and Cc, Date). A header that cannot be read is absent, never an error.
 */
final class MimeParserHeaders {

	/**
	 * The only headers whose RFC 2047 encoded-words are decoded: unstructured text meant
	 * for people. Message-IDs, trace headers ({@code Received},
	 * {@code Authentication-Results}, {@code DKIM-Signature}, {@code Return-Path}) and
	 * address headers stay raw, so an encoded-word can never smuggle a line break, a
	 * second address or another header into what we parse or copy.
	 */
	private static final Set<String> UNSTRUCTURED = Set.of("subject", "comments", "keywords");

	private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^<>]*)>");

	private MimeParserHeaders() {
	}

	static MailHeaders of(Message message) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		List<String> order = new ArrayList<>();
		if (message.getHeader() == null) {
			return new MailHeaders(fields);
		}
		for (Field field : message.getHeader().getFields()) {
			String name = field.getName().toLowerCase(Locale.ROOT);
			order.add(name);
			String value = rawValue(field);
			fields.computeIfAbsent(name, (k) -> new ArrayList<>())
				.add(UNSTRUCTURED.contains(name) ? EncodedWords.decode(value) : value);
		}
		return new MailHeaders(fields, order);
	}

	/** The header value from its raw bytes, so 8-bit headers keep their characters. */
	static String rawValue(Field field) {
		String value = field.getBody();
		if (field.getRaw() != null) {
			String raw = TextDecoder.decodeHeaderBytes(field.getRaw().toByteArray());
			int colon = raw.indexOf(':');
			value = colon < 0 ? raw : raw.substring(colon + 1);
		}
		return value.replaceAll("\r?\n(?=[ \t])", "").replace("\r", "").replace("\n", "").strip();
	}

	/**
	 * The Message-ID when it is a valid RFC 5322 msg-id; an invalid one is no Message-ID.
	 */
	static String messageId(MailHeaders headers) {
		List<String> values = headers.all("Message-ID");
		return values.size() != 1 ? null : MessageId.parse(values.get(0)).map(MessageId::value).orElse(null);
	}

	/**
	 * The valid ids a reply names (invalid ones are dropped): In-Reply-To first, then the
	 * last {@value MimeParser#MAX_REFERENCES} of References (the nearest ancestors). Each
	 * id costs look-ups in the register, and a sender can write thousands into one
	 * header; a real thread needs only the recent ones.
	 */
	static List<String> references(MailHeaders headers) {
		Set<String> ids = new LinkedHashSet<>();
		headers.all("In-Reply-To").forEach((value) -> MessageId.parseList(value).forEach((id) -> ids.add(id.value())));
		List<String> references = new ArrayList<>();
		headers.all("References")
			.forEach((value) -> MessageId.parseList(value).forEach((id) -> references.add(id.value())));
		ids.addAll(references.subList(Math.max(0, references.size() - MimeParser.MAX_REFERENCES), references.size()));
		return List.copyOf(ids);
	}

	static Sender from(Message message) {
		return SenderReader.read(rawValues(message, "From"), rawValues(message, "Sender"));
	}

	static String returnPath(MailHeaders headers) {
		return headers.first("Return-Path").map((value) -> {
			Matcher matcher = ANGLE_ADDRESS.matcher(value);
			return matcher.find() ? matcher.group(1).strip() : value.strip();
		}).orElse(null);
	}

	static List<String> recipients(Message message) {
		List<String> addresses = new ArrayList<>();
		for (String name : List.of("To", "Cc")) {
			rawValues(message, name).forEach((value) -> mailboxes(value).forEach((m) -> addresses.add(m.address())));
		}
		return addresses;
	}

	static Instant sentAt(Message message, MailHeaders headers) {
		try {
			if (message.getDate() != null) {
				return message.getDate().toInstant();
			}
			return headers.first("Date")
				.map((value) -> value.replaceAll("\\([^()]*\\)", " ").replaceAll("\\s+", " ").strip())
				.map((value) -> ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
				.orElse(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static List<String> rawValues(Message message, String name) {
		if (message.getHeader() == null) {
			return List.of();
		}
		return message.getHeader().getFields(name).stream().map(MimeParserHeaders::rawValue).toList();
	}

	private static List<Sender> mailboxes(String value) {
		return SenderReader.lenient(value)
			.stream()
			.filter((m) -> m.getAddress().contains("@"))
			.map((m) -> new Sender(SenderReader.name(m), m.getAddress(), false))
			.toList();
	}

}
