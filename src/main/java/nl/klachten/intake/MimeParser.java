package nl.klachten.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klachten.committee.MessageId;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Raw bytes to {@link InboundMail}, with Mime4J in permissive mode and a silent decode monitor
 * (as James's {@code MessageParserImpl}): broken mail is the normal case, so the parser reads what
 * it can and never throws. Only a mail with nothing recognisable as a header is
 * {@link ParseResult.Unparseable}.
 */
@Component
public class MimeParser {

	/**
	 * The only headers whose RFC 2047 encoded-words are decoded: unstructured text meant for people.
	 * Message-IDs, trace headers ({@code Received}, {@code Authentication-Results},
	 * {@code DKIM-Signature}, {@code Return-Path}) and address headers stay raw, so an encoded-word
	 * can never smuggle a line break, a second address or another header into what we parse or copy.
	 */
	private static final Set<String> UNSTRUCTURED = Set.of("subject", "comments", "keywords");

	/** Shared with {@link LimitScan}, so the pre-scan tokenizes exactly as the parse does. */
	static final MimeConfig CONFIG = MimeConfig.custom()
		.setMaxLineLen(-1)
		.setMaxHeaderLen(-1)
		.setMaxHeaderCount(-1)
		.setMaxContentLen(-1)
		.setStrictParsing(false)
		.setMalformedHeaderStartsBody(true)
		.build();

	/** How many References ids a mail is threaded and trusted by, at most. */
	static final int MAX_REFERENCES = 20;

	private final MailLimits limits;

	/** A parser with the default {@link MailLimits}, for use outside Spring. */
	public MimeParser() {
		this(MailLimits.defaults());
	}

	@Autowired
	public MimeParser(MailLimits limits) {
		this.limits = limits;
	}

	/**
	 * Parses one mail. A mail over one of the {@link MailLimits} is {@link ParseResult.Unparseable}
	 * as {@code limit:<name>} before Mime4J builds anything. The bytes are read through
	 * {@link InterruptibleInput}, so a parse whose thread is interrupted (it ran out of time) stops
	 * at its next read instead of running on.
	 */
	public ParseResult parse(byte[] raw) {
		Optional<String> limit;
		try {
			limit = LimitScan.exceeded(raw, this.limits);
		}
		catch (RuntimeException ex) {
			// the scan reads with the parser's own streams: what breaks it would break the parse there
			return new ParseResult.Unparseable("mime-error:" + ex.getClass().getSimpleName());
		}
		if (limit.isPresent()) {
			return new ParseResult.Unparseable("limit:" + limit.get());
		}
		Message message = null;
		try {
			message = builder().parseMessage(new InterruptibleInput(new ByteArrayInputStream(raw)));
			MailHeaders headers = headers(message);
			if (headers.fields().isEmpty()) {
				return new ParseResult.Unparseable("no-headers");
			}
			return new ParseResult.Parsed(toMail(message, headers));
		}
		catch (IOException | RuntimeException ex) {
			return new ParseResult.Unparseable("mime-error:" + ex.getClass().getSimpleName());
		}
		finally {
			if (message != null) {
				message.dispose();
			}
		}
	}

	private static DefaultMessageBuilder builder() {
		DefaultMessageBuilder builder = new DefaultMessageBuilder();
		builder.setMimeEntityConfig(CONFIG);
		builder.setDecodeMonitor(DecodeMonitor.SILENT);
		builder.setContentDecoding(false);
		return builder;
	}

	private InboundMail toMail(Message message, MailHeaders headers) throws IOException {
		BodyParts parts = new BodyParts();
		collect(message, parts);
		boolean htmlOnly = parts.plain.isEmpty() && !parts.html.isEmpty();
		String text = htmlOnly ? HtmlText.toText(String.join("\n", parts.html)) : String.join("\n", parts.plain);
		text = text.replace("\r\n", "\n").replace('\r', '\n');
		String subject = headers.first("Subject").orElse("");
		return new InboundMail(messageId(headers), references(headers), from(message), returnPath(headers),
				recipients(message), subject, sentAt(message, headers), mimeType(message), text.strip(), htmlOnly,
				parts.attachments, headers);
	}

	private static MailHeaders headers(Message message) {
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
				.add(UNSTRUCTURED.contains(name) ? decodeEncodedWords(value) : value);
		}
		return new MailHeaders(fields, order);
	}

	/** The header value from its raw bytes, so 8-bit headers keep their characters. */
	private static String rawValue(Field field) {
		String value = field.getBody();
		if (field.getRaw() != null) {
			String raw = TextDecoder.decodeHeaderBytes(field.getRaw().toByteArray());
			int colon = raw.indexOf(':');
			value = colon < 0 ? raw : raw.substring(colon + 1);
		}
		return value.replaceAll("\r?\n(?=[ \t])", "").replace("\r", "").replace("\n", "").strip();
	}

	private static String decodeEncodedWords(String value) {
		return EncodedWords.decode(value);
	}

	/** The Message-ID when it is a valid RFC 5322 msg-id; an invalid one is no Message-ID. */
	private static String messageId(MailHeaders headers) {
		List<String> values = headers.all("Message-ID");
		return values.size() != 1 ? null : MessageId.parse(values.get(0)).map(MessageId::value).orElse(null);
	}

	/** The valid ids of In-Reply-To, then References; invalid ones are dropped. */
	/**
	 * The ids a reply names: In-Reply-To first, then the last {@value #MAX_REFERENCES} of References
	 * (the nearest ancestors). Each id costs look-ups in the register, and a sender can write
	 * thousands into one header; a real thread needs only the recent ones.
	 */
	private static List<String> references(MailHeaders headers) {
		Set<String> ids = new LinkedHashSet<>();
		headers.all("In-Reply-To").forEach((value) -> MessageId.parseList(value).forEach((id) -> ids.add(id.value())));
		List<String> references = new java.util.ArrayList<>();
		headers.all("References").forEach((value) -> MessageId.parseList(value).forEach((id) -> references.add(id.value())));
		ids.addAll(references.subList(Math.max(0, references.size() - MAX_REFERENCES), references.size()));
		return List.copyOf(ids);
	}

	private static Sender from(Message message) {
		return SenderReader.read(rawValues(message, "From"), rawValues(message, "Sender"));
	}

	private static List<String> rawValues(Message message, String name) {
		if (message.getHeader() == null) {
			return List.of();
		}
		return message.getHeader().getFields(name).stream().map(MimeParser::rawValue).toList();
	}

	private static String returnPath(MailHeaders headers) {
		return headers.first("Return-Path").map((value) -> {
			Matcher matcher = Pattern.compile("<([^<>]*)>").matcher(value);
			return matcher.find() ? matcher.group(1).strip() : value.strip();
		}).orElse(null);
	}

	private static List<String> recipients(Message message) {
		List<String> addresses = new ArrayList<>();
		for (String name : List.of("To", "Cc")) {
			rawValues(message, name).forEach((value) -> mailboxes(value).forEach((m) -> addresses.add(m.address())));
		}
		return addresses;
	}

	private static List<Sender> mailboxes(String value) {
		return SenderReader.lenient(value)
			.stream()
			.filter((m) -> m.getAddress().contains("@"))
			.map((m) -> new Sender(SenderReader.name(m), m.getAddress(), false))
			.toList();
	}

	private static Instant sentAt(Message message, MailHeaders headers) {
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

	private static String mimeType(Entity entity) {
		String type = entity.getMimeType();
		return type == null ? "text/plain" : type.toLowerCase(Locale.ROOT);
	}

	private void collect(Entity entity, BodyParts parts) throws IOException {
		Body body = entity.getBody();
		if (body instanceof Multipart multipart) {
			if (multipart.getBodyParts().isEmpty()) {
				parts.plain.add(String.join("\n", multipart.getPreamble(), multipart.getEpilogue()));
				return;
			}
			boolean alternative = "multipart/alternative".equals(mimeType(entity));
			for (Entity part : multipart.getBodyParts()) {
				if (alternative && hasPlainSibling(multipart) && "text/html".equals(mimeType(part))) {
					continue;
				}
				collect(part, parts);
			}
			return;
		}
		if (body instanceof Message embedded && entity.getParent() != null) {
			String name = SafeFileName.of(fileName(entity).orElse(null), "message/rfc822");
			parts.attachments.add(new Attachment(name, "message/rfc822", MessageBytes.of(embedded)));
			return;
		}
		if (body instanceof SingleBody single) {
			collectSingle(entity, single, parts);
		}
	}

	private static boolean hasPlainSibling(Multipart multipart) {
		return multipart.getBodyParts().stream().anyMatch((p) -> "text/plain".equals(mimeType(p)));
	}

	private void collectSingle(Entity entity, SingleBody body, BodyParts parts) throws IOException {
		byte[] bytes = TransferDecoder.decode(entity.getContentTransferEncoding(), readAll(body));
		String type = mimeType(entity);
		Optional<String> fileName = fileName(entity);
		boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType())
				|| (fileName.isPresent() && !type.startsWith("text/"))
				|| (!type.startsWith("text/plain") && !type.startsWith("text/html"));
		if (attachment && (entity.getParent() != null || !type.startsWith("text/"))) {
			parts.attachments.add(new Attachment(SafeFileName.of(fileName.orElse(null), type), type, bytes));
		}
		else if ("text/html".equals(type)) {
			parts.html.add(TextDecoder.decode(bytes, entity.getCharset()));
		}
		else {
			parts.plain.add(TextDecoder.decode(bytes, entity.getCharset()));
		}
	}

	private static Optional<String> fileName(Entity entity) {
		for (String header : List.of("Content-Disposition", "Content-Type")) {
			Field field = entity.getHeader() == null ? null : entity.getHeader().getField(header);
			if (field == null) {
				continue;
			}
			var params = RawFieldParser.DEFAULT.parseRawBody(new RawField(header, rawValue(field))).getParams();
			Optional<String> name = ParameterDecoder.value(params, header.equals("Content-Type") ? "name" : "filename");
			if (name.isPresent() && !name.get().isBlank()) {
				return name;
			}
		}
		return Optional.empty();
	}

	private static byte[] readAll(SingleBody body) throws IOException {
		try (InputStream in = body.getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static final class BodyParts {

		private final List<String> plain = new ArrayList<>();

		private final List<String> html = new ArrayList<>();

		private final List<Attachment> attachments = new ArrayList<>();

	}

}
