package nl.klachten.mailbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import nl.klachten.committee.RealTimeBackoff;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Watches the inbox with IMAP IDLE on a connection of its own and raises the
 * {@link MailSignal} when mail arrives and after every (re)connect, so mail that came
 * while the connection was down is caught by the next fetch. On a server without IDLE it
 * stops and the poll interval does the work. It never reads mail itself.
 */
public class IdleWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IdleWatcher.class);

	private static final Duration KEEP_ALIVE = Duration.ofMinutes(9);

	private final MailboxSettings.Server server;

	private final MailSignal signal;

	private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "imap-idle-keepalive");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean running;

	private volatile IMAPStore store;

	private volatile IMAPFolder folder;

	private Thread thread;

	private final ProblemLog problems;

	IdleWatcher(MailboxSettings.Server server, MailSignal signal, ProblemLog problems) {
		this.problems = problems;
		this.server = server;
		this.signal = signal;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::watch, "imap-idle");
		this.thread.setDaemon(true);
		this.thread.start();
		this.keepAlive.scheduleWithFixedDelay(this::ping, KEEP_ALIVE.toSeconds(), KEEP_ALIVE.toSeconds(),
				TimeUnit.SECONDS);
	}

	/**
	 * Reconnects after IDLE ends or fails: from 1 s, doubling to 1 min while connecting
	 * fails.
	 */
	private void watch() {
		RealTimeBackoff backoff = new RealTimeBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
		while (this.running) {
			try {
				connect();
				this.problems.succeeded();
				if (!this.store.hasCapability("IDLE")) {
					log.info("The IMAP server has no IDLE; polling the inbox");
					disconnect();
					return;
				}
				this.signal.raise();
				backoff.succeeded();
				idle();
			}
			catch (MessagingException | RuntimeException ex) {
				lost(ex);
			}
			disconnect();
			sleep(backoff.failed().toMillis());
		}
	}

	/**
	 * Idles until the connection ends or the watcher stops; each IDLE ends at new mail or
	 * a ping.
	 */
	private void idle() throws MessagingException {
		while (this.running && this.folder.isOpen()) {
			this.folder.idle(true);
		}
	}

	private void lost(Exception failure) {
		if (this.running) {
			this.problems.failed(failure);
			log.debug("IDLE connection lost ({}); reconnecting", failure.getClass().getSimpleName());
		}
	}

	private void connect() throws MessagingException {
		IMAPStore imap = (IMAPStore) MailSessions.imap(this.server, 0).getStore(MailSessions.imapProtocol(this.server));
		MailLogin.connect(imap, this.server);
		IMAPFolder inbox = (IMAPFolder) imap.getFolder(this.server.folder());
		inbox.open(Folder.READ_ONLY);
		inbox.addMessageCountListener(new MessageCountAdapter() {
			@Override
			public void messagesAdded(MessageCountEvent event) {
				IdleWatcher.this.signal.raise();
			}
		});
		this.store = imap;
		this.folder = inbox;
	}

	/**
	 * Any command ends the current IDLE; the loop then starts a fresh one, well inside
	 * the 29-minute limit.
	 */
	private void ping() {
		IMAPFolder current = this.folder;
		try {
			if (current != null && current.isOpen()) {
				current.getMessageCount();
			}
		}
		catch (MessagingException | RuntimeException ex) {
			log.debug("IDLE keep-alive failed: {}", ex.getClass().getSimpleName());
		}
	}

	private void disconnect() {
		try {
			if (this.folder != null && this.folder.isOpen()) {
				this.folder.close(false);
			}
			if (this.store != null) {
				this.store.close();
			}
		}
		catch (MessagingException | RuntimeException ex) {
			log.debug("Closing the IDLE connection failed: {}", ex.getClass().getSimpleName());
		}
		this.folder = null;
		this.store = null;
	}

	private void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.keepAlive.shutdownNow();
		disconnect();
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
