package nl.klachten.mailbox;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates the mail servers are checked against when
 * {@code complaints.mailbox.trust-store} is set: a PKCS12 or JKS file. Verification is
 * never switched off; without the key the JVM's trust store applies.
 */
public final class TrustStore {

	private TrustStore() {
	}

	/**
	 * A socket factory trusting exactly this file's certificates, or null when no file is
	 * configured.
	 */
	public static SSLSocketFactory socketFactory(MailboxSettings settings) {
		String path = settings.trustStore();
		if (path == null || path.isBlank()) {
			return null;
		}
		char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
		try {
			KeyStore store = KeyStore.getInstance(new File(path), password);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context.getSocketFactory();
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			throw new MailboxSettingsException(
					"complaints.mailbox.trust-store=" + path + " cannot be read (" + reason(ex)
							+ "): give a readable PKCS12 or JKS file and its complaints.mailbox.trust-store-password",
					ex);
		}
	}

	private static String reason(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.replaceAll("\\s+", " ");
	}

}
