package nl.klachten.mailbox;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a mail server problem when it starts and when it ends, not once per poll: a wrong
 * password met on every retry gives one warning, a different problem a new one, and the
 * first success after it one line saying the server answers again. The line is
 * {@link MailProblem}'s, never a stack trace.
 */
public class ProblemLog {

	private static final Logger log = LoggerFactory.getLogger(ProblemLog.class);

	private final MailProblem.Service service;

	private final MailboxSettings.Server server;

	private final boolean tell;

	private String current;

	public ProblemLog(MailProblem.Service service, MailboxSettings.Server server) {
		this(service, server, true);
	}

	private ProblemLog(MailProblem.Service service, MailboxSettings.Server server, boolean tell) {
		this.service = service;
		this.server = server;
		this.tell = tell;
	}

	/** One that logs nothing, for {@code check}, which prints the line itself. */
	static ProblemLog silent(MailProblem.Service service, MailboxSettings.Server server) {
		return new ProblemLog(service, server, false);
	}

	/**
	 * A failure; logged when it is not the problem already told, with the retry that
	 * follows.
	 */
	public synchronized void failed(Throwable failure) {
		String line = MailProblem.describe(failure, this.service, this.server);
		if (!Objects.equals(line, this.current)) {
			this.current = line;
			if (this.tell) {
				log.warn("{} (retrying with backoff)", line);
			}
		}
	}

	/** A success; ends the current problem, if any, with one line. */
	public synchronized void succeeded() {
		if (this.current != null && this.tell) {
			log.info("{} server {}:{} answers again", this.service, this.server.host(), this.server.port());
		}
		this.current = null;
	}

	public synchronized boolean failing() {
		return this.current != null;
	}

}
