package nl.klachten.mailbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between the processor and a test IMAP server (GreenMail), on 127.0.0.1 and
 * a random port, for the server-fault tests of issue 13. It passes bytes through
 * unchanged until a test scripts a fault: refuse connections, cut a connection in the
 * middle of a body literal, cut or refuse ({@code NO [OVERQUOTA]}) a {@code UID MOVE},
 * strip {@code MOVE}/{@code UIDPLUS} from the capabilities, answer a body as {@code NIL}
 * or leave it out, shift the UIDVALIDITY in what the server says, or run an action once a
 * body fetch is done. Server responses are read line by line with their literals, so a
 * fault hits an exact place in the protocol. It logs the commands of every connection
 * (their first line) for the tests to check what the processor sent, and counts
 * connection attempts.
 */
public final class FaultyImapProxy implements AutoCloseable {

	private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}\r?\n$");

	private static final Pattern BODY_LITERAL = Pattern.compile("BODY\\[\\] \\{(\\d+)\\}\r?\n$");

	private static final Pattern UIDVALIDITY = Pattern.compile("UIDVALIDITY (\\d+)");

	private static final Pattern TAGGED = Pattern.compile("^([A-Za-z0-9]+) (OK|NO|BAD)\\b.*", Pattern.DOTALL);

	/** What happens to the next {@code UID MOVE}. */
	public enum MoveFault {

		/** Passed through. */
		NONE,
		/** The connection is cut before the server sees the command (once). */
		CUT_BEFORE,
		/**
		 * The server carries the command out; the connection is cut before its answer
		 * (once).
		 */
		CUT_AFTER,
		/**
		 * Answered {@code NO [OVERQUOTA]} without passing it on, until the test says
		 * otherwise.
		 */
		OVERQUOTA

	}

	private final ServerSocket listener;

	private final int upstreamPort;

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicInteger moves = new AtomicInteger();

	private final AtomicInteger faults = new AtomicInteger();

	private final List<String> commands = new CopyOnWriteArrayList<>();

	private volatile boolean refuse;

	private volatile MoveFault moveFault = MoveFault.NONE;

	private volatile Set<String> stripped = Set.of();

	private final AtomicReference<String> cutBeforeCommand = new AtomicReference<>();

	private volatile String heldCommand;

	private volatile java.util.concurrent.CountDownLatch heldUntil;

	private volatile long uidValidityShift;

	private volatile String nilBodyMarker;

	private volatile String droppedBodyMarker;

	private final AtomicReference<String> cutInBodyMarker = new AtomicReference<>();

	private volatile int cutAfterBytes;

	private final AtomicReference<String> afterFetchMarker = new AtomicReference<>();

	private volatile Runnable afterFetch;

	private volatile boolean closed;

	public FaultyImapProxy(int upstreamPort) throws IOException {
		this.upstreamPort = upstreamPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accept = new Thread(this::accept, "imap-proxy-accept");
		accept.setDaemon(true);
		accept.start();
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	/** Connections accepted so far, refused ones included. */
	public int connectionAttempts() {
		return this.attempts.get();
	}

	/**
	 * How many times a scripted fault struck, for a test to make sure its fault happened.
	 */
	public int faults() {
		return this.faults.get();
	}

	/** {@code UID MOVE} commands the processor sent. */
	public int moveCommands() {
		return this.moves.get();
	}

	/**
	 * Every command line the clients sent, as "connection-number command" (login lines
	 * masked).
	 */
	public List<String> commands() {
		return List.copyOf(this.commands);
	}

	/**
	 * While true, every new connection is accepted and closed at once, as a server that
	 * is down.
	 */
	public void refuseConnections(boolean refuse) {
		this.refuse = refuse;
		if (refuse) {
			cutAll();
		}
	}

	public void moveFault(MoveFault fault) {
		this.moveFault = fault;
	}

	/**
	 * Strips these capabilities (e.g. MOVE, UIDPLUS) from every capability list the
	 * server sends from now on.
	 */
	public void stripCapabilities(String... capabilities) {
		this.stripped = Set.of(capabilities);
	}

	/**
	 * Once: the connection is cut before the server sees the next command that starts so
	 * (e.g. "UID EXPUNGE").
	 */
	public void cutBefore(String command) {
		this.cutBeforeCommand.set(command.toUpperCase(Locale.ROOT));
	}

	/**
	 * Every command that starts so (e.g. "APPEND") waits before it reaches the server
	 * until the latch is counted down: a slow server, for that command only.
	 */
	public void holdBefore(String command, java.util.concurrent.CountDownLatch until) {
		this.heldUntil = until;
		this.heldCommand = command.toUpperCase(Locale.ROOT);
	}

	/** Adds this to every UIDVALIDITY the server sends from now on. */
	public void shiftUidValidity(long shift) {
		this.uidValidityShift = shift;
	}

	/** A body literal containing this text is answered as NIL instead. */
	public void nilBodyOf(String marker) {
		this.nilBodyMarker = marker;
	}

	/** A body literal containing this text is left out of the FETCH answer altogether. */
	public void dropBodyOf(String marker) {
		this.droppedBodyMarker = marker;
	}

	/**
	 * Once: the connection is cut after this many bytes of the body literal that contains
	 * the marker.
	 */
	public void cutInBodyOf(String marker, int afterBytes) {
		this.cutAfterBytes = afterBytes;
		this.cutInBodyMarker.set(marker);
	}

	/**
	 * Once: this runs right after the server completed the body fetch that returned the
	 * marker.
	 */
	public void afterFetchOf(String marker, Runnable action) {
		this.afterFetch = action;
		this.afterFetchMarker.set(marker);
	}

	/** Cuts every open connection. */
	public void cutAll() {
		for (Connection connection : this.connections) {
			connection.close();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		cutAll();
	}

	private void accept() {
		while (!this.closed) {
			Socket client;
			try {
				client = this.listener.accept();
			}
			catch (IOException ex) {
				return;
			}
			int number = this.attempts.incrementAndGet();
			if (this.refuse) {
				closeQuietly(client);
				continue;
			}
			try {
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.upstreamPort);
				Connection connection = new Connection(number, client, server);
				this.connections.add(connection);
				connection.start();
			}
			catch (IOException ex) {
				closeQuietly(client);
			}
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// gone already
		}
	}

	/** Reads one line, LF included (null at the end of the stream). */
	private static byte[] readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			line.write(b);
			if (b == '\n') {
				break;
			}
		}
		return line.size() == 0 ? null : line.toByteArray();
	}

	private static byte[] readExactly(InputStream in, int length) throws IOException {
		byte[] bytes = in.readNBytes(length);
		if (bytes.length < length) {
			throw new IOException("end of stream in a literal");
		}
		return bytes;
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private final class Connection {

		private final int number;

		private final Socket client;

		private final Socket server;

		private final OutputStream toClient;

		/**
		 * Set when the server's next line must not reach the client: the connection is
		 * cut there.
		 */
		private volatile boolean cutAtNextServerLine;

		/**
		 * A body literal with the after-fetch marker passed; the next tagged answer
		 * completes its fetch.
		 */
		private volatile boolean fetchedMarker;

		Connection(int number, Socket client, Socket server) throws IOException {
			this.number = number;
			this.client = client;
			this.server = server;
			this.toClient = client.getOutputStream();
		}

		void start() {
			Thread up = new Thread(this::clientToServer, "imap-proxy-up-" + this.number);
			Thread down = new Thread(this::serverToClient, "imap-proxy-down-" + this.number);
			up.setDaemon(true);
			down.setDaemon(true);
			up.start();
			down.start();
		}

		void close() {
			closeQuietly(this.client);
			closeQuietly(this.server);
			FaultyImapProxy.this.connections.remove(this);
		}

		private void clientToServer() {
			try (InputStream in = new BufferedInputStream(this.client.getInputStream())) {
				OutputStream out = this.server.getOutputStream();
				byte[] line;
				while ((line = readLine(in)) != null) {
					String command = text(line);
					String[] words = command.trim().split(" ", 4);
					boolean move = words.length >= 3 && words[1].equalsIgnoreCase("UID")
							&& words[2].equalsIgnoreCase("MOVE");
					boolean login = words.length >= 2
							&& (words[1].equalsIgnoreCase("LOGIN") || words[1].equalsIgnoreCase("AUTHENTICATE"));
					FaultyImapProxy.this.commands
						.add(this.number + " " + (login ? words[0] + " " + words[1] + " ***" : command.trim()));
					String held = FaultyImapProxy.this.heldCommand;
					if (held != null && words.length >= 2
							&& command.substring(command.indexOf(' ') + 1).toUpperCase(Locale.ROOT).startsWith(held)) {
						try {
							FaultyImapProxy.this.heldUntil.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
					String cut = FaultyImapProxy.this.cutBeforeCommand.get();
					if (cut != null && words.length >= 2
							&& command.substring(command.indexOf(' ') + 1).toUpperCase(Locale.ROOT).startsWith(cut)
							&& FaultyImapProxy.this.cutBeforeCommand.compareAndSet(cut, null)) {
						FaultyImapProxy.this.faults.incrementAndGet();
						close();
						return;
					}
					if (move) {
						FaultyImapProxy.this.moves.incrementAndGet();
						MoveFault fault = FaultyImapProxy.this.moveFault;
						if (fault != MoveFault.NONE) {
							FaultyImapProxy.this.faults.incrementAndGet();
						}
						if (fault == MoveFault.OVERQUOTA) {
							reply(words[0] + " NO [OVERQUOTA] Quota exceeded (test proxy)\r\n");
							continue;
						}
						if (fault == MoveFault.CUT_BEFORE) {
							FaultyImapProxy.this.moveFault = MoveFault.NONE;
							close();
							return;
						}
						if (fault == MoveFault.CUT_AFTER) {
							FaultyImapProxy.this.moveFault = MoveFault.NONE;
							this.cutAtNextServerLine = true;
						}
					}
					out.write(line);
					out.flush();
				}
			}
			catch (IOException ex) {
				// cut or closed
			}
			finally {
				close();
			}
		}

		private void serverToClient() {
			try (InputStream in = new BufferedInputStream(this.server.getInputStream())) {
				byte[] line;
				while ((line = readLine(in)) != null) {
					if (this.cutAtNextServerLine) {
						close();
						return;
					}
					String response = text(line);
					Matcher body = BODY_LITERAL.matcher(response);
					Matcher literal = LITERAL.matcher(response);
					if (body.find()) {
						byte[] content = readExactly(in, Integer.parseInt(body.group(1)));
						String contentText = text(content);
						String cutMarker = FaultyImapProxy.this.cutInBodyMarker.get();
						if (cutMarker != null && contentText.contains(cutMarker)
								&& FaultyImapProxy.this.cutInBodyMarker.compareAndSet(cutMarker, null)) {
							FaultyImapProxy.this.faults.incrementAndGet();
							reply(rewrite(response));
							write(content, Math.min(FaultyImapProxy.this.cutAfterBytes, content.length));
							close();
							return;
						}
						String nil = FaultyImapProxy.this.nilBodyMarker;
						if (nil != null && contentText.contains(nil)) {
							FaultyImapProxy.this.faults.incrementAndGet();
							reply(rewrite(response.substring(0, body.start()) + "BODY[] NIL"));
							continue;
						}
						String dropped = FaultyImapProxy.this.droppedBodyMarker;
						if (dropped != null && contentText.contains(dropped)) {
							FaultyImapProxy.this.faults.incrementAndGet();
							reply(rewrite(response.substring(0, body.start()).stripTrailing()));
							continue;
						}
						String after = FaultyImapProxy.this.afterFetchMarker.get();
						if (after != null && contentText.contains(after)) {
							this.fetchedMarker = true;
						}
						reply(rewrite(response));
						write(content, content.length);
						continue;
					}
					if (literal.find()) {
						byte[] content = readExactly(in, Integer.parseInt(literal.group(1)));
						reply(rewrite(response));
						write(content, content.length);
						continue;
					}
					reply(rewrite(response));
					if (this.fetchedMarker && TAGGED.matcher(response).matches()) {
						this.fetchedMarker = false;
						String marker = FaultyImapProxy.this.afterFetchMarker.get();
						if (marker != null && FaultyImapProxy.this.afterFetchMarker.compareAndSet(marker, null)) {
							FaultyImapProxy.this.faults.incrementAndGet();
							FaultyImapProxy.this.afterFetch.run();
						}
					}
				}
			}
			catch (IOException ex) {
				// cut or closed
			}
			finally {
				close();
			}
		}

		private String rewrite(String response) {
			String rewritten = response;
			Set<String> stripped = FaultyImapProxy.this.stripped;
			if (!stripped.isEmpty() && rewritten.toUpperCase(Locale.ROOT).contains("CAPABILITY")) {
				List<String> kept = new ArrayList<>();
				for (String word : rewritten.split(" ", -1)) {
					String bare = word.replace("]", "").trim().toUpperCase(Locale.ROOT);
					if (stripped.contains(bare)) {
						if (word.contains("]")) {
							kept.add(word.substring(word.indexOf(']')));
						}
						continue;
					}
					kept.add(word);
				}
				rewritten = String.join(" ", kept).replace(" ]", "]");
				if (!rewritten.endsWith("\n")) {
					rewritten = rewritten + "\r\n";
				}
			}
			long shift = FaultyImapProxy.this.uidValidityShift;
			if (shift != 0) {
				Matcher validity = UIDVALIDITY.matcher(rewritten);
				if (validity.find()) {
					long shifted = Long.parseLong(validity.group(1)) + shift;
					rewritten = rewritten.substring(0, validity.start()) + "UIDVALIDITY " + shifted
							+ rewritten.substring(validity.end());
				}
			}
			return rewritten;
		}

		private void reply(String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
			write(bytes, bytes.length);
		}

		private void write(byte[] bytes, int length) throws IOException {
			synchronized (this.toClient) {
				this.toClient.write(bytes, 0, length);
				this.toClient.flush();
			}
		}

	}

}
