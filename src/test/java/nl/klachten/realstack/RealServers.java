package nl.klachten.realstack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Dovecot and Postfix of {@code scripts/realstack}, as the real-server tests see
 * them: ports, users and the self-signed certificate from system properties (the
 * {@code real-servers} Maven profile sets them; the defaults are the script's), plus
 * plain loopback helpers to send mail into Postfix and read a user's folders from
 * Dovecot.
 */
public final class RealServers {

	public static final String HOST = System.getProperty("realstack.host", "127.0.0.1");

	public static final int IMAP = Integer.getInteger("realstack.imap.port", 1143);

	public static final int IMAPS = Integer.getInteger("realstack.imaps.port", 1993);

	public static final int SMTP = Integer.getInteger("realstack.smtp.port", 2525);

	public static final int SMTPS = Integer.getInteger("realstack.smtps.port", 2465);

	public static final Path CERTIFICATE = Path
		.of(System.getProperty("realstack.certificate", "/tmp/complaints-realstack/tls/cert.pem"));

	public static final String CHAIR = "NCJansen@klikklaar.com";

	public static final String TRUST_PASSWORD = "realstack-test";

	private static final AtomicBoolean told = new AtomicBoolean();

	private RealServers() {
	}

	/** Skips the calling test class, in one line, when the servers are not running. */
	public static void assumeRunning() {
		boolean up = listening(IMAP) && listening(SMTP) && Files.isReadable(CERTIFICATE);
		String why = "Dovecot/Postfix not reachable on " + HOST + ":" + IMAP + "/" + SMTP + " (or no " + CERTIFICATE
				+ "): start them with scripts/realstack start; real-server tests skipped";
		if (!up && told.compareAndSet(false, true)) {
			// a class skipped in @BeforeAll shows no reason in the build output: say it
			// once
			System.err.println(why);
		}
		assumeTrue(up, why);
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A PKCS12 trust store holding only the servers' self-signed certificate. */
	public static Path trustStore() {
		try (InputStream in = Files.newInputStream(CERTIFICATE)) {
			Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry("realstack", certificate);
			Path file = Files.createTempFile("realstack-trust-", ".p12");
			try (OutputStream out = Files.newOutputStream(file)) {
				store.store(out, TRUST_PASSWORD.toCharArray());
			}
			return file;
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("cannot make a trust store from " + CERTIFICATE, ex);
		}
	}

	/** The password scripts/realstack gave this user. */
	public static String password(String address) {
		String user = address.toLowerCase(Locale.ROOT);
		if (user.startsWith("klager")) {
			return "klager";
		}
		return switch (user) {
			case "ncjansen@klikklaar.com" -> "chair";
			case "kenny@klikklaar.com" -> "member";
			case "directie@klikklaar.com" -> "directie";
			case "beroepscommissie@klikklaar.com" -> "beroep";
			case "medewerker@klikklaar.com" -> "medewerker";
			case "crashtest@klikklaar.com", "tenant1@klikklaar.com", "tenant2@klikklaar.com", "tenant3@klikklaar.com" ->
				"crash";
			default -> throw new IllegalArgumentException("no such realstack user: " + address);
		};
	}

	/**
	 * Hands a raw mail to Postfix over plain loopback SMTP, as an outside sender would,
	 * bytes unchanged.
	 */
	public static void send(String from, String to, String raw) {
		Properties props = new Properties();
		props.put("mail.smtp.host", HOST);
		props.put("mail.smtp.port", String.valueOf(SMTP));
		props.put("mail.smtp.from", from);
		Session session = Session.getInstance(props);
		try {
			MimeMessage message = new MimeMessage(session,
					new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
			// sendMessage, not Transport.send: that would save changes and so replace the
			// Message-ID
			try (Transport transport = session.getTransport("smtp")) {
				transport.connect();
				transport.sendMessage(message, new Address[] { new InternetAddress(to) });
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Postfix did not take the mail", ex);
		}
	}

	/**
	 * Copies of the messages in one folder of a user's mailbox (none when the folder does
	 * not exist).
	 */
	public static List<MimeMessage> folder(String address, String name) {
		try (Store store = store(address)) {
			Folder folder = store.getFolder(name);
			if (!folder.exists()) {
				return List.of();
			}
			folder.open(Folder.READ_ONLY);
			List<MimeMessage> copies = new ArrayList<>();
			for (Message message : folder.getMessages()) {
				ByteArrayOutputStream raw = new ByteArrayOutputStream();
				message.writeTo(raw);
				copies.add(new MimeMessage(null, new ByteArrayInputStream(raw.toByteArray())));
			}
			folder.close(false);
			return copies;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("cannot read " + name + " of " + address, ex);
		}
	}

	/**
	 * How many messages one folder of a user's mailbox holds (0 when it does not exist),
	 * fetching none.
	 */
	public static int count(String address, String name) {
		try (Store store = store(address)) {
			Folder folder = store.getFolder(name);
			return folder.exists() ? folder.getMessageCount() : 0;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot count " + name + " of " + address, ex);
		}
	}

	/** Empties these folders of a user's mailbox, so a test class starts from nothing. */
	public static void empty(String address, String... folders) {
		try (Store store = store(address)) {
			for (String name : folders) {
				Folder folder = store.getFolder(name);
				if (folder.exists()) {
					folder.open(Folder.READ_WRITE);
					for (Message message : folder.getMessages()) {
						message.setFlag(Flags.Flag.DELETED, true);
					}
					folder.close(true);
				}
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot empty the mailbox of " + address, ex);
		}
	}

	private static Store store(String address) throws MessagingException {
		Properties props = new Properties();
		props.put("mail.imap.peek", "true");
		Store store = Session.getInstance(props).getStore("imap");
		store.connect(HOST, IMAP, address, password(address));
		return store;
	}

}
