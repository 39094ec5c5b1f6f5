package nl.klachten.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * The body half of {@link MimeParser}: walks the parts of a mail into its readable text
 * (text/plain preferred, the HTML of an alternative with a plain sibling skipped, else
 * HTML turned into text) and its attachments (files, and embedded messages as
 * {@code message/rfc822}).
 */
final class MimeParserBody {

	private final List<String> plain = new ArrayList<>();

	private final List<String> html = new ArrayList<>();

	private final List<Attachment> attachments = new ArrayList<>();

	private MimeParserBody() {
	}

	static MimeParserBody of(Message message) throws IOException {
		MimeParserBody body = new MimeParserBody();
		body.collect(message);
		return body;
	}

	/** True when the text comes from HTML because there was no text/plain part. */
	boolean htmlOnly() {
		return this.plain.isEmpty() && !this.html.isEmpty();
	}

	/** The readable text, line endings as LF, stripped. */
	String text() {
		String text = htmlOnly() ? HtmlText.toText(String.join("\n", this.html)) : String.join("\n", this.plain);
		return text.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	List<Attachment> attachments() {
		return this.attachments;
	}

	static String mimeType(Entity entity) {
		String type = entity.getMimeType();
		return type == null ? "text/plain" : type.toLowerCase(Locale.ROOT);
	}

	private void collect(Entity entity) throws IOException {
		Body body = entity.getBody();
		if (body instanceof Multipart multipart) {
			if (multipart.getBodyParts().isEmpty()) {
				this.plain.add(String.join("\n", multipart.getPreamble(), multipart.getEpilogue()));
				return;
			}
			boolean alternative = "multipart/alternative".equals(mimeType(entity));
			for (Entity part : multipart.getBodyParts()) {
				if (alternative && hasPlainSibling(multipart) && "text/html".equals(mimeType(part))) {
					continue;
				}
				collect(part);
			}
			return;
		}
		if (body instanceof Message embedded && entity.getParent() != null) {
			String name = SafeFileName.of(fileName(entity).orElse(null), "message/rfc822");
			this.attachments.add(new Attachment(name, "message/rfc822", MessageBytes.of(embedded)));
			return;
		}
		if (body instanceof SingleBody single) {
			collectSingle(entity, single);
		}
	}

	private static boolean hasPlainSibling(Multipart multipart) {
		return multipart.getBodyParts().stream().anyMatch((p) -> "text/plain".equals(mimeType(p)));
	}

	private void collectSingle(Entity entity, SingleBody body) throws IOException {
		byte[] bytes = TransferDecoder.decode(entity.getContentTransferEncoding(), readAll(body));
		String type = mimeType(entity);
		Optional<String> fileName = fileName(entity);
		boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType())
				|| (fileName.isPresent() && !type.startsWith("text/"))
				|| (!type.startsWith("text/plain") && !type.startsWith("text/html"));
		if (attachment && (entity.getParent() != null || !type.startsWith("text/"))) {
			this.attachments.add(new Attachment(SafeFileName.of(fileName.orElse(null), type), type, bytes));
		}
		else if ("text/html".equals(type)) {
			this.html.add(TextDecoder.decode(bytes, entity.getCharset()));
		}
		else {
			this.plain.add(TextDecoder.decode(bytes, entity.getCharset()));
		}
	}

	private static Optional<String> fileName(Entity entity) {
		for (String header : List.of("Content-Disposition", "Content-Type")) {
			Field field = entity.getHeader() == null ? null : entity.getHeader().getField(header);
			if (field == null) {
				continue;
			}
			var params = RawFieldParser.DEFAULT.parseRawBody(new RawField(header, MimeParserHeaders.rawValue(field)))
				.getParams();
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

}
