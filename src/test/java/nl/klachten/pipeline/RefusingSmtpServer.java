package nl.klachten.pipeline;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A minimal SMTP server on 127.0.0.1 that refuses one address at RCPT with
 * {@code 550 5.1.1}, as Postfix does for an unknown user of its own domain, and hands
 * everything else on unchanged to another SMTP server (GreenMail). GreenMail itself
 * accepts every recipient. A test can script more (issue 13): a reply per recipient at
 * RCPT ({@link #atRcpt}), a reply at the end of DATA for mail to an address
 * ({@link #atData}), the whole server refusing connections ({@link #down}), and a hook
 * run when a mail's data has arrived, before it is accepted ({@link #beforeAccept}). Each
 * connection is served on a thread of its own, as a real server does, since the outbox
 * keeps several open at once (issue 15); {@link #connections} counts them and
 * {@link #dropAll} closes the open ones, as a server's idle timeout does.
 */
final class RefusingSmtpServer implements AutoCloseable {

	/** An {@link #atData} reply that closes the connection instead of answering. */
	static final String DROP = "DROP";

	private final ServerSocket socket;

	private final int next;

	private final Map<String, String> rcpt = new ConcurrentHashMap<>();

	private final Map<String, String> data = new ConcurrentHashMap<>();

	private volatile boolean down;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final AtomicInteger accepted = new AtomicInteger();

	private volatile Consumer<String> beforeAccept = (raw) -> {
	};

	RefusingSmtpServer(String refused, int next) {
		this(next);
		atRcpt(refused, "550 5.1.1 <" + refused + ">: Recipient address rejected: User unknown");
	}

	RefusingSmtpServer(int next) {
		this.next = next;
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::serve, "refusing-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	/** The reply to RCPT for this address from now on; null: accepted again. */
	RefusingSmtpServer atRcpt(String address, String reply) {
		if (reply == null) {
			this.rcpt.remove(address.toLowerCase());
		}
		else {
			this.rcpt.put(address.toLowerCase(), reply);
		}
		return this;
	}

	/**
	 * The reply at the end of DATA (instead of accepting) for mail to this address; null:
	 * accepted.
	 */
	RefusingSmtpServer atData(String address, String reply) {
		if (reply == null) {
			this.data.remove(address.toLowerCase());
		}
		else {
			this.data.put(address.toLowerCase(), reply);
		}
		return this;
	}

	/** How many connections were made to this server so far. */
	int connections() {
		return this.accepted.get();
	}

	/** How many connections are open now. */
	int openConnections() {
		return this.open.size();
	}

	/** Closes every open connection without a word, as a server's idle timeout does. */
	void dropAll() throws IOException {
		for (Socket client : this.open) {
			client.close();
		}
	}

	/**
	 * While down, every connection is answered {@code 421} and closed, a new one at once
	 * and an open one at its next command.
	 */
	void down(boolean down) {
		this.down = down;
	}

	/**
	 * Runs with the mail's text when its data has arrived, before the server forwards and
	 * accepts it.
	 */
	void beforeAccept(Consumer<String> hook) {
		this.beforeAccept = hook;
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				this.accepted.incrementAndGet();
				Thread thread = new Thread(() -> serve(client), "refusing-smtp-session");
				thread.setDaemon(true);
				thread.start();
			}
			catch (IOException ex) {
				// the server closing
			}
		}
	}

	private void serve(Socket client) {
		this.open.add(client);
		try (client) {
			talk(client);
		}
		catch (IOException ex) {
			// a client that went away, or the connection dropped
		}
		finally {
			this.open.remove(client);
		}
	}

	private void talk(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
		OutputStream out = client.getOutputStream();
		if (this.down) {
			reply(out, "421 4.3.2 Service not available, closing transmission channel");
			return;
		}
		reply(out, "220 refusing ESMTP");
		String from = null;
		List<String> to = new ArrayList<>();
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			if (this.down) {
				reply(out, "421 4.3.2 Service not available, closing transmission channel");
				return;
			}
			String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
			switch (command) {
				case "EHLO", "HELO" -> reply(out, "250 refusing");
				case "MAIL" -> {
					from = address(line);
					to.clear();
					reply(out, "250 2.1.0 Ok");
				}
				case "RCPT" -> {
					String rcpt = address(line);
					String scripted = this.rcpt.get(rcpt.toLowerCase());
					if (scripted != null) {
						reply(out, scripted);
					}
					else {
						to.add(rcpt);
						reply(out, "250 2.1.5 Ok");
					}
				}
				case "DATA" -> {
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					StringBuilder data = new StringBuilder();
					for (String l = in.readLine(); l != null && !l.equals("."); l = in.readLine()) {
						data.append(l.startsWith("..") ? l.substring(1) : l).append("\r\n");
					}
					String refusal = to.stream()
						.map((r) -> this.data.get(r.toLowerCase()))
						.filter((r) -> r != null)
						.findFirst()
						.orElse(null);
					if (DROP.equals(refusal)) {
						// the connection breaks before the server answers the data
						return;
					}
					if (refusal != null || to.isEmpty()) {
						reply(out, refusal != null ? refusal : "554 5.5.1 No valid recipients");
					}
					else {
						this.beforeAccept.accept(data.toString());
						forward(from, to, data.toString().getBytes(StandardCharsets.ISO_8859_1));
						reply(out, "250 2.0.0 Ok: queued");
					}
				}
				case "QUIT" -> {
					reply(out, "221 2.0.0 Bye");
					return;
				}
				case "RSET" -> {
					to.clear();
					reply(out, "250 2.0.0 Ok");
				}
				default -> reply(out, "250 2.0.0 Ok");
			}
		}
	}

	private void forward(String from, List<String> to, byte[] raw) throws IOException {
		Properties props = new Properties();
		props.put("mail.smtp.host", "127.0.0.1");
		props.put("mail.smtp.port", String.valueOf(this.next));
		props.put("mail.smtp.from", from);
		Session session = Session.getInstance(props);
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			Address[] recipients = new Address[to.size()];
			for (int i = 0; i < recipients.length; i++) {
				recipients[i] = new InternetAddress(to.get(i));
			}
			transport.sendMessage(new MimeMessage(session, new ByteArrayInputStream(raw)), recipients);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IOException(ex);
		}
	}

	private static String address(String line) {
		int start = line.indexOf('<');
		int end = line.indexOf('>', start + 1);
		return start < 0 || end < 0 ? "" : line.substring(start + 1, end);
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * The one server of a test class, in front of the class's GreenMail: started when
	 * Spring first asks for the processor's SMTP port (before the context starts), closed
	 * after the class.
	 */
	static final class Slot {

		private final IntFunction<RefusingSmtpServer> start;

		private RefusingSmtpServer server;

		private GreenMailExtension greenMail;

		/**
		 * {@code start} makes the server from GreenMail's SMTP port, where it passes mail
		 * on to.
		 */
		Slot(IntFunction<RefusingSmtpServer> start) {
			this.start = start;
		}

		/**
		 * Points the processor's SMTP at this server; after
		 * {@code MailFixtures.properties}, whose port it overrides.
		 */
		void register(DynamicPropertyRegistry registry, GreenMailExtension greenMail) {
			this.greenMail = greenMail;
			registry.add("complaints.mailbox.smtp.port", () -> get().port());
		}

		synchronized RefusingSmtpServer get() {
			if (this.server == null) {
				this.server = this.start.apply(this.greenMail.getSmtp().getPort());
			}
			return this.server;
		}

		synchronized void close() throws IOException {
			if (this.server != null) {
				this.server.close();
				this.server = null;
			}
		}

	}

}
