package nl.klachten.bench;

import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;

/**
 * The mail servers a benchmark run talks to, as the benchmark sees them: where the
 * processor and the transport floor connect, who the complainants are and where their
 * acknowledgements are watched. {@link RealBenchServers} is the Dovecot and Postfix of
 * {@code scripts/realstack}, {@link GreenMailBenchServers} a GreenMail in this JVM. The
 * intake mailbox is one of the realstack users that no test reads, so that a benchmark
 * and the real-server tests can share the servers.
 */
interface MailServers extends AutoCloseable {

	/**
	 * The committee's address: the complaints' To header and the processor's own address.
	 */
	String COMMITTEE = "NCJansen@klikklaar.com";

	/** The mailbox the processor and the floor read (and log in to SMTP as). */
	String INTAKE = "beroepscommissie@klikklaar.com";

	String INTAKE_PASSWORD = "beroep";

	/** Where the floor files what it read (the processor files into its own folders). */
	String FLOOR_FOLDER = "Bench/Floor";

	/** The intake mailbox's folders a run empties first. */
	List<String> FOLDERS = List.of("INBOX", "Klachten/Verwerkt", "Klachten/Meldingen", "Klachten/Quarantaine",
			FLOOR_FOLDER);

	/** What the summary and the result file call these servers. */
	String name();

	String host();

	int smtpPort();

	int imapPort();

	/**
	 * True when the processor and the floor talk STARTTLS with SMTP AUTH, as in
	 * production.
	 */
	boolean tls();

	/** The processor's mailbox arguments. */
	List<String> processorArguments();

	/** The sender of complaint {@code i} of a phase: distinct for every complaint. */
	String complainant(String tag, int i);

	/**
	 * The chair's address the floor sends its notifications to (a mailbox nobody reads).
	 */
	String floorChair();

	/**
	 * The acknowledgements that arrived in the complainants' mailboxes, from the start of
	 * the run.
	 */
	Arrivals arrivals();

	/**
	 * Empties the intake mailbox and removes this benchmark's earlier mail from the
	 * shared mailboxes.
	 */
	void clean();

	@Override
	void close();

	/** An IMAP session like the processor's: STARTTLS when {@link #tls()}, BODY.PEEK. */
	default Session imapSession() {
		Properties props = common("imap");
		props.put("mail.imap.peek", "true");
		props.put("mail.imap.fetchsize", "1048576");
		return Session.getInstance(props);
	}

	/**
	 * An SMTP session; {@code authenticated}: STARTTLS and AUTH as the intake mailbox
	 * when {@link #tls()}.
	 */
	default Session smtpSession(boolean authenticated) {
		Properties props = common("smtp");
		props.put("mail.smtp.host", host());
		props.put("mail.smtp.port", String.valueOf(smtpPort()));
		if (!authenticated) {
			props.remove("mail.smtp.starttls.enable");
			props.remove("mail.smtp.starttls.required");
		}
		props.put("mail.smtp.auth", String.valueOf(authenticated && tls()));
		return Session.getInstance(props);
	}

	private Properties common(String protocol) {
		Properties props = new Properties();
		String p = "mail." + protocol + ".";
		props.put(p + "connectiontimeout", "10000");
		props.put(p + "timeout", "120000");
		if (tls()) {
			props.put(p + "starttls.enable", "true");
			props.put(p + "starttls.required", "true");
			// the servers' own self-signed certificate, on loopback
			props.put(p + "ssl.trust", host());
		}
		return props;
	}

}
