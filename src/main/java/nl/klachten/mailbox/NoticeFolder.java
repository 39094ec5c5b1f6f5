package nl.klachten.mailbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SearchTerm;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chair's folder of the intake mailbox ({@code complaints.mailbox.notices-folder},
 * CONTRACT §4): mail for the chair is placed there with IMAP {@code APPEND}, exactly the
 * bytes the outbox recorded and with no flags, so it waits unseen where the chair works.
 * Sent through SMTP to the intake address instead, it would land in the inbox, be read
 * back as the processor's own mail and filed among the processed mail, where nobody
 * looks.
 *
 * <p>
 * The outbox keeps a connection of its own open ({@link Connection#usable}), so the
 * intake's ({@link ImapMailbox}) is never held up by it. A missing folder is created.
 *
 * <p>
 * An {@code APPEND} the server carried out can still be lost to us (a crash, a dropped
 * connection) before the outbox marks the mail sent. SMTP leaves no trace to ask; a
 * folder does: {@link Connection#holding} says which Message-IDs it holds, in one
 * {@code SEARCH} for many, one more per id only when some are there.
 */
public class NoticeFolder {

	private static final Logger log = LoggerFactory.getLogger(NoticeFolder.class);

	/** Message-IDs per {@code SEARCH}: keeps one command line short on any server. */
	private static final int IDS_PER_SEARCH = 50;

	private final MailboxSettings.Server server;

	private final String name;

	private final ProblemLog problems;

	NoticeFolder(MailboxSettings.Server server, String name, ProblemLog problems) {
		this.server = server;
		this.name = name;
		this.problems = problems;
	}

	/**
	 * A connection with the folder open (created when missing). A failure is told once
	 * with the intake's IMAP problems ({@link ProblemLog}): the same server.
	 */
	public Connection open() throws MessagingException {
		Store store = MailSessions.imap(this.server, 60_000).getStore(MailSessions.imapProtocol(this.server));
		try {
			MailLogin.connect(store, this.server);
			IMAPFolder folder = (IMAPFolder) MailFolders.ensure(store, this.name);
			folder.open(Folder.READ_ONLY);
			this.problems.succeeded();
			return new Connection(store, folder, (IMAPFolder) store.getFolder(this.name));
		}
		catch (MessagingException | RuntimeException ex) {
			close(store);
			this.problems.failed(ex);
			throw ex;
		}
	}

	/** Creates the folder when missing: the chair can subscribe before a first notice. */
	public void prepare() {
		try {
			open().close();
		}
		catch (MessagingException ex) {
			throw new MailboxException("Cannot prepare the notices folder: " + ex.getClass().getSimpleName(), ex);
		}
	}

	/** One connection to the folder. */
	public static final class Connection implements AutoCloseable {

		private final Store store;

		private final IMAPFolder folder;

		/**
		 * The folder not selected: {@code APPEND} goes over the store's connection, not
		 * the one with the folder selected, which a server answers with an untagged
		 * {@code EXISTS} before the tagged {@code OK}, two writes; GreenMail's second one
		 * then waited for our delayed ACK, 40 ms a notice.
		 */
		private final IMAPFolder appender;

		private Connection(Store store, IMAPFolder folder, IMAPFolder appender) {
			this.store = store;
			this.folder = folder;
			this.appender = appender;
		}

		/**
		 * Those of these Message-IDs (without angle brackets) that a mail in the folder
		 * carries.
		 */
		public Set<String> holding(List<String> messageIds) throws MessagingException {
			Set<String> held = new LinkedHashSet<>();
			for (int from = 0; from < messageIds.size(); from += IDS_PER_SEARCH) {
				List<String> chunk = messageIds.subList(from, Math.min(messageIds.size(), from + IDS_PER_SEARCH));
				if (this.folder.search(anyOf(chunk)).length == 0) {
					continue;
				}
				for (String id : chunk) {
					if (this.folder.search(term(id)).length > 0) {
						held.add(id);
					}
				}
			}
			return held;
		}

		/**
		 * False when the connection is gone (the server timed it out, or dropped it):
		 * asked with a {@code NOOP}, which also brings the folder's view up to date
		 * before {@link #holding} searches it.
		 */
		public boolean usable() {
			try {
				this.folder.doCommand((IMAPProtocol protocol) -> {
					protocol.noop();
					return null;
				});
				return this.folder.isOpen();
			}
			catch (MessagingException | IllegalStateException ex) {
				return false;
			}
		}

		/**
		 * Places the mail in the folder unseen: its bytes unchanged, no flags, the
		 * server's arrival time.
		 */
		public void append(byte[] raw) throws MessagingException {
			String mailbox = this.folder.getFullName();
			Literal literal = new RawLiteral(raw);
			this.appender.doCommand((IMAPProtocol protocol) -> {
				protocol.append(mailbox, null, null, literal);
				return null;
			});
		}

		private static SearchTerm anyOf(List<String> ids) {
			if (ids.size() == 1) {
				return term(ids.get(0));
			}
			List<SearchTerm> terms = new ArrayList<>();
			ids.forEach((id) -> terms.add(term(id)));
			return new OrTerm(terms.toArray(SearchTerm[]::new));
		}

		private static SearchTerm term(String messageId) {
			return new HeaderTerm("Message-ID", "<" + messageId + ">");
		}

		@Override
		public void close() {
			try {
				if (this.folder.isOpen()) {
					this.folder.close(false);
				}
			}
			catch (MessagingException | IllegalStateException ex) {
				log.debug("Closing the notices folder failed: {}", ex.getClass().getSimpleName());
			}
			NoticeFolder.close(this.store);
		}

	}

	private static void close(Store store) {
		try {
			store.close();
		}
		catch (MessagingException ex) {
			log.debug("Closing the notices connection failed: {}", ex.getClass().getSimpleName());
		}
	}

}
