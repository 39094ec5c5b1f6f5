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
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A minimal SMTP server on 127.0.0.1 that refuses one address at RCPT with {@code 550 5.1.1}, as
 * Postfix does for an unknown user of its own domain, and hands everything else on unchanged to
 * another SMTP server (GreenMail). GreenMail itself accepts every recipient.
 */
final class RefusingSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final String refused;

	private final int next;

	RefusingSmtpServer(String refused, int next) {
		this.refused = refused;
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

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				talk(client);
			}
			catch (IOException ex) {
				// a client that went away, or the server closing
			}
		}
	}

	private void talk(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
		OutputStream out = client.getOutputStream();
		reply(out, "220 refusing ESMTP");
		String from = null;
		List<String> to = new ArrayList<>();
		for (String line = in.readLine(); line != null; line = in.readLine()) {
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
					if (rcpt.equalsIgnoreCase(this.refused)) {
						reply(out, "550 5.1.1 <" + rcpt + ">: Recipient address rejected: User unknown");
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
					forward(from, to, data.toString().getBytes(StandardCharsets.ISO_8859_1));
					reply(out, "250 2.0.0 Ok: queued");
				}
				case "QUIT" -> {
					reply(out, "221 2.0.0 Bye");
					return;
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

}
