package nl.klachten.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The transport floor: a minimal client that does the processor's mail work and nothing
 * else, to tell what the mail servers allow on this machine. Whenever the intake INBOX
 * holds mail it takes all of it in bulk ({@link FloorImap}: UID SEARCH, UID FETCH
 * BODY.PEEK[]), sends per complaint an acknowledgement to the sender (In-Reply-To and
 * References the complaint) and a notification to the chair, over 4 SMTP connections kept
 * open (STARTTLS and AUTH as the processor, on the real servers), then moves the lot to
 * its folder (UID MOVE); between batches it IDLEs. No register, no parsing beyond the
 * three headers it answers, no templates: the processor's own work is what it leaves out.
 * A wake-up every second guards against a notice lost between a search and the IDLE.
 */
final class TransportFloor implements AutoCloseable {

	private static final int SMTP_CONNECTIONS = 4;

	private final MailServers servers;

	private final Session smtp;

	private final ExecutorService senders = Executors.newFixedThreadPool(SMTP_CONNECTIONS);

	private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor();

	private final ThreadLocal<Transport> transport = new ThreadLocal<>();

	private final List<Transport> transports = new ArrayList<>();

	private volatile FloorImap imap;

	private final Thread reader;

	private volatile boolean closed;

	private volatile Exception failure;

	private volatile long moved;

	private volatile int reconnects;

	TransportFloor(MailServers servers) throws MessagingException {
		this.servers = servers;
		this.smtp = servers.smtpSession(true);
		this.imap = new FloorImap(servers);
		this.reader = new Thread(this::read, "bench-floor");
		this.reader.setDaemon(true);
		this.reader.start();
		this.waker.scheduleWithFixedDelay(this::wake, 1, 1, TimeUnit.SECONDS);
	}

	private void read() {
		try {
			while (!this.closed) {
				try {
					batch();
				}
				catch (FolderClosedException ex) {
					// the server dropped the connection (GreenMail may, at the end of an
					// IDLE): again
					this.imap.close();
					this.imap = new FloorImap(this.servers);
					this.reconnects++;
				}
			}
		}
		catch (Exception ex) {
			if (!this.closed) {
				this.failure = ex;
			}
		}
	}

	private void batch() throws Exception {
		long[] uids = this.imap.search();
		if (uids.length == 0) {
			this.imap.idle();
			return;
		}
		List<Future<?>> sent = new ArrayList<>();
		for (byte[] raw : this.imap.fetch(uids)) {
			sent.add(this.senders.submit(() -> answer(raw)));
		}
		for (Future<?> f : sent) {
			f.get();
		}
		this.imap.move(uids);
		this.moved += uids.length;
	}

	/** How often the IMAP connection had to be made again. */
	int reconnects() {
		return this.reconnects;
	}

	private Void answer(byte[] raw) throws MessagingException {
		MimeMessage complaint = new MimeMessage(this.smtp, new ByteArrayInputStream(raw));
		String id = complaint.getMessageID();
		Address complainant = complaint.getFrom()[0];
		send(reply(id, complainant, "Ontvangstbevestiging: " + complaint.getSubject(),
				"Wij hebben uw klacht ontvangen en behandelen haar binnen vier weken."));
		send(reply(id, new InternetAddress(this.servers.floorChair()), "Nieuwe klacht: " + complaint.getSubject(),
				"Nieuwe klacht van " + complainant + ". Antwoord met een opdracht."));
		return null;
	}

	private MimeMessage reply(String id, Address to, String subject, String text) throws MessagingException {
		MimeMessage m = new MimeMessage(this.smtp);
		m.setFrom(new InternetAddress(MailServers.COMMITTEE));
		m.setRecipient(Message.RecipientType.TO, to);
		m.setSubject(subject, "UTF-8");
		m.setHeader("In-Reply-To", id);
		m.setHeader("References", id);
		m.setText(text, "UTF-8");
		m.saveChanges();
		return m;
	}

	private void send(MimeMessage m) throws MessagingException {
		Transport t = this.transport.get();
		if (t == null) {
			t = this.smtp.getTransport("smtp");
			t.connect(this.servers.host(), this.servers.smtpPort(), MailServers.INTAKE, MailServers.INTAKE_PASSWORD);
			this.transport.set(t);
			synchronized (this.transports) {
				this.transports.add(t);
			}
		}
		t.sendMessage(m, m.getAllRecipients());
	}

	private void wake() {
		try {
			this.imap.wake();
		}
		catch (MessagingException | RuntimeException ex) {
			// the reader sees it too
		}
	}

	/**
	 * Waits until the floor has filed this many mails, at most {@code seconds}; false on
	 * the timeout.
	 */
	boolean awaitMoved(long count, long seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (this.moved < count && System.nanoTime() < deadline) {
			alive();
			Thread.sleep(20);
		}
		return this.moved >= count;
	}

	/** Throws when the floor stopped on an error. */
	void alive() {
		if (this.failure != null) {
			throw new IllegalStateException("the transport floor stopped", this.failure);
		}
	}

	@Override
	public void close() throws InterruptedException, MessagingException {
		this.closed = true;
		this.waker.shutdownNow();
		this.imap.close();
		this.reader.join(10_000);
		this.senders.shutdownNow();
		synchronized (this.transports) {
			for (Transport t : this.transports) {
				t.close();
			}
		}
	}

}
