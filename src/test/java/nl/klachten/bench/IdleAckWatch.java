package nl.klachten.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Watches one complainants' INBOX with IMAP IDLE and records in {@link Arrivals} when
 * each new message arrived: the clock is read as soon as the server's EXISTS ends the
 * IDLE, before the new messages' In-Reply-To and References are fetched (one round trip
 * for all of them). Mail that arrives while those are fetched is stamped when the fetch
 * ends, a few milliseconds late. Runs on its own daemon thread from the constructor until
 * {@link #close()}.
 */
final class IdleAckWatch implements AutoCloseable {

	private final Arrivals arrivals = new Arrivals();

	private final CountDownLatch ready = new CountDownLatch(1);

	private final Store store;

	private final IMAPFolder inbox;

	private volatile boolean closed;

	IdleAckWatch(MailServers servers, String user, String password) {
		try {
			this.store = servers.imapSession().getStore("imap");
			this.store.connect(servers.host(), servers.imapPort(), user, password);
			this.inbox = (IMAPFolder) this.store.getFolder("INBOX");
			this.inbox.open(Folder.READ_ONLY);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot watch the INBOX of " + user, ex);
		}
		Thread thread = new Thread(this::watch, "bench-ack-watch");
		thread.setDaemon(true);
		thread.start();
		Thread nudge = new Thread(this::nudge, "bench-ack-watch-nudge");
		nudge.setDaemon(true);
		nudge.start();
	}

	/**
	 * Once a second asks the server for the INBOX's size from another thread, which ends
	 * the watch's IDLE (Angus sends DONE) so that the watch reads the size again. Once in
	 * a CI smoke run an acknowledgement's EXISTS never ended the IDLE and was seen only
	 * when the next phase's first mail arrived, 56 s later; with the nudge such a miss is
	 * stamped at most a second late.
	 */
	private void nudge() {
		while (!this.closed) {
			try {
				Thread.sleep(1_000);
				this.inbox.getMessageCount();
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (MessagingException | RuntimeException ex) {
				// the watch reports its own failure
			}
		}
	}

	Arrivals arrivals() {
		return this.arrivals;
	}

	private void watch() {
		try {
			int seen = this.inbox.getMessageCount();
			this.ready.countDown();
			while (!this.closed) {
				int count = this.inbox.getMessageCount();
				if (count > seen) {
					record(seen + 1, count, System.nanoTime());
				}
				seen = count;
				this.inbox.idle(true);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			if (!this.closed) {
				System.err.println("bench: the acknowledgement watch stopped: " + ex);
			}
		}
	}

	private void record(int from, int to, long nanos) throws MessagingException {
		Message[] added = this.inbox.getMessages(from, to);
		FetchProfile headers = new FetchProfile();
		headers.add("In-Reply-To");
		headers.add("References");
		this.inbox.fetch(added, headers);
		for (Message m : added) {
			try {
				MimeMessage mime = (MimeMessage) m;
				this.arrivals.record(nanos, mime.getHeader("In-Reply-To", " "), mime.getHeader("References", " "));
			}
			catch (MessagingException ex) {
				// removed meanwhile by someone else: not ours to count
			}
		}
	}

	/**
	 * Waits until the watch has read the INBOX's size, so that nothing after this is
	 * missed.
	 */
	void awaitReady() throws InterruptedException {
		this.ready.await(30, TimeUnit.SECONDS);
	}

	/**
	 * Closes the connection, waiting at most five seconds: Angus ends the watch's IDLE
	 * first and waits for it, and once in a few runs that wait never ended, so the
	 * benchmark hung after its last figure. The watch thread is a daemon either way.
	 */
	@Override
	public void close() {
		this.closed = true;
		Thread closer = new Thread(() -> {
			try {
				this.store.close();
			}
			catch (MessagingException ex) {
				// closing anyway
			}
		}, "bench-ack-watch-close");
		closer.setDaemon(true);
		closer.start();
		try {
			closer.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
