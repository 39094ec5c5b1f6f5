package nl.klachten;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test fixtures for the end-to-end tests: a GreenMail server with the chair's account,
 * the properties that point the processor at it, complaint mails as raw bytes, and
 * mailbox look-ups.
 */
public final class MailFixtures {

	/*
	 * Awaitility by default fails a wait on any uncaught exception in any thread.
	 * GreenMail's own IMAP handler threads throw now and then when an IDLE connection
	 * sees a concurrent expunge ("Need to do this properly..." in
	 * ImapSessionFolder.getExpunged, seen in verify runs), which says nothing about the
	 * processor: the tests judge the processor by what it did (mail, rows), and an
	 * exception on one of its own threads shows there as a missing outcome.
	 */
	static {
		org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
	}

	public static final String CHAIR = "NCJansen@klikklaar.com";

	public static final String PROCESSED = "Klachten.Verwerkt";

	public static final String QUARANTINE = "Klachten.Quarantaine";

	/**
	 * Where mail for the chair waits when the chair reads the intake mailbox (CONTRACT
	 * §4).
	 */
	public static final String NOTICES = "Klachten.Meldingen";

	private static final Session SESSION = Session.getInstance(new Properties());

	private MailFixtures() {
	}

	public static GreenMailExtension greenMail() {
		return new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
			.withConfiguration(GreenMailConfiguration.aConfig().withUser(CHAIR, CHAIR, "chair"))
			.withPerMethodLifecycle(false);
	}

