package nl.klachten.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Raw bytes to {@link InboundMail}, with Mime4J in permissive mode and a silent decode
 * monitor (as James's {@code MessageParserImpl}): broken mail is the normal case, so the
 * parser reads what it can and never throws. Only a mail with nothing recognisable as a
 * header is {@link ParseResult.Unparseable}. The headers are read by
 * {@link MimeParserHeaders}, the parts by {@link MimeParserBody}.
 */
@Component
public class MimeParser {

	/**
	 * Shared with {@link LimitScan}, so the pre-scan tokenizes exactly as the parse does.
	 */
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
	 * Parses one mail. A mail over one of the {@link MailLimits} is
	 * {@link ParseResult.Unparseable} as {@code limit:<name>} before Mime4J builds
	 * anything. The bytes are read through {@link InterruptibleInput}, so a parse whose
	 * thread is interrupted (it ran out of time) stops at its next read instead of
	 * running on.
	 */
	public ParseResult parse(byte[] raw) {
		Optional<ParseResult.Unparseable> overLimit = overLimit(raw);
		if (overLimit.isPresent()) {
			return overLimit.get();
		}
		Message message = null;
		try {
			message = builder().parseMessage(new InterruptibleInput(new ByteArrayInputStream(raw)));
			MailHeaders headers = MimeParserHeaders.of(message);
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

	private Optional<ParseResult.Unparseable> overLimit(byte[] raw) {
		try {
			return LimitScan.exceeded(raw, this.limits).map((limit) -> new ParseResult.Unparseable("limit:" + limit));
		}
		catch (RuntimeException ex) {
			// the scan reads with the parser's own streams: what breaks it would break
			// the parse there
			return Optional.of(new ParseResult.Unparseable("mime-error:" + ex.getClass().getSimpleName()));
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
		MimeParserBody body = MimeParserBody.of(message);
		String subject = headers.first("Subject").orElse("");
		return new InboundMail(MimeParserHeaders.messageId(headers), MimeParserHeaders.references(headers),
				MimeParserHeaders.from(message), MimeParserHeaders.returnPath(headers),
				MimeParserHeaders.recipients(message), subject, MimeParserHeaders.sentAt(message, headers),
				MimeParserBody.mimeType(message), body.text(), body.htmlOnly(), body.attachments(), headers);
	}

}
