package nl.klachten.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import nl.klachten.mailbox.MailboxSettings;
import nl.klachten.committee.EmailAddress;
import nl.klachten.committee.Language;
import nl.klachten.committee.MessageId;

import org.springframework.stereotype.Component;

/**
 * Renders a {@link Letter} from {@code templates/<purpose>/subject.ftl}, {@code body.ftl} (text)
 * and {@code body.ftlh} (HTML, auto-escaped) into a multipart/alternative mail with the headers of
 * CONTRACT §4: the reference in subject and {@code X-Complaint-Reference}, an unguessable
 * Message-ID under the sender's domain, RFC 3834 {@code Auto-Submitted}, and
 * {@code X-Auto-Response-Suppress}. The text part is wrapped at 76 columns after rendering
 * ({@link PlainText}), so templates hold each paragraph on one line and values never break it.
 * The model's {@value #LANGUAGE} picks English templates ({@code body_en.ftl}) where there are some.
 */
@Component
public class MailComposer {

	/** The model key with the letter's language ({@code nl}, {@code en}); Dutch when absent. */
	public static final String LANGUAGE = "language";

	private final Configuration templates;

	private final MailboxSettings mailbox;

	private final Clock clock;

	private final Session session = Session.getInstance(new Properties());

	MailComposer(Configuration mailTemplates, MailboxSettings mailbox, Clock clock) {
		this.templates = mailTemplates;
		this.mailbox = mailbox;
		this.clock = clock;
	}

	public ComposedMail compose(Letter letter) {
		Map<String, Object> model = new HashMap<>(letter.model());
		model.put("reference", letter.reference() == null ? "" : HeaderText.require("X-Complaint-Reference", letter.reference()));
		Locale locale = Language.parse(String.valueOf(model.get(LANGUAGE))).orElse(Language.NL).locale();
		String subject = HeaderText.require("Subject", subject(letter, model, locale));
		String text = PlainText.wrap(render(letter.purpose() + "/body.ftl", model, locale));
		String html = render(letter.purpose() + "/body.ftlh", model, locale);
		String messageId = UUID.randomUUID() + "@" + domain();
		try {
			MimeMessage message = new FixedIdMessage(this.session, messageId);
			message.setFrom(new InternetAddress(HeaderText.require("From", this.mailbox.address()),
					HeaderText.require("From display name", this.mailbox.displayName()), "UTF-8"));
			message.setRecipients(jakarta.mail.Message.RecipientType.TO, recipients(letter.to()));
			message.setSubject(subject, "UTF-8");
			message.setSentDate(Date.from(this.clock.instant()));
			headers(message, letter);
			message.setContent(letter.attachments().isEmpty() ? alternative(text, html)
					: withAttachments(alternative(text, html), letter.attachments()));
			message.saveChanges();
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			message.writeTo(raw);
			return new ComposedMail(letter.purpose(), messageId, this.mailbox.address(), letter.to(), subject, text,
					raw.toByteArray());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Cannot compose mail " + letter.purpose(), ex);
		}
	}

	private void headers(MimeMessage message, Letter letter) throws MessagingException {
		if (letter.reference() != null) {
			set(message, "X-Complaint-Reference", letter.reference());
		}
		if (letter.inReplyTo() != null && MessageId.isValid(letter.inReplyTo())) {
			set(message, "In-Reply-To", "<" + letter.inReplyTo() + ">");
		}
		message.setHeader("Auto-Submitted", letter.answer() ? "auto-replied" : "auto-generated");
		List<String> references = letter.references().stream().filter(MessageId::isValid).toList();
		if (!references.isEmpty()) {
			set(message, "References", references.stream().map((id) -> "<" + id + ">").collect(Collectors.joining(" ")));
		}
		message.setHeader("X-Auto-Response-Suppress", "All");
	}

	private static void set(MimeMessage message, String header, String value) throws MessagingException {
		message.setHeader(header, HeaderText.require(header, value));
	}

	/**
	 * The rendered subject with the reference, runs of spaces and tabs made one space. A line break
	 * or other control character inside is left for {@link HeaderText#require} to refuse: mail text
	 * is cleaned where it is put into the model, so one here means a value that was not.
	 */
	private String subject(Letter letter, Map<String, Object> model, Locale locale) {
		String subject = render(letter.purpose() + "/subject.ftl", model, locale).strip().replaceAll("[ \t]+", " ");
		if (letter.reference() != null && !subject.contains("[" + letter.reference() + "]")) {
			subject = subject + " [" + letter.reference() + "]";
		}
		return subject;
	}

	/** One address each, read strictly: never a list parsed from a joined string (issue 9). */
	private static InternetAddress[] recipients(List<String> to) throws MessagingException {
		InternetAddress[] addresses = new InternetAddress[to.size()];
		for (int i = 0; i < addresses.length; i++) {
			HeaderText.require("To", to.get(i));
			if (!EmailAddress.isValid(to.get(i))) {
				throw new MessagingException("Recipient " + i + " is not a strict address");
			}
			addresses[i] = new InternetAddress(to.get(i), true);
		}
		return addresses;
	}

	private static MimeMultipart alternative(String text, String html) throws MessagingException {
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, "UTF-8", "plain");
		MimeBodyPart rich = new MimeBodyPart();
		rich.setText(html, "UTF-8", "html");
		alternative.addBodyPart(plain);
		alternative.addBodyPart(rich);
		return alternative;
	}

	private static MimeMultipart withAttachments(MimeMultipart alternative, List<Letter.File> files)
			throws MessagingException {
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		mixed.addBodyPart(body);
		for (Letter.File file : files) {
			MimeBodyPart part = new MimeBodyPart();
			part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
			part.setFileName(HeaderText.require("Content-Disposition filename", file.name()));
			part.setDisposition(Part.ATTACHMENT);
			mixed.addBodyPart(part);
		}
		return mixed;
	}

	/**
	 * FreeMarker's localized lookup picks the language: for English {@code body_en.ftl} (and
	 * {@code layout_en.ftl} for its import) when there is one, else the Dutch {@code body.ftl}.
	 */
	private String render(String name, Map<String, Object> model, Locale locale) {
		try {
			StringWriter out = new StringWriter();
			this.templates.getTemplate(name, locale).process(model, out);
			return out.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read template " + name, ex);
		}
		catch (TemplateException ex) {
			throw new IllegalStateException("Cannot render template " + name, ex);
		}
	}

	private String domain() {
		String address = this.mailbox.address();
		return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

	/** Keeps the Message-ID the outbox already recorded when headers are updated. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<" + this.messageId + ">");
		}

	}

}
