package nl.klachten.mailbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets with {@code TCP_NODELAY} for the mail connections (issue 15). A mail command
 * often goes out in more than one write (a message's last line and the {@code .} of
 * SMTP's DATA, an IMAP literal after its continuation); with Nagle's algorithm the last
 * write waits for the acknowledgement of the first, which the server delays by up to 40
 * ms because it has nothing to answer yet. Each mail then cost 40 ms of waiting on the
 * embedded GreenMail. Our writes are whole commands, so there is nothing for Nagle to
 * gather.
 * <p>
 * TLS sockets also offer the ChaCha20-Poly1305 suites first ({@link TlsSuites}); every
 * suite the JVM enables stays enabled.
 */
final class NoDelaySockets {

	private NoDelaySockets() {
	}

	/** Plain sockets (and the socket STARTTLS later layers TLS over). */
	static SocketFactory plain() {
		return new Plain(SocketFactory.getDefault());
	}

	/** TLS sockets of {@code factory} (the trust store's, or the JVM's when null). */
	static SSLSocketFactory tls(SSLSocketFactory factory) {
		return new Tls(factory == null ? (SSLSocketFactory) SSLSocketFactory.getDefault() : factory);
	}

	private static <S extends Socket> S noDelay(S socket) throws SocketException {
		socket.setTcpNoDelay(true);
		if (socket instanceof SSLSocket tls) {
			tls.setEnabledCipherSuites(TlsSuites.chachaFirst(tls.getEnabledCipherSuites()));
		}
		return socket;
	}

	private static final class Plain extends SocketFactory {

		private final SocketFactory sockets;

		Plain(SocketFactory sockets) {
			this.sockets = sockets;
		}

		@Override
		public Socket createSocket() throws IOException {
			return noDelay(this.sockets.createSocket());
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return noDelay(this.sockets.createSocket(host, port));
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
			return noDelay(this.sockets.createSocket(host, port, local, localPort));
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return noDelay(this.sockets.createSocket(host, port));
		}

		@Override
		public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
			return noDelay(this.sockets.createSocket(host, port, local, localPort));
		}

	}

	private static final class Tls extends SSLSocketFactory {

		private final SSLSocketFactory sockets;

		Tls(SSLSocketFactory sockets) {
			this.sockets = sockets;
		}

		@Override
		public String[] getDefaultCipherSuites() {
			return TlsSuites.chachaFirst(this.sockets.getDefaultCipherSuites());
		}

		@Override
		public String[] getSupportedCipherSuites() {
			return this.sockets.getSupportedCipherSuites();
		}

		@Override
		public Socket createSocket() throws IOException {
			return noDelay(this.sockets.createSocket());
		}

		@Override
		public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
			return noDelay(this.sockets.createSocket(socket, host, port, autoClose));
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return noDelay(this.sockets.createSocket(host, port));
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
			return noDelay(this.sockets.createSocket(host, port, local, localPort));
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return noDelay(this.sockets.createSocket(host, port));
		}

		@Override
		public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
			return noDelay(this.sockets.createSocket(host, port, local, localPort));
		}

	}

}
