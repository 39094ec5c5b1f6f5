package nl.klachten;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The frame of the GreenMail end-to-end tests: per test class a fresh in-process GreenMail (dynamic
 * ports, the chair's account) and a fresh register, with the processor pointed at both as an
 * external mailbox. A subclass adds properties with its own {@code @SpringBootTest(properties)} or
 * {@code @DynamicPropertySource}.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class MailIntegrationTest {

	/** Started anew for every test class (the extension builds a new server in beforeAll). */
	@RegisterExtension
	protected static GreenMailExtension greenMail = MailFixtures.greenMail();

	/** One register directory per running server, so every test class starts from an empty register. */
	private static final Map<Object, Path> registers = new IdentityHashMap<>();

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		MailFixtures.properties(registry, greenMail, MailIntegrationTest::register);
	}

	/** The data directory of the current test class's register. */
	protected static synchronized Path register() {
		return registers.computeIfAbsent(greenMail.getManagers(), (server) -> MailFixtures.registerDirectory());
	}

}
