package nl.klachten;

import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;

/**
 * Refuses to start a Spring Boot application inside a test class that is not named
 * {@code *IntegrationTests} or {@code *IT}. Surefire runs the others as unit tests, and a
 * unit test that starts the application (its register, its mail server) makes
 * {@code mvn test} slow and {@code mvn verify}'s split a lie. {@link TestSplitTests}
 * catches what the class files show ({@code @SpringBootTest}, GreenMail); this catches
 * the application started through the command line ({@code ComplaintsCli}), which they do
 * not. Outside a test run (the benchmark, the crash harness) nothing is checked.
 * Registered in {@code META-INF/spring.factories} of the tests.
 */
public class UnitTestGuard implements SpringApplicationRunListener {

	public UnitTestGuard(SpringApplication application, String[] args) {
	}

	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		Optional<String> unit = RunningTestClass.name().filter((name) -> !isIntegrationTest(name));
		if (unit.isPresent()) {
			String problem = unit.get() + " starts the Spring Boot application: name it *IntegrationTests"
					+ " (failsafe runs those), or test without the application";
			System.err.println(problem);
			throw new IllegalStateException(problem);
		}
	}

	static boolean isIntegrationTest(String className) {
		return className.endsWith("IntegrationTests") || className.endsWith("IT");
	}

}
