package nl.klachten.mailbox;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;

/**
 * A failure to reach or use a mail server, told in one line for the operator: what went
 * wrong, where (the server and the configuration key), and how to fix it (CONTRACT §3).
 * The same line is printed by {@code check}, by a start-up that fails, and logged once
 * when the running processor loses its server. It is built from the exception's type and
 * the configured server only, never from the exception's message (which may quote a
 * server's answer) nor from mail.
 */
public final class MailProblem {

	/**
	 * IMAP (the inbox read) or SMTP (where mail is sent), with the configuration keys of
	 * each.
	 */
	public enum Service {

		IMAP("complaints.mailbox.imap"), SMTP("complaints.mailbox.smtp");

		private final String keys;

		Service(String keys) {
			this.keys = keys;
		}

		public String keys() {
			return this.keys;
		}

	}

	private MailProblem() {
	}

	/**
	 * The line for a failure talking to this server. Jakarta Mail refuses an IMAP login
	 * without a username or password before it connects, with the same exception as a
	 * refused login: that is told as the missing setting.
	 */
	public static String describe(Throwable failure, Service service, MailboxSettings.Server server) {
		OAuth2Exception oauth2 = find(failure, OAuth2Exception.class);
		if (oauth2 != null) {
			return oauth2.getMessage();
		}
		if (find(failure, AuthenticationFailedException.class) != null && server.oauth2()) {
			String k = service.keys();
			return service + " login refused by " + server.host() + ":" + server.port()
					+ " for the OAuth2 token: check " + k
					+ ".username (the mailbox the token is for) and complaints.mailbox.oauth2.scope";
		}
		if (find(failure, AuthenticationFailedException.class) != null
				&& (blank(server.username()) || server.password() == null)) {
			String k = service.keys();
			return service + " login to " + server.host() + " needs " + k + ".username and " + k + ".password: set them"
					+ " (the password in the environment, " + k.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
					+ "_PASSWORD)";
		}
		return describe(failure, service, server.host(), server.port() == null ? 0 : server.port(), server.folder());
	}

	static String describe(Throwable failure, Service service, String host, int port, String folder) {
		String where = service + " server " + host + ":" + port;
		String k = service.keys();
		if (find(failure, AuthenticationFailedException.class) != null) {
			return service + " login refused by " + host + ":" + port + ": check " + k + ".username and " + k
					+ ".password";
		}
		return network(failure, service, host, where).or(() -> tls(failure, where, k))
			.or(() -> folder(failure, service, host + ":" + port, folder))
			.orElse(where + " failed (" + root(failure).getClass().getSimpleName() + "): check " + k
					+ ".* and that the server runs");
	}

	private static Optional<String> network(Throwable failure, Service service, String host, String where) {
		String k = service.keys();
		if (find(failure, UnknownHostException.class) != null) {
			return Optional
				.of(service + " host " + host + " is unknown: check " + k + ".host (a name this machine can resolve)");
		}
		if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
			return Optional.of(where + " refused the connection: check " + k + ".host and " + k
					+ ".port, and that the server runs");
		}
		if (find(failure, SocketTimeoutException.class) != null) {
			return Optional
				.of(where + " did not answer in time: check " + k + ".host, " + k + ".port and the firewall");
		}
		return Optional.empty();
	}

	private static Optional<String> tls(Throwable failure, String where, String k) {
		if (untrusted(failure)) {
			return Optional.of(where + " has a certificate this machine does not trust: give its CA in"
					+ " complaints.mailbox.trust-store (or the JVM trust store), or check " + k + ".host");
		}
		if (find(failure, SSLException.class) != null) {
			return Optional.of(where + " did not speak TLS as expected: check " + k
					+ ".security (none, starttls or tls) and " + k + ".port");
		}
		return Optional.empty();
	}

	private static Optional<String> folder(Throwable failure, Service service, String hostPort, String folder) {
		if (find(failure, FolderNotFoundException.class) != null) {
			return Optional.of(service + " folder " + folder + " does not exist on " + hostPort + ": check "
					+ service.keys() + ".folder");
		}
		return Optional.empty();
	}

	/**
	 * True for a problem that waiting does not cure: a refused login, an unknown host, an
	 * untrusted certificate, a missing folder. Start-up stops on one; a server that is
	 * merely down or slow is retried with backoff.
	 */
	public static boolean permanent(Throwable failure) {
		OAuth2Exception oauth2 = find(failure, OAuth2Exception.class);
		if (oauth2 != null) {
			return oauth2.permanent();
		}
		return find(failure, AuthenticationFailedException.class) != null
				|| find(failure, UnknownHostException.class) != null || untrusted(failure)
				|| find(failure, FolderNotFoundException.class) != null;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * An {@code SSLHandshakeException} caused by the certificate path, as the JDK throws
	 * it for an unknown CA.
	 */
	private static boolean untrusted(Throwable failure) {
		return find(failure, CertPathBuilderException.class) != null
				|| find(failure, CertPathValidatorException.class) != null
				|| find(failure, CertificateException.class) != null;
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = next(t)) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	/**
	 * Jakarta Mail keeps the cause of a MessagingException also as its "next exception".
	 */
	private static Throwable next(Throwable t) {
		if (t.getCause() != null && t.getCause() != t) {
			return t.getCause();
		}
		if (t instanceof jakarta.mail.MessagingException mail && mail.getNextException() != t) {
			return mail.getNextException();
		}
		return null;
	}

	private static Throwable root(Throwable failure) {
		Throwable root = failure;
		for (Throwable t = failure; t != null; t = next(t)) {
			root = t;
		}
		return root;
	}

}
