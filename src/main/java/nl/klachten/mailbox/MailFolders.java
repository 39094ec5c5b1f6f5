package nl.klachten.mailbox;

import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

/**
 * The folders the processor writes into, by their configured name
 * ({@code Klachten/Verwerkt}): the {@code /} becomes the server's own separator
 * (GreenMail and Dovecot use {@code .}), and a missing folder is created with its parents
 * and subscribed, so that a mail client that shows subscribed folders only (most phones)
 * shows it too.
 */
final class MailFolders {

	private MailFolders() {
	}

	/** The folder, created when missing. */
	static Folder ensure(Store store, String configuredName) throws MessagingException {
		char separator = store.getDefaultFolder().getSeparator();
		String name = configuredName.replace('/', separator);
		Folder folder = store.getFolder(name);
		if (!folder.exists()) {
			createWithParents(store, name, separator);
			subscribe(folder);
		}
		return folder;
	}

	private static void createWithParents(Store store, String name, char separator) throws MessagingException {
		StringBuilder path = new StringBuilder();
		for (String part : name.split(Pattern.quote(String.valueOf(separator)))) {
			path.append(path.length() == 0 ? "" : String.valueOf(separator)).append(part);
			Folder folder = store.getFolder(path.toString());
			if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS)
					&& !folder.create(Folder.HOLDS_MESSAGES)) {
				throw new MessagingException("Cannot create folder");
			}
		}
	}

	/**
	 * A server without subscriptions still has the folder; only the client's view is
	 * lost.
	 */
	private static void subscribe(Folder folder) {
		try {
			folder.setSubscribed(true);
		}
		catch (MessagingException ex) {
			// the folder exists and takes mail; a client that lists all folders still
			// shows it
		}
	}

}
