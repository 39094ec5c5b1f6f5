package nl.klachten;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The complaints processor's Spring configuration: every capability's beans and settings.
 * It depends on none of them by name, and only the command line
 * ({@code cli.ComplaintsCli}, which holds {@code main}) starts it, so the layers point
 * one way (docs/architecture.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

}
