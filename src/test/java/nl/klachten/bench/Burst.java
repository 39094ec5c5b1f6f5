package nl.klachten.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Hands complaints to the SMTP server as outside senders would, over several connections
 * at once (plain SMTP, no AUTH: mail from outside), bytes unchanged, and stamps each
 * one's acceptance: the clock read when the server answered 250 to the end of DATA. At
 * full speed ({@code rate} 0) every connection sends as fast as the server takes the
 * mail; at a fixed offered rate a dispatcher hands out one complaint every 1/rate s,
 * whatever the server's pace, so that a slow server shows as latency and not as a lower
 * offered rate.
 */
final class Burst {

	private static final Complaint END = new Complaint("", "", new byte[0]);

	private final MailServers servers;

	private final int connections;

	Burst(MailServers servers, int connections) {
		this.servers = servers;
		this.connections = connections;
	}

	/**
	 * Sends them all and returns the acceptance time of each by Message-ID
	 * ({@code System.nanoTime}).
	 */
	Map<String, Long> send(List<Complaint> complaints, double rate) throws InterruptedException {
		BlockingQueue<Complaint> queue = new LinkedBlockingQueue<>();
		Map<String, Long> accepted = new ConcurrentHashMap<>();
		AtomicReference<Exception> failure = new AtomicReference<>();
		List<Thread> senders = new ArrayList<>();
		for (int c = 0; c < this.connections; c++) {
			Thread sender = new Thread(() -> drain(queue, accepted, failure), "bench-smtp-" + c);
			sender.start();
			senders.add(sender);
		}
		offer(complaints, rate, queue);
		for (Thread sender : senders) {
			sender.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("the SMTP server did not take every complaint", failure.get());
		}
		return accepted;
	}

	/**
	 * Queues them, all at once or one every 1/rate s, then one end mark per connection.
	 */
	private void offer(List<Complaint> complaints, double rate, BlockingQueue<Complaint> queue)
			throws InterruptedException {
		long start = System.nanoTime();
		for (int i = 0; i < complaints.size(); i++) {
			if (rate > 0) {
				long due = start + (long) (i * 1e9 / rate);
				TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
			}
			queue.add(complaints.get(i));
		}
		for (int c = 0; c < this.connections; c++) {
			queue.add(END);
		}
	}

	private void drain(BlockingQueue<Complaint> queue, Map<String, Long> accepted, AtomicReference<Exception> failure) {
		Session session = this.servers.smtpSession(false);
		Address[] intake;
		try (Transport transport = session.getTransport("smtp")) {
			intake = new Address[] { new InternetAddress(MailServers.INTAKE) };
			transport.connect(this.servers.host(), this.servers.smtpPort(), null, null);
			for (Complaint c = queue.take(); c != END; c = queue.take()) {
				MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(c.raw()));
				transport.sendMessage(message, intake);
				accepted.put(c.messageId(), System.nanoTime());
			}
		}
		catch (Exception ex) {
			failure.compareAndSet(null, ex);
		}
	}

}
