package nl.klachten.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.intake.HostileMime;
import nl.klachten.intake.Intake;
import nl.klachten.mailbox.FetchedMail;
import nl.klachten.mailbox.Filing;
import nl.klachten.mailbox.MailBatch;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 with the MIME limits set out of the way: a 20,000-deep mail really makes the parser
 * overflow its stack. The {@link StackOverflowError} is that mail's failure alone: the complaint
 * in the same batch is registered the first time, the failure is counted in a transaction of its
 * own on every read of the batch, and after {@code max-attempts} the mail is quarantined with its
 * reason. The parse threads get a 256 KB stack and the mail is four times as deep as what overflowed
 * it cold, so that the overflow does not depend on how far the JIT has shrunk the parser's frames
 * (at 5,000 levels the third read of the batch, JIT-compiled, parsed it); the time bound is set
 * out of the way too, as on a loaded machine the deep parse can outlast the default 10 s. The batch goes straight to the intake, as the IMAP reader
 * hands it over (GreenMail's own copy of so deep a mail takes minutes; the depth limit's end-to-end
 * test over IMAP is {@code HostileMailIntegrationTests}).
 */
@SpringBootTest(classes = Application.class,
		properties = { "complaints.intake.max-attempts=3", "complaints.intake.max-mail-time=120s",
				"complaints.intake.limits.mime-depth=100000",
				"complaints.intake.limits.parts=100000", "complaints.intake.parse-stack-size=256KB" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StackOverflowMailIntegrationTests {

	static final Path register = MailFixtures.registerDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("complaints.pipeline.enabled", () -> "false");
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
	}

	@Autowired
	Intake intake;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldCountTheErrorAndQuarantineAfterMaxAttemptsWhenTheParseOverflowsTheStack() {
		byte[] hostile = HostileMime.nestedMultipart(20_000, uniqueSender(), newMessageId());
		String sender = uniqueSender();
		byte[] complaint = aComplaint(sender, "Gewone klacht", "Deze klacht staat achter de geneste mail.",
				newMessageId()).getBytes(StandardCharsets.UTF_8);
		MailBatch batch = new MailBatch(List.of(new FetchedMail(1, null, hostile.length, hostile, null),
				new FetchedMail(2, null, complaint.length, complaint, null)));

		Filing first = this.intake.take(batch);
		assertThat(first.destinations()).as("the complaint is filed, the hostile mail waits").containsOnlyKeys(2L);
		assertThat(count("SELECT count(*) FROM complaint WHERE complainant_email = ?", sender)).isOne();
		assertThat(attempts()).containsExactly("1 StackOverflowError");

		assertThat(this.intake.take(batch).destinations()).containsOnlyKeys(2L);
		assertThat(attempts()).containsExactly("2 StackOverflowError");

		Filing third = this.intake.take(batch);
		assertThat(third.destinations()).containsEntry(1L, Filing.Destination.QUARANTINE)
			.containsEntry(2L, Filing.Destination.PROCESSED);
		assertThat(this.jdbc.sql("SELECT outcome || ' ' || reason FROM inbound_mail WHERE outcome = 'quarantined'")
			.query(String.class)
			.list()).containsExactly("quarantined processing-failed:StackOverflowError");
		assertThat(count("SELECT count(*) FROM complaint WHERE complainant_email = ?", sender)).isOne();
	}

	private List<String> attempts() {
		return this.jdbc.sql("SELECT attempts || ' ' || last_error FROM intake_failure").query(String.class).list();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
