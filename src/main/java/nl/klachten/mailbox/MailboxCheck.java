package nl.klachten.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

/**
 * The mail part of {@code scripts/complaints check} (CONTRACT §1): logs in to IMAP and
 * finds the folders, logs in to SMTP (connect, EHLO, AUTH when configured, QUIT: nothing
 * is sent), through the same sessions the processor uses ({@link MailSessions},
 * {@link SmtpTransport}). Each item is one line: {@code ok ...}, or the problem in
 * {@link MailProblem}'s words. Nothing is created: a missing processed, quarantine or
 * notices folder is reported as one the processor creates; a missing inbox folder is a
 * problem.
 */
public final class MailboxCheck {

	private MailboxCheck() {
	}

	/** One line per item; the ones that start with {@code ok } are fine. */
	public static List<String> check(MailboxSettings settings) {
		if (settings.embedded()) {
			return List.of("ok imap: embedded server (starts with run)", "ok smtp: embedded server (starts with run)");
		}
		MailEndpoints endpoints;
		try {
			// one check, one token: it never lives long enough to need renewing
			endpoints = AccessTokens.attach(settings, settings.imap(), settings.smtp(),
					Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
		}
		catch (MailboxSettingsException ex) {
			return List.of(ex.getMessage());
		}
		List<String> lines = new ArrayList<>(imap(settings, endpoints.imap()));
		lines.add(smtp(settings, endpoints.smtp()));
		return lines;
	}

	static List<String> imap(MailboxSettings settings, MailboxSettings.Server server) {
		List<String> lines = new ArrayList<>();
		try (Store store = MailSessions.imap(server, 30_000).getStore(MailSessions.imapProtocol(server))) {
			MailLogin.connect(store, server);
			lines.add("ok imap: logged in to " + server.host() + ":" + server.port() + " (" + server.security() + ")");
			char separator = store.getDefaultFolder().getSeparator();
			if (!store.getFolder(server.folder()).exists()) {
				lines.add("IMAP folder " + server.folder() + " does not exist on " + server.host() + ":" + server.port()
						+ ": check complaints.mailbox.imap.folder (the folder the complaints arrive in)");
			}
			else {
				lines.add("ok imap: folder " + server.folder());
			}
			for (String folder : List.of(settings.processedFolder(), settings.quarantineFolder(),
					settings.noticesFolder())) {
				Folder found = store.getFolder(folder.replace('/', separator));
				lines.add(found.exists() ? "ok imap: folder " + folder
						: "ok imap: folder " + folder + " is missing; the processor creates it at start");
			}
		}
		catch (MessagingException | RuntimeException ex) {
			lines.add(MailProblem.describe(ex, MailProblem.Service.IMAP, server));
		}
		return lines;
	}

	static String smtp(MailboxSettings settings, MailboxSettings.Server server) {
		if (server.host() == null || server.host().isBlank()) {
			return "complaints.mailbox.smtp.host is not set while complaints.mailbox.imap.host is:"
					+ " set it to the server that sends the committee's mail";
		}
		ProblemLog quiet = ProblemLog.silent(MailProblem.Service.SMTP, server);
		try (SmtpTransport.Connection connection = new SmtpTransport(server, settings.address(), quiet).open()) {
			boolean auth = server.oauth2() || server.username() != null && !server.username().isBlank();
			return "ok smtp: " + (auth ? "logged in to " : "connected to ") + server.host() + ":" + server.port() + " ("
					+ server.security() + ")";
		}
		catch (MessagingException | RuntimeException ex) {
			return MailProblem.describe(ex, MailProblem.Service.SMTP, server);
		}
	}

}
