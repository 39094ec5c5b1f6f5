package nl.klachten;

import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Remembers which test class JUnit is running, for {@link UnitTestGuard}: a Spring Boot
 * application can be started from deep inside a command-line test, where no annotation
 * shows it. Registered for every test class through {@code META-INF/services} (extension
 * auto-detection is switched on in {@code junit-platform.properties}), before the test's
 * own extensions, so it also knows the class when a {@code PER_CLASS} instance is made
 * before {@code beforeAll}. Test classes run one after the other in this build, so one
 * remembered name is enough.
 */
public class RunningTestClass implements TestInstancePreConstructCallback, BeforeAllCallback, AfterAllCallback {

	private static volatile String current;

	/** The top-level test class being run, if a test class is running at all. */
	static Optional<String> name() {
		return Optional.ofNullable(current);
	}

	@Override
	public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
		current = topLevel(factory.getTestClass()).getName();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		current = topLevel(context.getRequiredTestClass()).getName();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (context.getRequiredTestClass().getEnclosingClass() == null) {
			current = null;
		}
	}

	private static Class<?> topLevel(Class<?> type) {
		Class<?> top = type;
		while (top.getEnclosingClass() != null) {
			top = top.getEnclosingClass();
		}
		return top;
	}

}
