package nl.klachten.cli;

/**
 * Names Jakarta Mail's stream provider once, for the whole process (issue 15). Without a
 * name, Jakarta Mail 2.1 looks it up with a {@link java.util.ServiceLoader} scan of every
 * jar on the class path each time it makes a multipart, a body part or a header block,
 * and each time it encodes or decodes one (jakartaee/mail-api issues 699 and 861): a
 * profile of the processor on Dovecot and Postfix found a third of the intake's time in
 * those scans, composing the acknowledgement and the chair's notification. With the
 * system property set the lookup is one class-by-name. The provider is the one the scan
 * finds, Angus Mail's; an operator's own {@code -D} is left alone.
 */
final class MailProviders {

	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

	private MailProviders() {
	}

	static void pin() {
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, ANGUS);
		}
	}

}
