package nl.klachten.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LoggingSystem;

/**
 * Logging for the read-only commands, which start no Spring Boot application and so get
 * no Boot logging set-up: without this, Logback's default would print every DEBUG line to
 * stdout, into the export. Warnings and errors go to stderr in one line each, and so does
 * the line with the time {@code export} and {@code digest} took; stdout stays the
 * command's answer.
 */
final class QuietLogging {

	private QuietLogging() {
	}

	/**
	 * Sets it up, unless Spring Boot already did in this JVM (a test, or the processor):
	 * that logging stays.
	 */
	static void apply() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
				|| context.getObject(LoggingSystem.class.getName()) != null) {
			return;
		}
		context.reset();
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("complaints: %level %logger{0}: %message%n%nopex");
		encoder.start();
		ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
		stderr.setContext(context);
		stderr.setTarget("System.err");
		stderr.setEncoder(encoder);
		stderr.start();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.WARN);
		root.addAppender(stderr);
		// the one line each with the command's own time (issue 15), no complaint text
		context.getLogger(ExportCommand.class).setLevel(Level.INFO);
		context.getLogger(DigestCommand.class).setLevel(Level.INFO);
	}

}
