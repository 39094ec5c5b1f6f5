package nl.klachten.mailbox;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * One line for a connection that failed on the server's certificate: which server, what
 * is wrong with the certificate and how to make it trusted. Other failures are left to
 * their callers.
 */
public final class ConnectionProblem {

	private ConnectionProblem() {
	}

	/** The line, if this failure is a certificate the client did not trust. */
	public static Optional<String> certificate(Throwable failure, String protocol, MailboxSettings.Server server) {
		Throwable certificate = null;
		for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException
					|| t instanceof CertificateException || t instanceof CertPathValidatorException
					|| String.valueOf(t.getMessage()).contains("verify identity of server")) {
				certificate = t;
			}
		}
		if (certificate == null) {
			return Optional.empty();
		}
		String reason = certificate.getMessage() == null ? certificate.getClass().getSimpleName()
				: certificate.getMessage().replaceAll("\\s+", " ");
		return Optional.of(protocol + " " + server.host() + ":" + server.port()
				+ ": the server's certificate is not trusted (" + reason
				+ "): put it or its issuer in complaints.mailbox.trust-store (PKCS12) or in the JVM trust store");
	}

}
