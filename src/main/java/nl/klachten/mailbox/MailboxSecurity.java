package nl.klachten.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The transport-security rule of CONTRACT §3: with a configured host,
 * {@code security=none} (the password in clear text) is accepted only for a loopback host
 * (127.0.0.0/8, ::1, {@code localhost}) unless
 * {@code complaints.mailbox.allow-insecure=true}. Each problem is one line: what, where,
 * how to fix. Start-up and {@code scripts/complaints check} both use it.
 */
public final class MailboxSecurity {

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

	private MailboxSecurity() {
	}

	/**
	 * The problems with these settings' transport security, one line each; empty when all
	 * is well.
	 */
	public static List<String> problems(MailboxSettings settings) {
		List<String> problems = new ArrayList<>();
		if (settings.embedded() || settings.allowInsecure()) {
			return problems;
		}
		check("imap", settings.imap(), problems);
		if (settings.smtp().host() != null && !settings.smtp().host().isBlank()) {
			check("smtp", settings.smtp(), problems);
		}
		return problems;
	}

	/** Stops start-up with the first problem's line, if there is one. */
	public static void require(MailboxSettings settings) {
		List<String> problems = problems(settings);
		if (!problems.isEmpty()) {
			throw new MailboxSettingsException(problems.get(0));
		}
	}

	private static void check(String which, MailboxSettings.Server server, List<String> problems) {
		if (server.security() == MailboxSettings.Security.none && !loopback(server.host())) {
			problems.add("complaints.mailbox." + which + ".security=none would send the password in clear text to "
					+ server.host() + ", which is not a loopback host: set complaints.mailbox." + which
					+ ".security to tls or starttls (or complaints.mailbox.allow-insecure=true to accept it)");
		}
	}

	/**
	 * Whether the host names this machine's loopback interface, by its text alone (no
	 * DNS).
	 */
	public static boolean loopback(String host) {
		if (host == null) {
			return false;
		}
		String h = host.trim().toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		return h.equals("localhost") || h.equals("localhost.") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1")
				|| h.equals("0:0:0:0:0:0:0:1");
	}

}
