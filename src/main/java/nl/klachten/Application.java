package nl.klachten;

import nl.klachten.cli.ComplaintsCli;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The complaints processor. {@code main} hands the command line to {@link ComplaintsCli}: {@code run}
 * (the default) starts the pipeline and keeps running; the admin commands open the register,
 * answer and exit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

	public static void main(String[] args) {
		int exitCode = ComplaintsCli.execute(args);
		if (exitCode != ComplaintsCli.KEEP_RUNNING) {
			System.exit(exitCode);
		}
	}

}
