package nl.klachten.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny OAuth2 provider on 127.0.0.1 for tests: {@code /token} issues {@code token-1},
 * {@code token-2}, ... (or answers {@link #refuse} with a status and an error),
 * {@code /introspect} tells Dovecot whether a token is active and whose it is (RFC 7662,
 * POST {@code token=...}).
 */
final class TokenEndpoint implements AutoCloseable {

	private final HttpServer server;

	private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	private final Set<String> issued = ConcurrentHashMap.newKeySet();

	private final AtomicInteger counter = new AtomicInteger();

	private final String username;

	private volatile int expiresIn = 3600;

	private volatile boolean allRevoked;

	private volatile int refuseStatus;

	private volatile String refuseError;

	TokenEndpoint(int port, String username) throws IOException {
		this.username = username;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		this.server.createContext("/token", this::token);
		this.server.createContext("/introspect", this::introspect);
		this.server.start();
	}

	String tokenUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/token";
	}

	List<Map<String, String>> requests() {
		return this.requests;
	}

	void expiresIn(int seconds) {
		this.expiresIn = seconds;
	}

	void refuse(int status, String error) {
		this.refuseStatus = status;
		this.refuseError = error;
	}

	void revoke(String token) {
		this.issued.remove(token);
	}

	/**
	 * While set, introspection calls every token inactive, also the ones issued later.
	 */
	void revokeAll(boolean revoked) {
		this.allRevoked = revoked;
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(exchange.getRequestBody());
		this.requests.add(form);
		if (this.refuseStatus != 0) {
			answer(exchange, this.refuseStatus, "{\"error\":\"" + this.refuseError + "\"}");
			return;
		}
		String token = "token-" + this.counter.incrementAndGet();
		this.issued.add(token);
		answer(exchange, 200,
				"{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + this.expiresIn + "}");
	}

	private void introspect(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(exchange.getRequestBody());
		String token = form.getOrDefault("token", "");
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		if (token.isEmpty() && auth != null && auth.startsWith("Bearer ")) {
			token = auth.substring(7);
		}
		answer(exchange, 200, !this.allRevoked && this.issued.contains(token)
				? "{\"active\":true,\"username\":\"" + this.username + "\"}" : "{\"active\":false}");
	}

	private static Map<String, String> form(InputStream in) throws IOException {
		Map<String, String> form = new LinkedHashMap<>();
		String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