	/** A fresh register directory for one test class. */
	public static Path registerDirectory() {
		try {
			return Files.createTempDirectory("register-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void properties(DynamicPropertyRegistry registry, GreenMailExtension greenMail, Path register) {
		properties(registry, greenMail, () -> register);
	}

	/**
	 * The processor pointed at this GreenMail as an external mailbox, with the register
	 * in that directory.
	 */
	public static void properties(DynamicPropertyRegistry registry, GreenMailExtension greenMail,
			java.util.function.Supplier<Path> register) {
		registry.add("complaints.mailbox.imap.host", () -> "127.0.0.1");
		registry.add("complaints.mailbox.imap.port", () -> greenMail.getImap().getPort());
		registry.add("complaints.mailbox.imap.username", () -> CHAIR);
		registry.add("complaints.mailbox.imap.password", () -> "chair");
		registry.add("complaints.mailbox.smtp.host", () -> "127.0.0.1");
		// GreenMail is plain; a loopback host may go without TLS (CONTRACT §3)
		registry.add("complaints.mailbox.imap.security", () -> "none");
		registry.add("complaints.mailbox.smtp.security", () -> "none");
		registry.add("complaints.mailbox.smtp.port", () -> greenMail.getSmtp().getPort());
		registry.add("complaints.register.path", () -> register.get().resolve("register.db").toString());
		registry.add("complaints.intake.poll-interval", () -> "500ms");
	}

	public static String uniqueSender() {
		return "klager-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	public static String newMessageId() {
		return UUID.randomUUID() + "@mail.example.org";
	}

	/**
	 * A plain complaint mail; extra headers (already "Name: value\r\n" formatted) go
	 * before the body.
	 */
	public static String aComplaint(String from, String subject, String body, String messageId, String extraHeaders) {
		return "From: Klager <" + from + ">\r\n" + "To: " + CHAIR + "\r\n" + "Subject: " + subject + "\r\n"
				+ "Date: Mon, 1 Jan 2024 10:00:00 +0100\r\n"
				+ (messageId == null ? "" : "Message-ID: <" + messageId + ">\r\n") + "MIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n" + "Content-Transfer-Encoding: 8bit\r\n"
				+ (extraHeaders == null ? "" : extraHeaders) + "\r\n" + body.replace("\n", "\r\n") + "\r\n";
	}

	/**
	 * Any single-part mail; {@code contentType} e.g. "text/html; charset=UTF-8"; extra
	 * headers as in aComplaint.
	 */
	public static String aMail(String from, String subject, String body, String messageId, String extraHeaders,
			String contentType) {
		return "From: Afzender <" + from + ">\r\n" + "To: " + CHAIR + "\r\n" + "Subject: " + subject + "\r\n"
				+ "Date: Mon, 5 Jan 2026 10:00:00 +0100\r\n"
				+ (messageId == null ? "" : "Message-ID: <" + messageId + ">\r\n") + "MIME-Version: 1.0\r\n"
				+ "Content-Type: " + contentType + "\r\n" + "Content-Transfer-Encoding: 8bit\r\n"
				+ (extraHeaders == null ? "" : extraHeaders) + "\r\n" + body.replace("\r\n", "\n").replace("\n", "\r\n")
				+ "\r\n";
	}

	/**
	 * The same with trace headers on top, as the receiving servers add them (one or more
	 * "Name: value" lines).
	 */
	public static String aMail(String from, String subject, String body, String messageId, String extraHeaders,
			String contentType, String topHeaders) {
		return topHeaders.strip() + "\r\n" + aMail(from, subject, body, messageId, extraHeaders, contentType);
	}

	/**
	 * A mail's subject and every decoded text part, for "does this mail mention X"
	 * checks.
	 */
	public static String allText(MimeMessage message) {
		try {
			StringBuilder text = new StringBuilder(String.valueOf(message.getSubject())).append('\n');
			appendText(message.getContent(), message.isMimeType("text/*"), text);
			return text.toString();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The same for raw bytes, e.g. an outbox row. */
	public static String allText(byte[] raw) {
		try {
			return allText(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void appendText(Object content, boolean isText, StringBuilder text)
			throws MessagingException, IOException {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				appendText(part.getContent(), part.isMimeType("text/*"), text);
			}
		}
		else if (isText) {
			text.append(content).append('\n');
		}
	}

	/** The attachments (parts with a file name) of a mail, by file name. */
	public static java.util.Map<String, byte[]> attachments(MimeMessage message) {
		java.util.Map<String, byte[]> found = new java.util.LinkedHashMap<>();
		try {
			if (message.getContent() instanceof Multipart multipart) {
				collectAttachments(multipart, found);
			}
			return found;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collectAttachments(Multipart multipart, java.util.Map<String, byte[]> found)
			throws MessagingException, IOException {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				collectAttachments(nested, found);
			}
			else if (part.getFileName() != null) {
				found.put(part.getFileName(), part.getInputStream().readAllBytes());
			}
		}
	}

	public static String aComplaint(String from, String subject, String body, String messageId) {
		return aComplaint(from, subject, body, messageId, null);
	}

	/**
	 * Puts raw bytes into the chair's inbox as the mail server would, with its receive
	 * time now.
	 */
	public static void deliver(GreenMailOperations greenMail, byte[] raw) {
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			GreenMailUser chair = greenMail.getUserManager().getUserByEmail(CHAIR);
			chair.deliver(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void deliver(GreenMailOperations greenMail, String raw) {
		deliver(greenMail, raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The mails in one of the chair's folders ({@code INBOX}, {@link #PROCESSED},
	 * {@link #QUARANTINE}, {@link #NOTICES}).
	 */
	public static List<MimeMessage> chairFolder(GreenMailOperations greenMail, String folder) {
		GreenMailUser chair = greenMail.getUserManager().getUserByEmail(CHAIR);
		MailFolder mailFolder = greenMail.getManagers().getImapHostManager().getFolder(chair, folder);
		if (mailFolder == null) {
			return List.of();
		}
		return messagesOf(mailFolder);
	}

	/**
	 * A copy of the messages in a GreenMail folder, none when there is no folder. The
	 * folder's list is the server's own, which the processor changes while a test reads
	 * it (an APPEND, a move): a read that meets a change is read again.
	 */
	public static List<MimeMessage> messagesOf(MailFolder folder) {
		if (folder == null) {
			return List.of();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return folder.getMessages().stream().map(StoredMessage::getMimeMessage).toList();
			}
			catch (java.util.ConcurrentModificationException ex) {
				if (attempt == 10) {
					throw ex;
				}
				Thread.onSpinWait();
			}
		}
	}

	/** The mails in the inbox of another (auto-created) GreenMail user. */
	public static List<MimeMessage> inboxOf(GreenMailOperations greenMail, String address) {
		List<MimeMessage> found = new ArrayList<>();
		String domain = address.substring(address.indexOf('@') + 1);
		for (MimeMessage message : greenMail.getReceivedMessagesForDomain(domain)) {
			try {
				for (jakarta.mail.Address to : message.getAllRecipients()) {
					if (to.toString().toLowerCase().contains(address.toLowerCase())) {
						found.add(message);
						break;
					}
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	public static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name, ",");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The body part of a multipart/alternative mail with this content type, as text. */
	public static String part(MimeMessage message, String type) {
		try {
			Object content = message.getContent();
			if (content instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart part = multipart.getBodyPart(i);
					if (part.isMimeType(type)) {
						return part.getContent().toString();
					}
				}
				return null;
			}
			return message.isMimeType(type) ? content.toString() : null;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] bytes(MimeMessage message) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * In-Reply-To and References headers naming one Message-ID (without angle brackets),
	 * for aMail's extra headers.
	 */
	public static String replyHeaders(String messageId) {
		return "In-Reply-To: <" + messageId + ">\r\nReferences: <" + messageId + ">\r\n";
	}

	/**
	 * Hands one raw mail straight to the intake, as the IMAP reader would, received now
	 * (by the intake's clock).
	 */
	public static void feed(nl.klachten.intake.Intake intake, long uid, String raw) {
		byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
		intake.take(new nl.klachten.mailbox.MailBatch(
				List.of(new nl.klachten.mailbox.FetchedMail(uid, null, bytes.length, bytes, null))));
	}

	/** Parses raw bytes (e.g. an outbox row) into a message, for header checks. */
	public static MimeMessage message(byte[] raw) {
		try {
			return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every mail in the chair's notices folder (where the processor places mail for the
	 * chair) and INBOX, processed and quarantine folders (mail sent to the chair by SMTP
	 * is read back and filed).
	 */
	public static List<MimeMessage> chairMails(GreenMailOperations greenMail) {
		List<MimeMessage> all = new ArrayList<>(chairFolder(greenMail, NOTICES));
		all.addAll(chairFolder(greenMail, "INBOX"));
		all.addAll(chairFolder(greenMail, PROCESSED));
		all.addAll(chairFolder(greenMail, QUARANTINE));
		return all;
	}

	/**
	 * The flags of the mails in one of the chair's folders, by Message-ID (with angle
	 * brackets).
	 */
	public static java.util.Map<String, jakarta.mail.Flags> chairFlags(GreenMailOperations greenMail, String folder) {
		GreenMailUser chair = greenMail.getUserManager().getUserByEmail(CHAIR);
		MailFolder mailFolder = greenMail.getManagers().getImapHostManager().getFolder(chair, folder);
		java.util.Map<String, jakarta.mail.Flags> flags = new java.util.LinkedHashMap<>();
		if (mailFolder != null) {
			for (StoredMessage message : mailFolder.getMessages()) {
				flags.put(header(message.getMimeMessage(), "Message-ID"), message.getFlags());
			}
		}
		return flags;
	}

	/**
	 * An {@code Authentication-Results} header line (for aMail's extra headers) saying
	 * dkim=pass for a domain.
	 */
	public static String dkimPass(String authservId, String domain) {
		return "Authentication-Results: " + authservId + "; dkim=pass header.d=" + domain + "\r\n";
	}

	/** The text of every page of a PDF, as openpdf extracts it. */
	public static String pdfText(byte[] pdf) {
		try {
			com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
			try {
				com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(
						reader);
				StringBuilder text = new StringBuilder();
				for (int page = 1; page <= reader.getNumberOfPages(); page++) {
					text.append(extractor.getTextFromPage(page)).append('\n');
				}
				return text.toString();
			}
			finally {
				reader.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
