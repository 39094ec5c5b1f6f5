package nl.klachten.outbound;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import jakarta.mail.MessagingException;
import nl.klachten.committee.MessageId;
import nl.klachten.mailbox.MailboxSettings;
import nl.klachten.committee.Language;

import org.springframework.stereotype.Component;

/**
 * Renders a {@link Letter} from {@code templates/<purpose>/subject.ftl}, {@code body.ftl}
 * (text) and {@code body.ftlh} (HTML, auto-escaped) into a multipart/alternative mail
 * with the headers of CONTRACT §4: the reference in subject and
 * {@code X-Complaint-Reference}, an unguessable Message-ID under the sender's domain, RFC
 * 3834 {@code Auto-Submitted}, and {@code X-Auto-Response-Suppress}. The text part is
 * wrapped at 76 columns after rendering ({@link PlainText}), so templates hold each
 * paragraph on one line and values never break it. The model's {@value #LANGUAGE} picks
 * English templates ({@code body_en.ftl}) where there are some. Writing the MIME
 * structure and headers is {@link MimeLetter}'s.
 */
@Component
public class MailComposer {

	/**
	 * The model key with the letter's language ({@code nl}, {@code en}); Dutch when
	 * absent.
	 */
	public static final String LANGUAGE = "language";

	private final Configuration templates;

	private final MailboxSettings mailbox;

	private final MimeLetter mime;

	MailComposer(Configuration mailTemplates, MailboxSettings mailbox, Clock clock) {
		this.templates = mailTemplates;
		this.mailbox = mailbox;
		this.mime = new MimeLetter(mailbox, clock);
	}

	public ComposedMail compose(Letter letter) {
		Map<String, Object> model = model(letter);
		Locale locale = locale(model);
		String subject = HeaderText.require("Subject", subject(letter, model, locale));
		String text = PlainText.wrap(render(letter.purpose() + "/body.ftl", model, locale));
		String html = render(letter.purpose() + "/body.ftlh", model, locale);
		MessageId messageId = new MessageId(UUID.randomUUID() + "@" + domain());
		try {
			byte[] raw = this.mime.write(letter, messageId, subject, text, html);
			return new ComposedMail(letter.purpose(), messageId, this.mailbox.address(), letter.to(), subject, text,
					raw);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Cannot compose mail " + letter.purpose(), ex);
		}
	}

	/**
	 * The plain text of the letter, as {@link #compose} puts it in the mail, without
	 * composing the mail: {@code digest --dry-run} prints it (over a large register the
	 * HTML part and the MIME writing were a third of its time).
	 */
	public String text(Letter letter) {
		Map<String, Object> model = model(letter);
		return PlainText.wrap(render(letter.purpose() + "/body.ftl", model, locale(model)));
	}

	private static Map<String, Object> model(Letter letter) {
		Map<String, Object> model = new HashMap<>(letter.model());
		model.put("reference",
				letter.reference() == null ? "" : HeaderText.require("X-Complaint-Reference", letter.reference()));
		return model;
	}

	private static Locale locale(Map<String, Object> model) {
		return Language.parse(String.valueOf(model.get(LANGUAGE))).orElse(Language.NL).locale();
	}

	/**
	 * The rendered subject with the reference, runs of spaces and tabs made one space. A
	 * line break or other control character inside is left for {@link HeaderText#require}
	 * to refuse: mail text is cleaned where it is put into the model, so one here means a
	 * value that was not.
	 */
	private String subject(Letter letter, Map<String, Object> model, Locale locale) {
		String subject = render(letter.purpose() + "/subject.ftl", model, locale).strip().replaceAll("[ \t]+", " ");
		if (letter.reference() != null && !subject.contains("[" + letter.reference() + "]")) {
			subject = subject + " [" + letter.reference() + "]";
		}
		return subject;
	}

	/**
	 * FreeMarker's localized lookup picks the language: for English {@code body_en.ftl}
	 * (and {@code layout_en.ftl} for its import) when there is one, else the Dutch
	 * {@code body.ftl}.
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

}
