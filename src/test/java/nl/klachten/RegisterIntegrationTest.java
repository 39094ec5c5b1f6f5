package nl.klachten;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The frame of the tests that need the application's beans over a real register but no
 * mail: the pipeline, and with it the mailbox and any mail server, is switched off. With
 * nothing running in the background one context and one register can serve every such
 * class (Spring caches the context), which saves a start per class. The price is a rule:
 * a subclass keeps to the rows it made itself (its own cases, its own Message-IDs),
 * deletes nothing it did not make and leaves the clock alone. A test that needs an empty
 * register or moves the clock has a context of its own ({@code @SpringBootTest} with
 * {@code @DirtiesContext}, as {@code DigestSenderIntegrationTests}).
 */
@SpringBootTest(classes = Application.class, properties = "complaints.pipeline.enabled=false")
public abstract class RegisterIntegrationTest {

	private static final Path register = MailFixtures.registerDirectory();

	@DynamicPropertySource
	static void sharedRegister(DynamicPropertyRegistry registry) {
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
	}

}
