package nl.klachten.mailbox;

import java.util.Properties;

import jakarta.mail.Session;

/**
 * Jakarta Mail sessions from typed settings: credentials are never in a URL,
 * {@code mail.debug} is off (it would print mail), TLS checks the certificate and the
 * host name (against the configured trust store's socket factory, or the JVM's), and IMAP
 * reads with {@code BODY.PEEK} so nothing is marked {@code \Seen} by reading (STACK.md
 * pitfall 5). Every socket has {@code TCP_NODELAY} ({@link NoDelaySockets}).
 */
final class MailSessions {

	private MailSessions() {
	}

	static String imapProtocol(MailboxSettings.Server server) {
		return server.security() == MailboxSettings.Security.tls ? "imaps" : "imap";
	}

	static String smtpProtocol(MailboxSettings.Server server) {
		return server.security() == MailboxSettings.Security.tls ? "smtps" : "smtp";
	}

	static Session imap(MailboxSettings.Server server, int readTimeoutMillis) {
		String p = "mail." + imapProtocol(server) + ".";
		Properties props = common(p, server, readTimeoutMillis);
		props.put(p + "peek", "true");
		props.put(p + "partialfetch", "true");
		props.put(p + "fetchsize", "1048576");
		return Session.getInstance(props);
	}

	static Session smtp(MailboxSettings.Server server, String envelopeSender) {
		String p = "mail." + smtpProtocol(server) + ".";
		Properties props = common(p, server, 60_000);
		props.put(p + "from", envelopeSender);
		// one refused recipient must not keep the mail from the others: the valid ones
		// get it, and
		// the refusal of each other one comes back with its own reply (issue 13)
		props.put(p + "sendpartial", "true");
		props.put(p + "auth",
				String.valueOf(server.oauth2() || server.username() != null && !server.username().isBlank()));
		return Session.getInstance(props);
	}

	private static Properties common(String p, MailboxSettings.Server server, int readTimeoutMillis) {
		Properties props = new Properties();
		props.put("mail.debug", "false");
		props.put(p + "host", server.host());
		props.put(p + "port", String.valueOf(server.port()));
		props.put(p + "connectiontimeout", "10000");
		props.put(p + "timeout", String.valueOf(readTimeoutMillis));
		props.put(p + "writetimeout", "60000");
		if (server.oauth2()) {
			// the access token goes where the password would; XOAUTH2 is the only
			// mechanism tried
			props.put(p + "auth.mechanisms", "XOAUTH2");
			props.put(p + "auth.xoauth2.disable", "false");
		}
		if (server.security() == MailboxSettings.Security.starttls) {
			props.put(p + "starttls.enable", "true");
			props.put(p + "starttls.required", "true");
		}
		props.put(p + "socketFactory", NoDelaySockets.plain());
		if (server.security() != MailboxSettings.Security.none) {
			props.put(p + "ssl.checkserveridentity", "true");
			props.put(p + "ssl.socketFactory", NoDelaySockets.tls(server.socketFactory()));
		}
		return props;
	}

}
