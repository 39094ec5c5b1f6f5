package nl.klachten.outbound;

import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import nl.klachten.committee.EmailAddress;
import nl.klachten.committee.MessageId;
import nl.klachten.mailbox.MailboxSettings;

/**
 * Writes a rendered {@link Letter} as the raw bytes of a multipart/alternative mail (with
 * a multipart/mixed around it for attachments) and the headers of CONTRACT §4. Every
 * header value passes {@link HeaderText#require}, and every recipient is read strictly,
 * one address each. The Message-ID is the one the outbox records, kept when headers are
 * updated.
 */
final class MimeLetter {

	private final MailboxSettings mailbox;

	private final Clock clock;

	private final Session session = Session.getInstance(new Properties());

	MimeLetter(MailboxSettings mailbox, Clock clock) {
		this.mailbox = mailbox;
		this.clock = clock;
	}

	/**
	 * The raw mail: the letter's envelope and threading, the rendered subject and both
	 * bodies.
	 */
	byte[] write(Letter letter, MessageId messageId, String subject, String text, String html)
			throws MessagingException, IOException {
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
		MailBytes raw = new MailBytes();
		message.writeTo(raw);
		return raw.toByteArray();
	}

	private static void headers(MimeMessage message, Letter letter) throws MessagingException {
		if (letter.reference() != null) {
			set(message, "X-Complaint-Reference", letter.reference());
		}
		if (letter.inReplyTo() != null && MessageId.isValid(letter.inReplyTo())) {
			set(message, "In-Reply-To", "<" + letter.inReplyTo() + ">");
		}
		message.setHeader("Auto-Submitted", letter.answer() ? "auto-replied" : "auto-generated");
		List<String> references = letter.references().stream().filter(MessageId::isValid).toList();
		if (!references.isEmpty()) {
			set(message, "References",
					references.stream().map((id) -> "<" + id + ">").collect(Collectors.joining(" ")));
		}
		message.setHeader("X-Auto-Response-Suppress", "All");
	}

	private static void set(MimeMessage message, String header, String value) throws MessagingException {
		message.setHeader(header, HeaderText.require(header, value));
	}

	/**
	 * One address each, read strictly: never a list parsed from a joined string (issue
	 * 9).
	 */
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
		MimeBodyPart plain = textPart(text, "plain");
		MimeBodyPart rich = textPart(html, "html");
		alternative.addBodyPart(plain);
		alternative.addBodyPart(rich);
		return alternative;
	}

	/**
	 * A UTF-8 text part with its transfer encoding set ({@link TransferEncoding}), so
	 * that Jakarta Mail does not write the text once more to choose it.
	 */
	private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(text, "UTF-8", subtype);
		part.setHeader("Content-Transfer-Encoding", TransferEncoding.of(text));
		return part;
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

	/** Keeps the Message-ID the outbox already recorded when headers are updated. */
	private static final class FixedIdMessage extends MimeMessage {

		private final MessageId messageId;

		FixedIdMessage(Session session, MessageId messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId.bracketed());
		}

	}

}
