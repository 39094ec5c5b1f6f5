package nl.klachten.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.klachten.mailbox.EmbeddedSettings;
import nl.klachten.mailbox.MailboxSettings;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The ports the embedded mail server listens on (CONTRACT §2: SMTP 3025, IMAP 3143 on
 * 127.0.0.1), checked before the processor starts. A second {@code scripts/complaints}
 * used to print a 179-line stack trace ending in GreenMail's "set server startup
 * timeout"; it now says in one line which port is taken and why that probably is. With an
 * external IMAP host there is no embedded server; the management port (health and
 * metrics, CONTRACT §3 {@code management.server.port}, default 8081) is checked either
 * way. Port 0 (any free port, as the tests use) cannot be taken.
 */
final class EmbeddedPorts {

	private static final String HOST = "127.0.0.1";

	/** CONTRACT §3 {@code management.server.port}. */
	private static final int MANAGEMENT_PORT = 8081;

	record Port(int number, String name) {
	}

	private final List<Port> ports;

	private EmbeddedPorts(List<Port> ports) {
		this.ports = ports;
	}

	/**
	 * The embedded server's ports as configured, the Spring Boot way; none when an IMAP
	 * host is set.
	 */
	static EmbeddedPorts of(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		MailboxSettings mailbox = binder.bindOrCreate("complaints.mailbox", MailboxSettings.class);
		List<Port> ports = new ArrayList<>();
		if (mailbox.embedded()) {
			EmbeddedSettings embedded = binder.bindOrCreate("complaints.embedded", EmbeddedSettings.class);
			ports.add(new Port(embedded.smtpPort(), "embedded SMTP"));
			ports.add(new Port(embedded.imapPort(), "embedded IMAP"));
		}
		ports.add(new Port(binder.bind("management.server.port", Integer.class).orElse(MANAGEMENT_PORT),
				"health and metrics"));
		return new EmbeddedPorts(ports);
	}

	/**
	 * The environment of the first tenant that uses the embedded mail server, else of the
	 * first tenant: the ports to check before the host ({@link TenantHost}) starts.
	 */
	static EmbeddedPorts ofTenants(java.util.Collection<ConfigurableEnvironment> tenants) {
		return of(tenants.stream()
			.filter((environment) -> TenantHost.mailbox(environment).embedded())
			.findFirst()
			.orElseGet(() -> tenants.iterator().next()));
	}

	/**
	 * The first port another process holds, as the line to print; empty when all are
	 * free.
	 */
	Optional<String> taken() {
		return this.ports.stream().filter((port) -> inUse(port.number())).findFirst().map(EmbeddedPorts::line);
	}

	/**
	 * Why the processor did not start, in one line. When a port is taken now (our own
	 * server is stopped by then), that is the reason, whatever GreenMail said about its
	 * start-up timeout; otherwise the root cause's first line.
	 */
	String explain(Throwable failure) {
		return taken().orElseGet(() -> "the processor did not start: " + ComplaintsCli.oneLine(failure));
	}

	static String line(Port port) {
		return "port " + port.number() + " (" + port.name() + ") on " + HOST
				+ " is in use \u2014 is the processor already running?";
	}

	static boolean inUse(int port) {
		if (port <= 0) {
			return false;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
